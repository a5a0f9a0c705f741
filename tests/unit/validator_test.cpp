#include <gtest/gtest.h>

#include "text/wat_parser.hpp"
#include "validator/validator.hpp"

namespace {

std::string validate(const char* wat) {
  auto m = petrel::text::parse_wat(wat);
  if (!m) return "parse: " + m.error().message;
  auto v = petrel::validate_module(*m);
  return v ? "ok" : v.error().message;
}

}  // namespace

TEST(Validator, UnreachableMakesStackPolymorphic) {
  EXPECT_EQ(validate("(func (result i32) unreachable i32.add)"), "ok");
  EXPECT_EQ(validate("(func (result i32) (br 0 (i32.const 1)) i64.add)"), "type mismatch");
}

TEST(Validator, SelectNeedsMatchingNumericOperands) {
  EXPECT_EQ(validate("(func (result i32) unreachable select)"), "ok");
  EXPECT_EQ(validate("(func (select (i32.const 1) (i64.const 1) (i32.const 1)) drop)"), "type mismatch");
  EXPECT_EQ(validate("(func (param funcref) (select (local.get 0) (local.get 0) (i32.const 1)) drop)"),
            "type mismatch");
}

TEST(Validator, BrTableArityMustAgree) {
  EXPECT_EQ(validate("(func (block (result i32) (block (br_table 0 1 (i32.const 0) (i32.const 0)))) drop)"),
            "type mismatch");
  EXPECT_EQ(validate("(func (block (result i32) (block (result i32) unreachable br_table 0 1) drop unreachable) drop)"),
            "ok");
}

TEST(Validator, IfWithoutElseMustNotChangeTypes) {
  EXPECT_EQ(validate("(func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1))))"), "type mismatch");
  EXPECT_EQ(validate("(func (param i32) (result i32) (local.get 0) (if (param i32) (result i32) (i32.const 1) (then)))"),
            "ok");
}

TEST(Validator, IndicesAndImmutability) {
  EXPECT_EQ(validate("(func (local.get 1) drop)"), "unknown local 1");
  EXPECT_EQ(validate("(global i32 (i32.const 0)) (func (global.set 0 (i32.const 1)))"), "global is immutable");
  EXPECT_EQ(validate("(func (ref.func 0) drop)"), "undeclared function reference");
  EXPECT_EQ(validate("(func (i32.load align=8 (i32.const 0)) drop)"), "unknown memory 0");
  EXPECT_EQ(validate("(memory 1) (func (i32.load align=8 (i32.const 0)) drop)"),
            "alignment must not be larger than natural");
}

TEST(Validator, ConstantExpressions) {
  EXPECT_EQ(validate("(global i32 (i32.add (i32.const 1) (i32.const 2)))"), "constant expression required");
  EXPECT_EQ(validate("(global i32 (i64.const 1))"), "type mismatch");
  EXPECT_EQ(validate("(global i32 (i32.const 1)) (global i32 (global.get 0))"), "unknown global 0");
}

// A module with more than 4 MB of code is validated on several threads; the error must still
// be the first invalid function's, as in order.
TEST(Validator, LargeModuleReportsTheFirstInvalidFunction) {
  petrel::Module m;
  m.types.push_back({});
  constexpr uint32_t kFunctions = 20000, kBody = 256;
  for (uint32_t i = 0; i < kFunctions; ++i) {
    petrel::Function f;
    f.body_begin = static_cast<uint32_t>(m.code.size());
    f.body_offset = 1000 + m.code.size();
    std::vector<uint8_t> body(kBody - 1, 0x01);  // nop…
    if (i == 15000) body[10] = 0x6a;             // i32.add on an empty stack
    if (i == 17000) body[20] = 0x1a;             // drop on an empty stack
    m.code.insert(m.code.end(), body.begin(), body.end());
    m.code.push_back(0x0b);
    f.body_end = static_cast<uint32_t>(m.code.size());
    m.functions.push_back(f);
  }
  ASSERT_GE(m.code.size(), size_t{4} << 20);
  auto v = petrel::validate_module(m);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().message, "type mismatch");
  EXPECT_EQ(v.error().pos.offset, 1000 + 15000 * kBody + 10);  // i32.add of function 15000
  // Without the invalid functions, it validates.
  m.code[15000 * kBody + 10] = 0x01;
  m.code[17000 * kBody + 20] = 0x01;
  EXPECT_TRUE(petrel::validate_module(m));
}
