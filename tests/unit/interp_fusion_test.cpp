// The interpreter's register code (src/interp/code.hpp) merges wasm instructions: operands
// read straight from locals and constants, results retargeted to locals, compare+branch,
// the accumulator, i32.add folded into loads, v128.load folded into SIMD operators, moves
// batched. Each test runs a pattern that triggers one of them on edge values and checks the
// result, or the trap and the bytecode offset of the instruction that must report it.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "interp/interpreter.hpp"
#include "runtime/instantiate.hpp"
#include "text/wat_parser.hpp"

namespace {

using petrel::ExternKind;

struct Outcome {
  std::vector<uint64_t> results;
  std::string trap;   // the trap message, empty when none
  std::string where;  // "function NAME, offset 0x…" for traps
};

// Instantiates `wat` (no imports) on a fresh interpreter store and calls export `name`.
Outcome call(const std::string& wat, const char* name, std::vector<uint64_t> args, size_t num_results = 1,
         bool metered = false) {
  auto ir = petrel::text::parse_wat(wat);
  EXPECT_TRUE(ir) << (ir ? "" : ir.error().message);
  if (!ir) return {};
  auto loaded = petrel::load_ir(std::move(*ir));
  EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().message);
  if (!loaded) return {};
  petrel::Store store(std::make_unique<petrel::interp::Interpreter>(petrel::interp::InterpreterConfig{.metered = metered}));
  auto inst = petrel::instantiate(store, *loaded, {});
  EXPECT_TRUE(inst);
  if (!inst) return {};
  auto f = (*inst)->find_export(name);
  EXPECT_TRUE(f && f->kind == ExternKind::Func);
  if (!f) return {};
  Outcome out;
  out.results.resize(num_results);
  auto r = store.call(f->func(), args, out.results);
  if (!r) {
    out.trap = r.error().message;
    out.where = r.error().where;
  }
  return out;
}

uint64_t i32(int32_t v) { return static_cast<uint32_t>(v); }
uint64_t f64(double d) {
  uint64_t u;
  std::memcpy(&u, &d, 8);
  return u;
}

}  // namespace

// local.get a; local.get b; op → one instruction reading both locals; the _C form takes the
// constant; the result of `op; local.set` lands in the local directly.
TEST(InterpFusion, OperandsFromLocalsAndConstants) {
  const char* wat = R"((module
    (func (export "sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
    (func (export "subc") (param i32) (result i32) (i32.sub (local.get 0) (i32.const 1)))
    (func (export "csub") (param i32) (result i32) (i32.sub (i32.const 1) (local.get 0)))
    (func (export "set") (param i32) (result i32) (local i32)
      (local.set 1 (i32.mul (local.get 0) (i32.const -1)))
      (local.get 1))
    (func (export "self") (param i32) (result i32)
      (local.set 0 (i32.add (local.get 0) (local.get 0)))
      (local.get 0))))";
  EXPECT_EQ(call(wat, "sub", {i32(INT32_MIN), 1}).results[0], i32(INT32_MAX));  // wraps
  EXPECT_EQ(call(wat, "subc", {0}).results[0], i32(-1));
  EXPECT_EQ(call(wat, "csub", {2}).results[0], i32(-1));  // constant on the left: not swapped
  EXPECT_EQ(call(wat, "set", {i32(INT32_MIN)}).results[0], i32(INT32_MIN));
  EXPECT_EQ(call(wat, "self", {i32(0x40000000)}).results[0], i32(INT32_MIN));
}

// A local read by a value still on the stack must keep its old value for that reader when
// the local is written before the value is used.
TEST(InterpFusion, LocalWrittenWhileItsReadIsPending) {
  const char* wat = R"((module
    (func (export "f") (param i32) (result i32)
      local.get 0          ;; old value, pending on the stack
      (local.set 0 (i32.add (local.get 0) (i32.const 10)))
      local.get 0
      i32.sub)             ;; old - new = -10
    (func (export "tee") (param i32) (result i32)
      local.get 0
      (local.tee 0 (i32.const 7))
      i32.sub)))";
  EXPECT_EQ(call(wat, "f", {5}).results[0], i32(-10));
  EXPECT_EQ(call(wat, "tee", {5}).results[0], i32(-2));
}

