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

// Internal instructions: every wasm Op (same numbering) plus these.
enum class IOp : uint16_t {
  Jump = static_cast<uint16_t>(Op::Count_),  // target
  JumpAdjust,    // target, drop, keep: branch that moves `keep` slots down over `drop` slots
  BrIfAdjust,    // target, drop, keep
  BrUnless,      // target (the `if` test)
  Const,         // value
  Halt,          // leaves the dispatch loop (return address of a host-to-wasm entry)
  LocalGetV,     // slot: the v128 forms of the variable instructions move two slots
  LocalSetV,
  LocalTeeV,
  GlobalGetV,    // index
  GlobalSetV,
  SelectV,
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
