// Where metered code opens a fuel segment, for both engines: fuel is paid per straight-line
// segment at its start (the interpreter's Fuel instruction, compiled code's check), so the two
// charge exactly the same amounts only if they cut segments at the same places — these.
#pragma once
#include <optional>

#include "ir/opcodes.hpp"

namespace petrel {

// A segment opens at a function's entry (`after` empty) and right after each instruction that
// begins code which may run a different number of times than the code before it: a loop head,
// an `if`'s arms, the code after a block's `end` and after a `br_if`. (An unconditional branch
// ends code; what follows it is dead until an `end` or `else`.)
constexpr bool opens_fuel_segment(std::optional<Op> after) {
  if (!after) return true;
  switch (*after) {
    case Op::Loop:
    case Op::If:
    case Op::Else:
    case Op::End:
    case Op::BrIf: return true;
    default: return false;
  }
}

}  // namespace petrel
