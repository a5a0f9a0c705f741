// The interpreter's internal code: a flat array of words. Each instruction is the address of
// its handler (computed-goto threading) followed by its immediates; branch targets are
// resolved to word addresses at translation time.
//
// The code is register-based: every value lives in a frame slot. A function's frame holds its
// parameters and locals, then one slot per operand-stack position (two for a v128), so the
// translator knows statically where each stack value lives. Instructions name their operand
// and result slots (`local.get` and constants cost nothing: their consumers read the local
// or carry the constant), results go straight into locals where a `local.set` follows, and
// compare + branch pairs become one instruction. Instructions without a register form (SIMD,
// tables, bulk memory) run on a stack pointer the translator sets with SetSp when needed.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "ir/opcodes.hpp"

namespace petrel::interp {

// Two 32-bit operands in one word: slot indices (or a count, a global index).
struct SlotPair {
  uint32_t a, b;
};

union Word {
  const void* handler;
  uint64_t u;
  int64_t s;
  const Word* target;
  SlotPair p;
};

// Binary numeric operators: the register form (Op itself: [dst|a][b|-]), the form whose
// right operand is a constant (name_C: [dst|a][constant]), and both again with the left
// operand taken from the accumulator (name_A, name_AC; same layout).
//
// The accumulator: numeric instructions and scalar loads also leave their result in a
// machine register. The instruction right after one of them reads that operand from the
// register instead of its slot, which a chain of dependent instructions would otherwise
// wait on (a store to memory followed at once by a load of it).
#define PETREL_BINOPS(X)                                                                          \
  X(I32Eq) X(I32Ne) X(I32LtS) X(I32LtU) X(I32GtS) X(I32GtU) X(I32LeS) X(I32LeU) X(I32GeS)        \
  X(I32GeU) X(I64Eq) X(I64Ne) X(I64LtS) X(I64LtU) X(I64GtS) X(I64GtU) X(I64LeS) X(I64LeU)        \
  X(I64GeS) X(I64GeU) X(F32Eq) X(F32Ne) X(F32Lt) X(F32Gt) X(F32Le) X(F32Ge) X(F64Eq) X(F64Ne)    \
  X(F64Lt) X(F64Gt) X(F64Le) X(F64Ge) X(I32Add) X(I32Sub) X(I32Mul) X(I32DivS) X(I32DivU)        \
  X(I32RemS) X(I32RemU) X(I32And) X(I32Or) X(I32Xor) X(I32Shl) X(I32ShrS) X(I32ShrU) X(I32Rotl)  \
  X(I32Rotr) X(I64Add) X(I64Sub) X(I64Mul) X(I64DivS) X(I64DivU) X(I64RemS) X(I64RemU) X(I64And) \
  X(I64Or) X(I64Xor) X(I64Shl) X(I64ShrS) X(I64ShrU) X(I64Rotl) X(I64Rotr) X(F32Add) X(F32Sub)   \
  X(F32Mul) X(F32Div) X(F32Min) X(F32Max) X(F32Copysign) X(F64Add) X(F64Sub) X(F64Mul) X(F64Div) \
  X(F64Min) X(F64Max) X(F64Copysign)

// Unary numeric operators: [dst|a], and name_A taking a from the accumulator.
#define PETREL_UNOPS(X)                                                                        \
  X(I32Eqz) X(I64Eqz) X(I32Clz) X(I32Ctz) X(I32Popcnt) X(I64Clz) X(I64Ctz) X(I64Popcnt)        \
  X(F32Abs) X(F32Neg) X(F32Ceil) X(F32Floor) X(F32Trunc) X(F32Nearest) X(F32Sqrt) X(F64Abs)    \
  X(F64Neg) X(F64Ceil) X(F64Floor) X(F64Trunc) X(F64Nearest) X(F64Sqrt) X(I32WrapI64)          \
  X(I32TruncF32S) X(I32TruncF32U) X(I32TruncF64S) X(I32TruncF64U) X(I64ExtendI32S)             \
  X(I64ExtendI32U) X(I64TruncF32S) X(I64TruncF32U) X(I64TruncF64S) X(I64TruncF64U)             \
  X(F32ConvertI32S) X(F32ConvertI32U) X(F32ConvertI64S) X(F32ConvertI64U) X(F32DemoteF64)      \
  X(F64ConvertI32S) X(F64ConvertI32U) X(F64ConvertI64S) X(F64ConvertI64U) X(F64PromoteF32)     \
  X(I32ReinterpretF32) X(I64ReinterpretF64) X(F32ReinterpretI32) X(F64ReinterpretI64)          \
  X(I32Extend8S) X(I32Extend16S) X(I64Extend8S) X(I64Extend16S) X(I64Extend32S)                \
  X(I32TruncSatF32S) X(I32TruncSatF32U) X(I32TruncSatF64S) X(I32TruncSatF64U)                  \
  X(I64TruncSatF32S) X(I64TruncSatF32U) X(I64TruncSatF64S) X(I64TruncSatF64U)

// Scalar loads [dst|address][offset] (name_A: the address from the accumulator) and stores
// [address|value][offset] (name_A: the address, name_V: the value from the accumulator).
// Scalar loads also have name_X: [dst|a][b|-][offset] and name_XC: [dst|a][constant][offset],
// the address being the i32.add of a and b (or the constant) that came just before.
#define PETREL_SCALAR_LOADS(X)                                                                 \
  X(I32Load) X(I64Load) X(F32Load) X(F64Load) X(I32Load8S) X(I32Load8U) X(I32Load16S)          \
  X(I32Load16U) X(I64Load8S) X(I64Load8U) X(I64Load16S) X(I64Load16U) X(I64Load32S)            \
  X(I64Load32U)
#define PETREL_LOADS(X) PETREL_SCALAR_LOADS(X) X(V128Load)
#define PETREL_STORES(X)                                                                       \
  X(I32Store) X(I64Store) X(F32Store) X(F64Store) X(I32Store8) X(I32Store16) X(I64Store8)      \
  X(I64Store16) X(I64Store32)

// Integer comparisons that fuse with a following br_if or if, with their negation (an `if`
// branches when its condition is false). BrIf<name>: [a|b][target]; BrIf<name>_C:
// [a|-][constant][target].
#define PETREL_INT_COMPARES(X)                                                               \
  X(I32Eq, I32Ne) X(I32Ne, I32Eq) X(I32LtS, I32GeS) X(I32LtU, I32GeU) X(I32GtS, I32LeS)      \
  X(I32GtU, I32LeU) X(I32LeS, I32GtS) X(I32LeU, I32GtU) X(I32GeS, I32LtS) X(I32GeU, I32LtU)  \
  X(I64Eq, I64Ne) X(I64Ne, I64Eq) X(I64LtS, I64GeS) X(I64LtU, I64GeU) X(I64GtS, I64LeS)      \
  X(I64GtU, I64LeU) X(I64LeS, I64GtS) X(I64LeU, I64GtU) X(I64GeS, I64LtS) X(I64GeU, I64LtU)

// Internal instructions: every wasm Op (same numbering) plus these. Layouts after the handler
// word; [x|y] is one word of two slot operands.
enum class IOp : uint16_t {
  Jump = static_cast<uint16_t>(Op::Count_),  // [target]
  JumpAdjust,    // [target][src|dst][n]: moves n slots from src to dst, then jumps
  BrIfNZ,        // [cond|-][target]: i32 condition
  BrIfZ,         // [cond|-][target]
  BrIfNZ64,      // [cond|-][target]: i64 condition (i64.eqz fused)
  BrIfZ64,       // [cond|-][target]
  BrIfNZAdjust,  // [cond|-][target][src|dst][n]
  BrIfNZ_A,      // [-|-][target]: the condition is in the accumulator
  BrIfZ_A,
  BrIfNZ64_A,
  BrIfZ64_A,
  Const,         // [dst|-][value]
  Copy,          // [dst|src]
  Copy2,         // [dst|src][dst|src]: two moves, in order
  Copy3,         // [dst|src][dst|src][dst|src]
  CopyV,         // [dst|src]: a v128 (two slots)
  SetSp,         // [height]: the stack pointer of the stack-form instruction that follows
  Halt,          // leaves the dispatch loop (return address of a host-to-wasm entry)
  Fuel,          // [count]: metered code only; charges a straight-line segment, checks interrupts
  GlobalGetV,    // [index]: stack form, v128 globals
  GlobalSetV,
  SelectV,       // stack form, v128 operands
  V128Load_XC,   // [dst|a][constant][offset]: v128.load of the i32.add of a and a constant
#define PETREL_BINOP_C_IOPS(op) op##_C, op##_A, op##_AC,
  PETREL_BINOPS(PETREL_BINOP_C_IOPS)
#undef PETREL_BINOP_C_IOPS
#define PETREL_ACC_IOPS(op) op##_A,
  PETREL_UNOPS(PETREL_ACC_IOPS)
  PETREL_LOADS(PETREL_ACC_IOPS)
#undef PETREL_ACC_IOPS
#define PETREL_INDEXED_IOPS(op) op##_X, op##_XC,
  PETREL_SCALAR_LOADS(PETREL_INDEXED_IOPS)
#undef PETREL_INDEXED_IOPS
#define PETREL_STORE_IOPS(op) op##_A, op##_V,
  PETREL_STORES(PETREL_STORE_IOPS)
#undef PETREL_STORE_IOPS
#define PETREL_COMPARE_BRANCH_IOPS(op, negated) BrIf##op, BrIf##op##_C, BrIf##op##_A, BrIf##op##_AC,
  PETREL_INT_COMPARES(PETREL_COMPARE_BRANCH_IOPS)
#undef PETREL_COMPARE_BRANCH_IOPS
  // SIMD rows applied by a simd:: function, with the second operand loaded from memory
  // (a v128.load fused in): [dst|a][address|addend][offset], the address being the i32 sum
  // of the slot and the addend. name_MS also stores the result (a v128.store fused in):
  // [store address|a][address|addend][offset][store offset]. Only binary v128 rows use them.
#define SIMD(name, text, sub, imm, align, params, results, fn) name##_M, name##_MS,
#define SIMDX(name, text, sub, imm, align, params, results, fn)
#include "ir/simd_opcodes.def"
#undef SIMD
#undef SIMDX
  Count_
};
constexpr uint16_t kNumIOps = static_cast<uint16_t>(IOp::Count_);
constexpr uint16_t iop(Op op) { return static_cast<uint16_t>(op); }
constexpr uint16_t iop(IOp op) { return static_cast<uint16_t>(op); }

// Sizes below are in 64-bit slots; a v128 takes two.
struct CompiledFunction {
  std::vector<Word> code;
  uint32_t num_params = 0;
  uint32_t num_locals = 0;      // declared locals, after the parameters
  uint32_t num_results = 0;
  uint32_t max_stack = 0;       // params + locals + deepest operand stack
  // (code index, bytecode offset) at the start of each instruction that can trap, ascending:
  // turns a trap's pc back into a location in the module.
  std::vector<std::pair<uint32_t, uint32_t>> offsets;
  uint32_t defined_index = 0;

  uint64_t offset_of(const Word* pc) const;
};

}  // namespace petrel::interp
