// The interpreter's internal code: a flat array of words. Each instruction is the address of
// its handler (computed-goto threading) followed by its immediates; branch targets are
// resolved to word addresses at translation time.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "ir/opcodes.hpp"

namespace petrel::interp {

union Word {
  const void* handler;
  uint64_t u;
  int64_t s;
  const Word* target;
};

// Super-instructions: binary operators whose operands come straight from locals or a constant
// (`local.get a; local.get b; op` → op_LL a b, `local.get a; const c; op` → op_LC a c), and
// loads whose address is a local (`local.get a; load` → load_L a offset).
#define PETREL_FUSED_BINOPS(X)                                                                \
  X(I32Add) X(I32Sub) X(I32Mul) X(I32And) X(I32Or) X(I32Xor) X(I32Shl) X(I32ShrS) X(I32ShrU)  \
  X(I32Eq) X(I32Ne) X(I32LtS) X(I32LtU) X(I32GtS) X(I32GtU) X(I32LeS) X(I32LeU) X(I32GeS)     \
  X(I32GeU) X(I64Add) X(I64Sub) X(I64Mul) X(I64And) X(I64Or) X(I64Xor) X(I64Shl) X(I64ShrU)   \
  X(F64Add) X(F64Mul)
#define PETREL_FUSED_LOADS(X) \
  X(I32Load) X(I64Load) X(F32Load) X(F64Load) X(I32Load8S) X(I32Load8U) X(I32Load16S) X(I32Load16U)

// Internal instructions: every wasm Op (same numbering) plus these.
enum class IOp : uint16_t {
  Jump = static_cast<uint16_t>(Op::Count_),  // target
  JumpAdjust,    // target, drop, keep: branch that moves `keep` slots down over `drop` slots
  BrIfAdjust,    // target, drop, keep
  BrUnless,      // target (the `if` test)
  Const,         // value
  Halt,          // leaves the dispatch loop (return address of a host-to-wasm entry)
  Fuel,          // count: metered code only; charges a straight-line segment, checks interrupts
  LocalGetV,     // slot: the v128 forms of the variable instructions move two slots
  LocalSetV,
  LocalTeeV,
  GlobalGetV,    // index
  GlobalSetV,
  SelectV,
#define PETREL_FUSED_BINOP_IOPS(op) op##_LL, op##_LC,
  PETREL_FUSED_BINOPS(PETREL_FUSED_BINOP_IOPS)
#undef PETREL_FUSED_BINOP_IOPS
#define PETREL_FUSED_LOAD_IOPS(op) op##_L,
  PETREL_FUSED_LOADS(PETREL_FUSED_LOAD_IOPS)
#undef PETREL_FUSED_LOAD_IOPS
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
  // (code index, bytecode offset) at the start of each instruction, ascending: turns a trap's
  // pc back into a location in the module.
  std::vector<std::pair<uint32_t, uint32_t>> offsets;
  uint32_t defined_index = 0;

  uint64_t offset_of(const Word* pc) const;
};

}  // namespace petrel::interp
