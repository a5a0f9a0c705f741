// The store owns every runtime instance; references between instances are plain pointers
// that stay valid for the store's lifetime.
#pragma once
#include <memory>
#include <span>
#include <vector>

#include "runtime/engine.hpp"
#include "runtime/instances.hpp"
#include "runtime/native_abi.hpp"

namespace petrel {

struct StoreLimits {
  uint64_t max_memory_pages = kMaxPages;       // per memory
  uint64_t max_table_elems = uint64_t{1} << 24;  // per table (16 Mi references, 128 MiB)
  // Give every memory guard regions, so that compiled code can use it even when the memory is
  // made by the host or by a module without compiled code (costs 8 GiB of address space each).
  bool guard_regions = false;
  // Bytes of native stack compiled code may use below where the runtime first enters it on a
  // thread (0: all the thread has, less a reserve). The interpreter has its own stack, sized by
  // its configuration (interp::InterpreterConfig::for_stack_bytes).
  uint64_t max_stack_bytes = 0;
};
// The least stack budget a store accepts: a call of a host function or a trap's unwinding
// must still fit.
constexpr uint64_t kMinStackBytes = 16 * 1024;

// Calls into host functions (those made by add_host_func), counted and timed when the store
// measures them; the time includes any wasm a host function calls back.
struct HostCallStats {
  uint64_t calls = 0;
  uint64_t nanoseconds = 0;
};

class Store {
 public:
  explicit Store(std::unique_ptr<Engine> engine, StoreLimits limits = {});
  ~Store();

  Engine& engine() { return *engine_; }
  // State compiled code of this store's instances shares (stack limit, interrupt flag).
  native::ExecState& exec_state() { return exec_state_; }
  const StoreLimits& limits() const { return limits_; }

  FuncInstance* add_host_func(FuncType type, HostCallback cb, std::string debug_name = {});
  // Counts and times the calls of host functions added from now on (for statistics; a clock
  // read on each side of every call).
  void measure_host_calls() { measure_host_calls_ = true; }
  const HostCallStats& host_call_stats() const { return host_call_stats_; }
  FuncInstance* add_func(std::unique_ptr<FuncInstance> f);
  // Fails when the initial size exceeds the store's table limit.
  Result<TableInstance*> add_table(TableType type, Ref init);
  // `guarded`: reserve guard regions for compiled code (always, with limits().guard_regions).
  Result<MemoryInstance*> add_memory(MemoryType type, bool guarded = false);
  GlobalInstance* add_global(GlobalType type, uint64_t value, uint64_t hi = 0);
  ModuleInstance* add_instance(std::unique_ptr<ModuleInstance> inst);

  // Bytes of linear memory allocated by the store's memories.
  uint64_t memory_bytes() const {
    uint64_t n = 0;
    for (const auto& m : memories_) n += m->size_bytes();
    return n;
  }

  // Calls `f` with raw slots; traps come back as Error{Kind::Trap}.
  Result<void> call(FuncInstance* f, std::span<const uint64_t> args, std::span<uint64_t> results) {
    return engine_->invoke(*f, args, results);
  }

 private:
  std::unique_ptr<Engine> engine_;
  StoreLimits limits_;
  native::ExecState exec_state_;
  int64_t unmetered_fuel_ = INT64_MAX;
  bool measure_host_calls_ = false;
  HostCallStats host_call_stats_;  // the measuring wrappers point here (a store never moves)
  std::vector<std::unique_ptr<FuncInstance>> funcs_;
  std::vector<std::unique_ptr<TableInstance>> tables_;
  std::vector<std::unique_ptr<MemoryInstance>> memories_;
  std::vector<std::unique_ptr<GlobalInstance>> globals_;
  std::vector<std::unique_ptr<ModuleInstance>> instances_;
};

}  // namespace petrel