// Values pending in locals must reach a block's end the same way on every path.
TEST(InterpFusion, PendingValuesAcrossBranches) {
  const char* wat = R"((module
    (func (export "f") (param i32 i32) (result i32)
      local.get 1
      (block
        (br_if 0 (local.get 0))
        (local.set 1 (i32.const 100)))
      local.get 1
      i32.add)))";
  EXPECT_EQ(call(wat, "f", {1, 3}).results[0], 6u);    // branch taken: 3 + 3
  EXPECT_EQ(call(wat, "f", {0, 3}).results[0], 103u);  // fallthrough: 3 + 100
}

// Division traps come from the fused forms at the division's offset, in wasm's order.
TEST(InterpFusion, DivisionTrapsAtTheDivision) {
  const char* wat = R"((module
    (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func (export "divc") (param i32) (result i32) (i32.div_s (local.get 0) (i32.const -1)))
    (func (export "rem") (param i64) (result i64) (i64.rem_s (local.get 0) (i64.const -1)))))";
  Outcome zero = call(wat, "div", {1, 0});
  EXPECT_EQ(zero.trap, "integer divide by zero");
  EXPECT_EQ(zero.where, "function div, offset 0x4");  // 20 00 | 20 01 | 6d
  EXPECT_EQ(call(wat, "divc", {i32(INT32_MIN)}).trap, "integer overflow");
  EXPECT_EQ(call(wat, "divc", {i32(7)}).results[0], i32(-7));
  EXPECT_EQ(call(wat, "rem", {static_cast<uint64_t>(INT64_MIN)}, 1).results[0], 0u);  // no trap
}

// Trap offsets: the reported offset is the trapping instruction's, after fusions.
TEST(InterpFusion, TrapOffsetNamesTheInstruction) {
  // Body bytes: 20 00 (local.get 0) 41 01 (i32.const 1) 6a (i32.add) 28 02 00 (i32.load):
  // the load is at body offset 5 of the function; with the i32.add folded into the load
  // the trap must still name the load.
  const char* wat = R"((module (memory 1)
    (func (export "f") (param i32) (result i32) (i32.load (i32.add (local.get 0) (i32.const 1))))))";
  Outcome r = call(wat, "f", {65535});
  EXPECT_EQ(r.trap, "out of bounds memory access");
  EXPECT_EQ(r.where, "function f, offset 0x5");
  Outcome r2 = call(wat, "f", {65530});
  EXPECT_EQ(r2.trap, "");
  // Same pattern, address wrapping in the add: 0xFFFFFFFF + 1 = 0 is in bounds.
  EXPECT_EQ(call(wat, "f", {0xFFFFFFFFu}).trap, "");
  const char* two = R"((module (memory 1)
    (func (export "f") (param i32) (result i32)
      (i32.add (i32.load (local.get 0)) (i32.load offset=4 (local.get 0))))))";
  Outcome t = call(two, "f", {65532});
  EXPECT_EQ(t.trap, "out of bounds memory access");
  Outcome first = call(two, "f", {65533});
  EXPECT_EQ(first.trap, "out of bounds memory access");
  // Body: 20 00 | 28 02 00 (0x2) | 20 00 | 28 02 04 (0x7) | 6a.
  EXPECT_EQ(first.where, "function f, offset 0x2");
  EXPECT_EQ(t.where, "function f, offset 0x7");
}

// compare + br_if and compare + if become one instruction, negated for `if`; the forms with a
// constant and with the left operand from the accumulator must agree on signedness.
TEST(InterpFusion, CompareAndBranch) {
  const char* wat = R"((module
    (func (export "lts") (param i32 i32) (result i32)
      (block (br_if 0 (i32.lt_s (local.get 0) (local.get 1))) (return (i32.const 0)))
      (i32.const 1))
    (func (export "ltu_c") (param i32) (result i32)
      (if (result i32) (i32.lt_u (local.get 0) (i32.const 10)) (then (i32.const 1)) (else (i32.const 0))))
    (func (export "acc") (param i32 i32) (result i32)
      (if (result i32) (i32.gt_s (i32.add (local.get 0) (local.get 1)) (i32.const 0))
        (then (i32.const 1)) (else (i32.const 0))))
    (func (export "eqz64") (param i64) (result i32)
      (block (br_if 0 (i64.eqz (local.get 0))) (return (i32.const 0)))
      (i32.const 1))
    (func (export "count") (param i32) (result i32) (local i32)
      (loop
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br_if 0 (i32.ne (local.get 1) (local.get 0))))
      (local.get 1))))";
  EXPECT_EQ(call(wat, "lts", {i32(-1), 0}).results[0], 1u);
  EXPECT_EQ(call(wat, "lts", {0, i32(-1)}).results[0], 0u);
  EXPECT_EQ(call(wat, "ltu_c", {i32(-1)}).results[0], 0u);  // unsigned: 0xFFFFFFFF >= 10
  EXPECT_EQ(call(wat, "ltu_c", {9}).results[0], 1u);
  EXPECT_EQ(call(wat, "acc", {i32(INT32_MAX), 1}).results[0], 0u);  // wraps negative
  EXPECT_EQ(call(wat, "acc", {1, 1}).results[0], 1u);
  EXPECT_EQ(call(wat, "eqz64", {uint64_t{1} << 32}).results[0], 0u);  // high bits count
  EXPECT_EQ(call(wat, "eqz64", {0}).results[0], 1u);
  EXPECT_EQ(call(wat, "count", {1000}).results[0], 1000u);
}

