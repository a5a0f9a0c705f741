// What the native loader keeps per instance: the context compiled code receives, and the way
// back from it to the runtime's objects (for the helpers).
#pragma once
#include "runtime/native_abi.hpp"
#include "runtime/store.hpp"

namespace petrel::native {

struct InstanceState {
  VmContext ctx;  // first: helpers turn the context pointer back into the state
  Store* store = nullptr;
  ModuleInstance* instance = nullptr;
  const NativeCode* code = nullptr;
  Error pending{Error::Kind::Trap, {}, {}};  // a failed call's error, on its way to raise()
};

inline InstanceState& state_of(VmContext* ctx) { return *static_cast<InstanceState*>(ctx->runtime_only); }

// The helper table every instance's context points to.
extern const Helpers kHelpers;

}  // namespace petrel::native
