// The two-engine contract: every instruction of the opcode table (ir/opcodes.def and
// ir/simd_opcodes.def) is accepted by both engines and gives the same results in each. One
// module holds one exported function per instruction: typed instructions get constant
// operands made from their signature letters, the ones typed by hand ("*") a snippet below.
// The module runs interpreted, then compiled by LLVM (plain and metered); every export's
// results or trap must match. An instruction an engine lacks fails here — the compiler
// refuses the module naming it, the interpreter's translator likewise — not in a user's run.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "binary/encoder.hpp"
#include "interp/interpreter.hpp"
#include "ir/opcodes.hpp"
#include "native/compiler_plugin.hpp"
#include "native/native_code.hpp"
#include "runtime/instantiate.hpp"
#include "text/wat_parser.hpp"

namespace {

using namespace petrel;

// Instructions typed by hand: a function body (with its result clause) that uses them, and
// the instructions it covers. Each "*" row of the table must be covered by one of these.
struct Snippet {
  std::vector<Op> covers;
  const char* body;
};
const std::vector<Snippet>& hand_typed() {
  static const std::vector<Snippet> snippets = {
      {{Op::Unreachable}, "unreachable"},
      {{Op::Block, Op::End}, "(result i32) (block (result i32) (i32.const 1))"},
      {{Op::Loop}, "(result i32) (loop (result i32) (i32.const 2))"},
      {{Op::If, Op::Else}, "(result i32) (if (result i32) (i32.const 0) (then (i32.const 3)) (else (i32.const 4)))"},
      {{Op::Br}, "(result i32) (block (result i32) (br 0 (i32.const 5)))"},
      {{Op::BrIf}, "(result i32) (block (result i32) (drop (br_if 0 (i32.const 6) (i32.const 1))) (i32.const 0))"},
      {{Op::BrTable}, "(result i32) (block (result i32) (block (result i32) (br_table 0 1 (i32.const 7) (i32.const 1))) (i32.const 100) (i32.add))"},
      {{Op::Return}, "(result i32) (return (i32.const 8)) (i32.const 0)"},
      {{Op::Call}, "(result i32) (call $seven)"},
      {{Op::CallIndirect}, "(result i32) (call_indirect (type $to_i32) (i32.const 1))"},
      {{Op::Drop}, "(drop (i64.const 9))"},
      {{Op::Select}, "(result f32) (select (f32.const 1.5) (f32.const 2.5) (i32.const 0))"},
      {{Op::SelectT}, "(result i64) (select (result i64) (i64.const 10) (i64.const 11) (i32.const 1))"},
      {{Op::LocalGet, Op::LocalSet, Op::LocalTee},
       "(result i32) (local i32) (local.set 0 (i32.const 12)) (local.tee 0 (i32.add (local.get 0) (i32.const 1)))"},
      {{Op::GlobalGet, Op::GlobalSet}, "(result i32) (global.set $g (i32.const 13)) (global.get $g)"},
      {{Op::TableGet, Op::TableSet, Op::RefIsNull},
       "(result i32) (table.set $t (i32.const 0) (table.get $t (i32.const 1))) (ref.is_null (table.get $t (i32.const 0)))"},
      {{Op::RefNull}, "(result i32) (ref.is_null (ref.null extern))"},
      {{Op::RefFunc}, "(result i32) (table.set $t (i32.const 0) (ref.func $seven)) (call_indirect (type $to_i32) (i32.const 0))"},
      {{Op::TableInit},
       "(result i32) (table.init $t $e (i32.const 0) (i32.const 0) (i32.const 1)) (call_indirect (type $to_i32) (i32.const 0))"},
      {{Op::TableCopy}, "(result i32) (table.copy $t $t (i32.const 0) (i32.const 1) (i32.const 1)) (table.size $t)"},
      {{Op::TableGrow}, "(result i32) (table.grow $t (ref.null func) (i32.const 2))"},
      {{Op::TableFill}, "(result i32) (table.fill $t (i32.const 2) (ref.null func) (i32.const 2)) (ref.is_null (table.get $t (i32.const 3)))"},
  };
  return snippets;
}

const char* type_name(char letter) {
  switch (letter) {
    case 'i': return "i32";
    case 'I': return "i64";
    case 'f': return "f32";
    case 'F': return "f64";
    case 'V': return "v128";
  }
  ADD_FAILURE() << "unknown signature letter " << letter;
  return "i32";
}

// An operand of each type: small, so that addresses, shifts, lane indices and divisors all
// stay valid; floats and vectors with distinct parts, so that swapped operands show.
const char* operand(char letter) {
  switch (letter) {
    case 'i': return "(i32.const 3)";
    case 'I': return "(i64.const 5)";
    case 'f': return "(f32.const 1.75)";
    case 'F': return "(f64.const -2.5)";
    case 'V': return "(v128.const i32x4 0x3fc00000 0xbf800000 0x00010002 0xfffe0003)";
  }
  return "";
}

// The immediate text of an instruction typed by its signature.
std::string immediate(ImmKind kind) {
  switch (kind) {
    case ImmKind::I32:
    case ImmKind::I64: return " 3";
    case ImmKind::F32:
    case ImmKind::F64: return " 1.25";
    case ImmKind::V128: return " i32x4 1 2 3 4";
    case ImmKind::Lane:
    case ImmKind::MemargLane: return " 1";
    case ImmKind::Shuffle: return " 15 0 14 1 13 2 12 3 11 4 10 5 9 6 8 7";
    case ImmKind::MemoryInit:
    case ImmKind::Data: return " $d";
    case ImmKind::Elem: return " $e";
    case ImmKind::Table: return " $t";
    default: return "";
  }
}

// The export that stands for `op`: its text and its row (texts such as `select` repeat).
std::string export_name(Op op) { return fmt::format("{}#{}", op_info(op).text, static_cast<size_t>(op)); }

// The test module and the instruction each export stands for.
struct ContractModule {
  std::string wat;
  std::vector<std::string> exports;
};

ContractModule contract_module() {
  ContractModule m;
  m.wat =
      "(module\n"
      "  (type $to_i32 (func (result i32)))\n"
      "  (memory 1)\n"
      "  (data $d \"\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10\")\n"
      "  (table $t 4 funcref)\n"
      "  (elem (table $t) (i32.const 1) func $seven)\n"
      "  (elem $e func $seven)\n"
      "  (global $g (mut i32) (i32.const 0))\n"
      "  (func $seven (result i32) (i32.const 7))\n";
  std::set<Op> covered;
  for (const Snippet& s : hand_typed()) {
    std::string name = export_name(s.covers.front());
    m.wat += fmt::format("  (func (export \"{}\") {})\n", name, s.body);
    m.exports.push_back(name);
    covered.insert(s.covers.begin(), s.covers.end());
  }
  for (size_t i = 0; i < static_cast<size_t>(Op::Count_); ++i) {
    auto op = static_cast<Op>(i);
    const OpInfo& info = op_info(op);
    if (info.params == "*") {
      EXPECT_TRUE(covered.count(op)) << info.text << " is typed by hand and has no snippet in engine_contract_test";
      continue;
    }
    std::string name = export_name(op);
    std::string results, operands;
    for (char r : info.results) results += fmt::format(" {}", type_name(r));
    for (char p : info.params) operands += fmt::format(" {}", operand(p));
    if (!results.empty()) results = fmt::format("(result{})", results);
    m.wat += fmt::format("  (func (export \"{}\") {} ({}{}{}))\n", name, results, info.text, immediate(info.imm),
                         operands);
    m.exports.push_back(name);
  }
  m.wat += ")\n";
  return m;
}

// What one export did: its result slots, or its trap.
struct Outcome {
  std::vector<uint64_t> results;
  std::string trap;
  bool operator==(const Outcome&) const = default;
};

enum class Engine { Interpreted, Compiled, CompiledMetered };

std::map<std::string, Outcome> run_all(const ContractModule& cm, Engine engine) {
  std::map<std::string, Outcome> out;
  auto ir = text::parse_wat(cm.wat);
  if (!ir) {
    ADD_FAILURE() << "the contract module does not parse: " << ir.error().describe();
    return out;
  }
  std::shared_ptr<const LoadedModule> lm;
  if (engine == Engine::Interpreted) {
    auto loaded = load_ir(std::move(*ir));
    if (!loaded) {
      ADD_FAILURE() << "the interpreter refuses the module: " << loaded.error().describe() << "\n" << cm.wat;
      return out;
    }
    lm = *loaded;
  } else {
    native::CompileRequest request;
    request.metered = engine == Engine::CompiledMetered;
    auto universal = native::compile_module(encode_module(*ir), request);
    if (!universal) {
      ADD_FAILURE() << "the compiler refuses the module: " << universal.error().message;
      return out;
    }
    native::LoadReport report;
    auto loaded = native::load_module(*universal, {.made_here = true}, &report);
    if (!loaded || !report.native) {
      ADD_FAILURE() << "compiled code not used: " << (loaded ? report.why_not : loaded.error().describe());
      return out;
    }
    lm = *loaded;
  }
  bool metered = engine == Engine::CompiledMetered;
  Store store(std::make_unique<interp::Interpreter>(interp::InterpreterConfig{.metered = metered}),
              StoreLimits{.guard_regions = engine != Engine::Interpreted});
  Linker linker;
  auto inst = linker.instantiate(store, lm);
  if (!inst) {
    ADD_FAILURE() << "instantiation failed: " << inst.error().describe();
    return out;
  }
  if (engine != Engine::Interpreted) {
    EXPECT_TRUE((*inst)->runs_native) << (*inst)->native_fallback;
  }
  for (const std::string& name : cm.exports) {
    FuncInstance* f = (*inst)->find_export(name)->func();
    std::vector<uint64_t> args, results(slot_count(f->type.results));
    auto r = store.call(f, args, results);
    out[name] = r ? Outcome{results, {}} : Outcome{{}, r.error().message};
  }
  return out;
}

// Relaxed SIMD lets engines differ where the spec allows several results (fused or unfused
// multiply-add, NaN and out-of-range lanes); those rows are compared for trapping only. (Seen:
// f32x4/f64x2.relaxed_nmadd of a NaN lane gives the NaN with another sign when compiled.)
bool implementation_defined(const std::string& name) { return name.find("relaxed") != std::string::npos; }

void expect_same(const std::map<std::string, Outcome>& interpreted, const std::map<std::string, Outcome>& other,
                 const char* what) {
  ASSERT_EQ(interpreted.size(), other.size());
  for (const auto& [name, outcome] : interpreted) {
    const Outcome& o = other.at(name);
    if (implementation_defined(name)) {
      EXPECT_EQ(outcome.trap, o.trap) << name;
      continue;
    }
    EXPECT_EQ(outcome, o) << name << ": interpreted " << fmt::format("{::#x}", outcome.results) << " " << outcome.trap
                          << ", " << what << " " << fmt::format("{::#x}", o.results) << " " << o.trap;
  }
}

TEST(EngineContract, EveryInstructionRunsAlikeInBothEngines) {
  ContractModule cm = contract_module();
  auto interpreted = run_all(cm, Engine::Interpreted);
  ASSERT_EQ(interpreted.size(), cm.exports.size());
  // The module really runs: the hand-typed snippets give the values they are written for.
  EXPECT_EQ(interpreted.at(export_name(Op::Unreachable)).trap, "unreachable");
  EXPECT_EQ(interpreted.at(export_name(Op::Call)).results, std::vector<uint64_t>{7});
  EXPECT_EQ(interpreted.at(export_name(Op::LocalGet)).results, std::vector<uint64_t>{13});
  EXPECT_EQ(interpreted.at(export_name(Op::TableInit)).results, std::vector<uint64_t>{7});
  EXPECT_EQ(interpreted.at(export_name(Op::I32Add)).results, std::vector<uint64_t>{6});
  expect_same(interpreted, run_all(cm, Engine::Compiled), "compiled");
  expect_same(interpreted, run_all(cm, Engine::CompiledMetered), "compiled (metered)");
}

}  // namespace