// Floating point through the register forms: NaN comparisons are false both ways, NaN
// propagates, -0.0 is kept by min/copysign.
TEST(InterpFusion, FloatEdgeCases) {
  const char* wat = R"((module
    (func (export "lt") (param f64 f64) (result i32) (f64.lt (local.get 0) (local.get 1)))
    (func (export "ge") (param f64 f64) (result i32) (f64.ge (local.get 0) (local.get 1)))
    (func (export "add1") (param f64) (result f64) (f64.add (local.get 0) (f64.const 1)))
    (func (export "min") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))))";
  double nan = __builtin_nan("");
  EXPECT_EQ(call(wat, "lt", {f64(nan), f64(1)}).results[0], 0u);
  EXPECT_EQ(call(wat, "ge", {f64(nan), f64(1)}).results[0], 0u);
  uint64_t r = call(wat, "add1", {f64(nan)}).results[0];
  double d;
  std::memcpy(&d, &r, 8);
  EXPECT_TRUE(d != d);
  EXPECT_EQ(call(wat, "min", {f64(0.0), f64(-0.0)}).results[0], f64(-0.0));
}

// select with operands from locals and constants, both outcomes.
TEST(InterpFusion, Select) {
  const char* wat = R"((module
    (func (export "f") (param i32 i32 i32) (result i32)
      (select (local.get 0) (local.get 1) (local.get 2)))
    (func (export "c") (param i32) (result i64)
      (select (i64.const -1) (i64.const 7) (local.get 0)))))";
  EXPECT_EQ(call(wat, "f", {1, 2, 0}).results[0], 2u);
  EXPECT_EQ(call(wat, "f", {1, 2, 5}).results[0], 1u);
  EXPECT_EQ(call(wat, "c", {1}).results[0], UINT64_MAX);
  EXPECT_EQ(call(wat, "c", {0}).results[0], 7u);
}

// Batched moves run in order: a rotation of three locals through a fourth.
TEST(InterpFusion, MovesRunInOrder) {
  const char* wat = R"((module
    (func (export "rot") (param i32 i32 i32) (result i32) (local i32)
      (local.set 3 (local.get 0))
      (local.set 0 (local.get 1))
      (local.set 1 (local.get 2))
      (local.set 2 (local.get 3))
      (i32.add (i32.mul (local.get 0) (i32.const 100))
               (i32.add (i32.mul (local.get 1) (i32.const 10)) (local.get 2))))))";
  EXPECT_EQ(call(wat, "rot", {1, 2, 3}).results[0], 231u);
}

// v128.load folded into the SIMD operator that consumes it: results, and out-of-bounds
// loads trapping with the load's message.
TEST(InterpFusion, SimdLoadFolded) {
  const char* wat = R"((module (memory 1)
    (func (export "f") (param i32) (result i64)
      (i64x2.extract_lane 1
        (i64x2.add (v128.const i64x2 1 2) (v128.load (local.get 0)))))
    (func (export "sub") (param i32) (result i64)
      (i64x2.extract_lane 0
        (i64x2.sub (v128.const i64x2 1 2) (v128.load (local.get 0)))))
    (data (i32.const 0) "\05\00\00\00\00\00\00\00\07\00\00\00\00\00\00\00")))";
  EXPECT_EQ(call(wat, "f", {0}).results[0], 9u);
  EXPECT_EQ(call(wat, "sub", {0}).results[0], static_cast<uint64_t>(-4));  // 1 - 5, order kept
  EXPECT_EQ(call(wat, "f", {65521}).trap, "out of bounds memory access");
  EXPECT_EQ(call(wat, "f", {65520}).trap, "");
}

