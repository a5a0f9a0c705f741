// The table of WASI host calls (host/wasi/functions.cpp) against the witx definition of
// wasi_snapshot_preview1: every function it defines is in the table with the same core wasm
// signature, and the table has nothing else but WasmEdge's socket extension.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "host/wasi/functions.hpp"

namespace {

using petrel::FuncType;
using petrel::ValType;
using petrel::wasi::Call;
using petrel::wasi::Origin;
namespace fs = std::filesystem;

const fs::path kWitxDir = PETREL_WASI_WITX;

// A witx s-expression: an atom (a word or a "string", quotes kept) or a list.
struct Sexpr {
  std::string atom;
  std::vector<Sexpr> list;
  bool is_list = false;
  bool is(const std::string& word) const { return !is_list && atom == word; }
  // The head word of a list, or "".
  std::string head() const { return is_list && !list.empty() && !list[0].is_list ? list[0].atom : ""; }
};

// Parses every top-level form of a witx file (comments are `;;` to the end of the line).
std::vector<Sexpr> parse_witx(const std::string& text) {
  std::vector<Sexpr> stack(1);
  stack[0].is_list = true;
  for (size_t i = 0; i < text.size();) {
    char ch = text[i];
    if (ch == ';' && i + 1 < text.size() && text[i + 1] == ';') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (std::isspace(static_cast<unsigned char>(ch))) {
      ++i;
    } else if (ch == '(') {
      stack.emplace_back();
      stack.back().is_list = true;
      ++i;
    } else if (ch == ')') {
      if (stack.size() < 2) throw std::runtime_error("unbalanced ')' in witx");
      Sexpr done = std::move(stack.back());
      stack.pop_back();
      stack.back().list.push_back(std::move(done));
      ++i;
    } else {
      size_t start = i;
      if (ch == '"') {
        i = text.find('"', i + 1);
        if (i == std::string::npos) throw std::runtime_error("unterminated string in witx");
        ++i;
      } else {
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '(' &&
               text[i] != ')')
          ++i;
      }
      Sexpr atom;
      atom.atom = text.substr(start, i - start);
      stack.back().list.push_back(std::move(atom));
    }
  }
  if (stack.size() != 1) throw std::runtime_error("unbalanced '(' in witx");
  return std::move(stack[0].list);
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// How witx types lower to core wasm parameters (the canonical ABI of witx's preview1).
class Lowering {
 public:
  explicit Lowering(const std::vector<Sexpr>& typenames) {
    for (const Sexpr& form : typenames)
      if (form.head() == "typename" && form.list.size() == 3) types_[form.list[1].atom] = &form.list[2];
  }

  // The core types that pass a value of `type` as a parameter.
  std::vector<ValType> params_of(const Sexpr& type) const {
    if (!type.is_list) {
      if (type.atom == "u64" || type.atom == "s64") return {ValType::I64};
      if (type.atom == "u8" || type.atom == "u16" || type.atom == "u32" || type.atom == "s8" ||
          type.atom == "s16" || type.atom == "s32" || type.atom == "char8")
        return {ValType::I32};
      if (type.atom == "string") return {ValType::I32, ValType::I32};  // pointer, length
      auto it = types_.find(type.atom);
      if (it == types_.end()) throw std::runtime_error("unknown witx type " + type.atom);
      return params_of(*it->second);
    }
    std::string h = type.head();
    if (h == "@witx") return {ValType::I32};  // (@witx pointer T), (@witx const_pointer T)
    if (h == "handle") return {ValType::I32};
    if (h == "list") return {ValType::I32, ValType::I32};  // pointer, length
    if (h == "enum" || h == "flags") {  // (enum (@witx tag u8) …), (flags (@witx repr u64) …)
      if (type.list.size() > 1 && type.list[1].head() == "@witx" && type.list[1].list.size() == 3)
        return params_of(type.list[1].list[2]);
      throw std::runtime_error("an enum or flags without its representation");
    }
    throw std::runtime_error("a witx type that is not passed as a parameter: (" + h + " …)");
  }

