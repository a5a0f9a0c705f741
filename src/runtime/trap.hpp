// Why execution stopped: one code per trap, and its message in the spec's wording, for both
// engines (the interpreter traps with these codes; compiled code passes them to the runtime).
#pragma once
#include <cstdint>

namespace petrel {

// Trap messages of metered execution (not spec traps), the same for every engine.
inline constexpr const char* kFuelExhausted = "fuel exhausted";
inline constexpr const char* kInterrupted = "interrupted";
inline constexpr const char* kDeadlineExceeded = "time limit exceeded";

// The values are part of the compiled-code ABI (runtime/native_abi.hpp): append only.
enum class TrapCode : uint32_t {
  Unreachable = 1,
  IntegerDivideByZero,
  IntegerOverflow,
  InvalidConversion,
  MemoryOutOfBounds,
  TableOutOfBounds,
  UndefinedElement,
  UninitializedElement,  // the message is followed by the element index
  IndirectCallTypeMismatch,
  CallStackExhausted,
  FuelExhausted,
  Interrupted,   // the interrupt flag was seen set; the runtime reads why
  HostError,     // a host function (or another engine) failed; the error is already stored
};

constexpr const char* trap_message(TrapCode code) {
  switch (code) {
    case TrapCode::Unreachable: return "unreachable";
    case TrapCode::IntegerDivideByZero: return "integer divide by zero";
    case TrapCode::IntegerOverflow: return "integer overflow";
    case TrapCode::InvalidConversion: return "invalid conversion to integer";
    case TrapCode::MemoryOutOfBounds: return "out of bounds memory access";
    case TrapCode::TableOutOfBounds: return "out of bounds table access";
    case TrapCode::UndefinedElement: return "undefined element";
    case TrapCode::UninitializedElement: return "uninitialized element";
    case TrapCode::IndirectCallTypeMismatch: return "indirect call type mismatch";
    case TrapCode::CallStackExhausted: return "call stack exhausted";
    case TrapCode::FuelExhausted: return kFuelExhausted;
    case TrapCode::Interrupted: return kInterrupted;
    case TrapCode::HostError: return "host function failed";
  }
  return "trap";
}

}  // namespace petrel
