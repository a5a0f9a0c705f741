// The interpreter's internal code: a flat array of words. Each instruction is the address of
// its handler (computed-goto threading) followed by its immediates; branch targets are
// resolved to word addresses at translation time.
//
// The code is register-based: every value lives in a frame slot. A function's frame holds its
// parameters and locals, then one slot per operand-stack position (two for a v128), so the
// translator knows statically where each stack value lives. Instructions name their operand
// and result slots (`local.get` and constants cost nothing: their consumers read the local
// or carry the constant), results go straight into locals where a `local.set` follows, and
// compare + branch pairs become one instruction. Instructions without a register form (tables,
// bulk memory, memory.grow, calls through tables) run on a stack pointer the translator sets
// with SetSp when needed.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
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

// Fused forms. Every family of opcodes.def (its last column) has a fixed set, named
// <row>_<form>; the layouts after the handler word ([x|y] is one word of two slot operands):
//   Unary:       _A  [dst|-]: the operand from the accumulator (the plain form: [dst|a]).
//   Binary, Commutative: _C [dst|a][constant]: the right operand a constant; _A, _AC: the
//                same with the left operand from the accumulator (plain: [dst|a][b|-]).
//   Load:        _A  [dst|-][offset]: the address from the accumulator (plain:
//                [dst|address][offset]); _X [dst|a][b|-][offset] and _XC [dst|a][constant]
//                [offset]: the address is the i32.add of a and b (or the constant) that came
//                just before.
//   V128Load:    _A as for Load; _XC [dst|a][constant][offset].
//   Store:       _A: the address from the accumulator, _V: the value (plain: [address|value]
//                [offset]).
//   Simd:        _M [dst|a][address|addend][offset]: the second operand loaded from memory
//                (a v128.load fused in), the address being the i32 sum of the slot and the
//                addend; _MS also stores the result (a v128.store fused in): [store address|a]
//                [address|addend][offset][store offset]. Only binary v128 rows use them.
// The accumulator: numeric instructions and scalar loads also leave their result in a
// machine register. The instruction right after one of them reads that operand from the
// register instead of its slot, which a chain of dependent instructions would otherwise
// wait on (a store to memory followed at once by a load of it).
#define PETREL_FORMS_None(X, name)
#define PETREL_FORMS_Const(X, name)
#define PETREL_FORMS_Unary(X, name) X(name##_A)
#define PETREL_FORMS_Binary(X, name) X(name##_C) X(name##_A) X(name##_AC)
#define PETREL_FORMS_Commutative(X, name) PETREL_FORMS_Binary(X, name)
#define PETREL_FORMS_Load(X, name) X(name##_A) X(name##_X) X(name##_XC)
#define PETREL_FORMS_V128Load(X, name) X(name##_A) X(name##_XC)
#define PETREL_FORMS_VLoad(X, name)
#define PETREL_FORMS_Store(X, name) X(name##_A) X(name##_V)
#define PETREL_FORMS_VStore(X, name)
#define PETREL_FORMS_ExtractLane(X, name)
#define PETREL_FORMS_Simd(X, name) X(name##_M) X(name##_MS)

// Integer comparisons that fuse with a following br_if or if, with their negation (an `if`
// branches when its condition is false). BrIf<name>: [a|b][target]; BrIf<name>_C:
// [a|-][constant][target].
#define PETREL_INT_COMPARES(X)                                                               \
  X(I32Eq, I32Ne) X(I32Ne, I32Eq) X(I32LtS, I32GeS) X(I32LtU, I32GeU) X(I32GtS, I32LeS)      \
  X(I32GtU, I32LeU) X(I32LeS, I32GtS) X(I32LeU, I32GtU) X(I32GeS, I32LtS) X(I32GeU, I32LtU)  \
  X(I64Eq, I64Ne) X(I64Ne, I64Eq) X(I64LtS, I64GeS) X(I64LtU, I64GeU) X(I64GtS, I64LeS)      \
  X(I64GtU, I64LeU) X(I64LeS, I64GtS) X(I64LeU, I64GtU) X(I64GeS, I64LtS) X(I64GeU, I64LtU)