 private:
  std::map<std::string, const Sexpr*> types_;
};

// The core signature of one `(@interface func (export "NAME") (param …)… (result …))`:
// an `expected` result returns the errno and passes a pointer for each value it holds.
FuncType lower_function(const Sexpr& func, const Lowering& lowering) {
  FuncType t;
  for (const Sexpr& part : func.list) {
    if (part.head() == "param") {
      auto p = lowering.params_of(part.list.at(2));
      t.params.insert(t.params.end(), p.begin(), p.end());
    } else if (part.head() == "result") {
      const Sexpr& expected = part.list.at(2);
      if (expected.head() != "expected") throw std::runtime_error("a result that is not `expected`");
      for (size_t i = 1; i < expected.list.size(); ++i) {
        const Sexpr& ok = expected.list[i];
        if (ok.head() == "error") continue;
        size_t values = ok.head() == "tuple" ? ok.list.size() - 1 : 1;
        t.params.insert(t.params.end(), values, ValType::I32);  // where each value is written
      }
      t.results.push_back(ValType::I32);  // the errno
    }
  }
  return t;
}

// Every function of the witx module, by name.
std::map<std::string, FuncType> witx_functions() {
  auto typenames = parse_witx(read_text(kWitxDir / "typenames.witx"));
  auto module = parse_witx(read_text(kWitxDir / "wasi_snapshot_preview1.witx"));
  Lowering lowering(typenames);
  std::map<std::string, FuncType> out;
  for (const Sexpr& form : module) {
    if (form.head() != "module" || form.list.size() < 2 || !form.list[1].is("$wasi_snapshot_preview1")) continue;
    for (const Sexpr& item : form.list) {
      if (item.head() != "@interface" || item.list.size() < 3 || !item.list[1].is("func")) continue;
      const Sexpr& exp = item.list[2];
      if (exp.head() != "export" || exp.list.size() != 2) continue;
      std::string quoted = exp.list[1].atom;
      out[quoted.substr(1, quoted.size() - 2)] = lower_function(item, lowering);
    }
  }
  return out;
}

const Call* preview1_call(const std::string& name) {
  for (const Call& c : petrel::wasi::host_calls())
    if (c.origin == Origin::kPreview1 && c.module == "wasi_snapshot_preview1" && c.name == name) return &c;
  return nullptr;
}

class WasiCallTable : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_regular_file(kWitxDir / "wasi_snapshot_preview1.witx") ||
        !fs::is_regular_file(kWitxDir / "typenames.witx"))
      GTEST_SKIP() << "the witx definition of WASI preview1 is not at " << kWitxDir
                   << " (set the CMake cache variable PETREL_WASI_WITX to its folder)";
    witx = witx_functions();
  }
  std::map<std::string, FuncType> witx;
};

TEST_F(WasiCallTable, TheWitxFileIsRead) {
  // A parse that found nothing would make the other tests pass vacuously.
  EXPECT_GE(witx.size(), 40u);
  ASSERT_TRUE(witx.count("fd_write"));
  EXPECT_EQ(witx["fd_write"], (FuncType{{ValType::I32, ValType::I32, ValType::I32, ValType::I32}, {ValType::I32}}));
  ASSERT_TRUE(witx.count("proc_exit"));
  EXPECT_EQ(witx["proc_exit"], (FuncType{{ValType::I32}, {}}));
}

TEST_F(WasiCallTable, EveryWitxFunctionIsInTheTableWithItsSignature) {
  for (const auto& [name, type] : witx) {
    const Call* call = preview1_call(name);
    ASSERT_NE(call, nullptr) << name << " is not in the table";
    EXPECT_EQ(call->signature.func_type(), type) << name << ": table " << petrel::to_string(call->signature.func_type())
                                                 << ", witx " << petrel::to_string(type);
  }
}

TEST_F(WasiCallTable, NothingElseButTheWasmEdgeSocketExtension) {
  std::map<std::string, int> preview1_count;
  for (const Call& call : petrel::wasi::host_calls()) {
    std::string name(call.name);
    EXPECT_EQ(call.module, "wasi_snapshot_preview1") << name;
    EXPECT_NE(call.fn, nullptr) << name;
    if (call.origin == Origin::kPreview1) {
      EXPECT_TRUE(witx.count(name)) << name << " is marked preview1 but is not in the witx file";
      EXPECT_EQ(++preview1_count[name], 1) << name << " is in the table twice";
    } else {
      // An extension is a socket call, and never a second copy of a preview1 function.
      EXPECT_TRUE(name.starts_with("sock_")) << name << " is neither preview1 nor a WasmEdge socket call";
      if (witx.count(name)) {
        EXPECT_NE(call.signature.func_type(), witx[name]) << name << " duplicates preview1's";
      }
    }
  }
}

}  // namespace
