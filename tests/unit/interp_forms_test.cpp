// The interpreter's table of fused forms (interp/code.hpp: kForms), made from the family column
// of opcodes.def: every row of a family has exactly its family's forms, no form belongs to two
// rows, and the accumulator flags follow the family. A row given the wrong family, or a form
// picked by enum position, shows here.
#include <gtest/gtest.h>

#include <map>

#include "interp/code.hpp"

namespace {

using namespace petrel;
using petrel::interp::Forms;
using petrel::interp::iop;
using petrel::interp::IOp;
using petrel::interp::kForms;
using petrel::interp::kNumIOps;

std::vector<uint16_t> forms_of(const Forms& f) {
  std::vector<uint16_t> out;
  for (uint16_t v : {f.constant, f.acc, f.acc_const, f.acc_value, f.indexed, f.indexed_const, f.loaded})
    if (v) out.push_back(v);
  return out;
}

TEST(InterpForms, EachFamilyHasItsForms) {
  for (size_t i = 0; i < static_cast<size_t>(Op::Count_); ++i) {
    const OpInfo& info = op_info(static_cast<Op>(i));
    const Forms& f = kForms[i];
    size_t expected = 0;
    switch (info.family) {
      case OpFamily::Unary: expected = 1; break;
      case OpFamily::Binary:
      case OpFamily::Commutative: expected = 3; break;
      case OpFamily::Load: expected = 3; break;
      case OpFamily::V128Load: expected = 2; break;
      case OpFamily::Store: expected = 2; break;
      case OpFamily::Simd: expected = info.params == "VV" && info.results == "V" ? 1 : 0; break;
      default: break;
    }
    EXPECT_EQ(forms_of(f).size(), expected) << info.text;
    bool acc = info.numeric() || info.family == OpFamily::Load || info.family == OpFamily::ExtractLane;
    EXPECT_EQ(f.writes_acc, acc) << info.text;
    for (uint16_t form : forms_of(f)) EXPECT_GE(form, static_cast<uint16_t>(Op::Count_)) << info.text;
  }
}

TEST(InterpForms, NoFormIsShared) {
  std::map<uint16_t, std::string_view> owner;
  for (size_t i = 0; i < static_cast<size_t>(Op::Count_); ++i) {
    for (uint16_t form : forms_of(kForms[i])) {
      auto [it, fresh] = owner.emplace(form, op_info(static_cast<Op>(i)).text);
      EXPECT_TRUE(fresh) << "form " << form << " of " << op_info(static_cast<Op>(i)).text << " is also "
                         << it->second << "'s";
    }
  }
}

TEST(InterpForms, NamedFormsAreTheOnesPicked) {
  const Forms& add = kForms[iop(Op::I32Add)];
  EXPECT_EQ(add.constant, iop(IOp::I32Add_C));
  EXPECT_EQ(add.acc, iop(IOp::I32Add_A));
  EXPECT_EQ(add.acc_const, iop(IOp::I32Add_AC));
  EXPECT_EQ(kForms[iop(Op::I64Load8U)].indexed_const, iop(IOp::I64Load8U_XC));
  EXPECT_EQ(kForms[iop(Op::F64Store)].acc_value, iop(IOp::F64Store_V));
  EXPECT_EQ(kForms[iop(Op::V128Load)].indexed_const, iop(IOp::V128Load_XC));
  EXPECT_EQ(kForms[iop(Op::I32x4Add)].loaded, iop(IOp::I32x4Add_M));
  EXPECT_EQ(kForms[iop(IOp::I32x4Add_M)].loaded_store, iop(IOp::I32x4Add_MS));
  // Only _M forms have a store form; the forms' own entries say what they write.
  for (uint16_t op = 0; op < kNumIOps; ++op) {
    if (kForms[op].loaded_store) {
      EXPECT_GT(op, static_cast<uint16_t>(Op::Count_));
    }
  }
  EXPECT_TRUE(kForms[iop(IOp::I32Add_AC)].writes_acc);
  EXPECT_TRUE(kForms[iop(IOp::I32Load_XC)].writes_acc);
  EXPECT_FALSE(kForms[iop(IOp::V128Load_A)].writes_acc);
  EXPECT_FALSE(kForms[iop(IOp::I32Store_V)].writes_acc);
}

}  // namespace