// v128.load; op; v128.store as one instruction: the store lands, and each of its two memory
// accesses reports its own offset when out of bounds.
TEST(InterpFusion, SimdLoadOpStore) {
  // Body: 20 01 (0) | fd 0c … (2, 18 bytes) | 20 00 (0x14) | fd 00 04 00 (0x16) |
  // fd ae 01 (0x1a) | fd 0b 04 00 (0x1d).
  const char* wat = R"((module (memory 1)
    (func (export "f") (param i32 i32)
      (v128.store (local.get 1)
        (i32x4.add (v128.const i32x4 1 2 3 4) (v128.load (local.get 0)))))
    (func (export "get") (param i32) (result i32) (i32.load (local.get 0)))
    (data (i32.const 0) "\0a\00\00\00\14\00\00\00\1e\00\00\00\28\00\00\00")))";
  EXPECT_EQ(call(wat, "f", {0, 64}, 0).trap, "");
  Outcome load_trap = call(wat, "f", {65530, 0}, 0);
  EXPECT_EQ(load_trap.trap, "out of bounds memory access");
  EXPECT_EQ(load_trap.where, "function f, offset 0x16");
  Outcome store_trap = call(wat, "f", {0, 65530}, 0);
  EXPECT_EQ(store_trap.trap, "out of bounds memory access");
  EXPECT_EQ(store_trap.where, "function f, offset 0x1d");
}

// Multi-value blocks and branches that move values down to the label's slots.
TEST(InterpFusion, BranchesCarryValues) {
  const char* wat = R"((module
    (func (export "f") (param i32) (result i32 i32)
      (block (result i32 i32)
        (i32.const 9)       ;; dropped by the branch
        (drop)
        (local.get 0)
        (i32.const 2)
        (br_if 0 (local.get 0))
        (drop) (drop)
        (i32.const 3) (i32.const 4)))
    (func (export "table") (param i32) (result i32)
      (block (result i32)
        (block (result i32)
          (i32.const 100)
          (local.get 0)
          (br_table 0 1 1))
        (i32.const 1)
        (i32.add)))))";
  Outcome taken = call(wat, "f", {5}, 2);
  EXPECT_EQ(taken.results, (std::vector<uint64_t>{5, 2}));
  Outcome fall = call(wat, "f", {0}, 2);
  EXPECT_EQ(fall.results, (std::vector<uint64_t>{3, 4}));
  EXPECT_EQ(call(wat, "table", {0}).results[0], 101u);
  EXPECT_EQ(call(wat, "table", {1}).results[0], 100u);
  EXPECT_EQ(call(wat, "table", {7}).results[0], 100u);  // default label
}

// Metered code counts wasm instructions, not the fused instructions that run them.
TEST(InterpFusion, FuelCountsWasmInstructions) {
  const char* wat = R"((module
    (func (export "f") (param i32) (result i32) (local i32)
      (loop
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br_if 0 (i32.ne (local.get 1) (local.get 0))))
      (local.get 1))))";
  auto ir = petrel::text::parse_wat(wat);
  ASSERT_TRUE(ir);
  auto loaded = petrel::load_ir(std::move(*ir));
  ASSERT_TRUE(loaded);
  auto engine = std::make_unique<petrel::interp::Interpreter>(petrel::interp::InterpreterConfig{.metered = true});
  auto* interp = engine.get();
  petrel::Store store(std::move(engine));
  auto inst = petrel::instantiate(store, *loaded, {});
  ASSERT_TRUE(inst);
  auto f = (*inst)->find_export("f");
  interp->set_fuel(1000000);
  uint64_t out = 0;
  std::vector<uint64_t> args{10};
  ASSERT_TRUE(store.call(f->func(), args, std::span<uint64_t>(&out, 1)));
  EXPECT_EQ(out, 10u);
  // The entry segment (loop), 10 times the loop's segment (get, const, add, set, get, get,
  // ne, br_if), then the segment after the br_if (end, local.get, end): 1 + 80 + 3.
  EXPECT_EQ(interp->fuel_consumed(), 84u);
}