// Internal instructions: every wasm Op (same numbering), then the rows of interp/iops.def.
enum class IOp : uint16_t {
  LastWasmOp_ = static_cast<uint16_t>(Op::Count_) - 1,
#define IOP(name) name,
#include "interp/iops.def"
#undef IOP
  Count_
};
constexpr uint16_t kNumIOps = static_cast<uint16_t>(IOp::Count_);
constexpr uint16_t iop(Op op) { return static_cast<uint16_t>(op); }
constexpr uint16_t iop(IOp op) { return static_cast<uint16_t>(op); }

// The fused forms of each instruction by name (0: none), and what each form does with the
// accumulator: the translator picks forms here, never by enum arithmetic.
struct Forms {
  uint16_t constant = 0;       // _C
  uint16_t acc = 0;            // _A
  uint16_t acc_const = 0;      // _AC
  uint16_t acc_value = 0;      // _V (stores)
  uint16_t indexed = 0;        // _X
  uint16_t indexed_const = 0;  // _XC
  uint16_t loaded = 0;         // _M (binary v128 rows only)
  uint16_t loaded_store = 0;   // of a _M form: its _MS
  bool writes_acc = false;     // leaves its result in the accumulator too
};
constexpr std::array<Forms, kNumIOps> make_forms() {
  std::array<Forms, kNumIOps> t{};
  auto writes_acc = [&t](auto... ops) { ((t[iop(ops)].writes_acc = true), ...); };
#define PETREL_TABLE_None(name, params, results)
#define PETREL_TABLE_Const(name, params, results)
#define PETREL_TABLE_VLoad(name, params, results)
#define PETREL_TABLE_VStore(name, params, results)
#define PETREL_TABLE_Unary(name, params, results) \
  t[iop(Op::name)].acc = iop(IOp::name##_A);      \
  writes_acc(Op::name, IOp::name##_A);
#define PETREL_TABLE_Binary(name, params, results)   \
  t[iop(Op::name)].constant = iop(IOp::name##_C);    \
  t[iop(Op::name)].acc = iop(IOp::name##_A);         \
  t[iop(Op::name)].acc_const = iop(IOp::name##_AC);  \
  writes_acc(Op::name, IOp::name##_C, IOp::name##_A, IOp::name##_AC);
#define PETREL_TABLE_Commutative(name, params, results) PETREL_TABLE_Binary(name, params, results)
#define PETREL_TABLE_Load(name, params, results)            \
  t[iop(Op::name)].acc = iop(IOp::name##_A);                \
  t[iop(Op::name)].indexed = iop(IOp::name##_X);            \
  t[iop(Op::name)].indexed_const = iop(IOp::name##_XC);     \
  writes_acc(Op::name, IOp::name##_A, IOp::name##_X, IOp::name##_XC);
#define PETREL_TABLE_V128Load(name, params, results) \
  t[iop(Op::name)].acc = iop(IOp::name##_A);         \
  t[iop(Op::name)].indexed_const = iop(IOp::name##_XC);
#define PETREL_TABLE_Store(name, params, results) \
  t[iop(Op::name)].acc = iop(IOp::name##_A);      \
  t[iop(Op::name)].acc_value = iop(IOp::name##_V);
#define PETREL_TABLE_ExtractLane(name, params, results) writes_acc(Op::name);
#define PETREL_TABLE_Simd(name, params, results)                                             \
  if (std::string_view(params) == "VV" && std::string_view(results) == "V") {                \
    t[iop(Op::name)].loaded = iop(IOp::name##_M);                                            \
    t[iop(IOp::name##_M)].loaded_store = iop(IOp::name##_MS);                                \
  }
#define OP(name, text, code, imm, align, params, results, family) PETREL_TABLE_##family(name, params, results)
#include "ir/opcodes.def"
#undef OP
#undef PETREL_TABLE_None
#undef PETREL_TABLE_Const
#undef PETREL_TABLE_VLoad
#undef PETREL_TABLE_VStore
#undef PETREL_TABLE_Unary
#undef PETREL_TABLE_Binary
#undef PETREL_TABLE_Commutative
#undef PETREL_TABLE_Load
#undef PETREL_TABLE_V128Load
#undef PETREL_TABLE_Store
#undef PETREL_TABLE_ExtractLane
#undef PETREL_TABLE_Simd
  return t;
}
inline constexpr std::array<Forms, kNumIOps> kForms = make_forms();

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
