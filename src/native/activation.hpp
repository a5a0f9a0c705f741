// Running compiled code: each entry from the runtime into compiled code is an activation with
// a jump buffer. Traps — from a helper, a failing host call, or a memory fault in a guard
// region caught by the signal handler — jump back to the innermost activation, which returns
// the trap as an Error. Compiled frames hold no destructors, so skipping them is safe.
#pragma once
#include <cstdint>
#include <span>

#include "runtime/native_abi.hpp"
#include "support/error.hpp"

namespace petrel::native {

// Calls an array entry of compiled code on this thread.
Result<void> call_native(ArrayEntry entry, VmContext* ctx, std::span<const uint64_t> args, std::span<uint64_t> results);

// Ends the innermost activation with `error`. Must be called from a helper of compiled code,
// with no live C++ objects in the calling frames after the activation's.
[[noreturn]] void raise(Error&& error);
[[noreturn]] void raise_trap(TrapCode code);

// The address ranges of loaded compiled code, so the fault handler knows a fault is ours.
// Returns false when the registry is full.
bool register_code_range(uintptr_t begin, uintptr_t end);
void unregister_code_range(uintptr_t begin);

}  // namespace petrel::native
