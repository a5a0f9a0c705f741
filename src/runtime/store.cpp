#include "runtime/store.hpp"

#include <chrono>

namespace petrel {

Store::Store(std::unique_ptr<Engine> engine, StoreLimits limits) : engine_(std::move(engine)), limits_(limits) {
  static int never_interrupted = 0;
  std::atomic<int>* flag = engine_->interrupt_flag();
  // std::atomic<int> is a plain int in memory; compiled code reads it with atomic loads.
  static_assert(sizeof(std::atomic<int>) == sizeof(int) && std::atomic<int>::is_always_lock_free);
  exec_state_.interrupt = flag ? reinterpret_cast<int*>(flag) : &never_interrupted;
  // Metered compiled code charges the engine's fuel counter (the interpreter's own), so both
  // engines draw on one budget; in a store without one it charges a counter that never runs out.
  int64_t* fuel = engine_->fuel_counter();
  exec_state_.fuel = fuel ? fuel : &unmetered_fuel_;
}
Store::~Store() = default;

FuncInstance* Store::add_host_func(FuncType type, HostCallback cb, std::string debug_name) {
  auto f = std::make_unique<FuncInstance>();
  f->type_id = intern_func_type(type);
  f->type = std::move(type);
  if (measure_host_calls_) {
    cb = [stats = &host_call_stats_, inner = std::move(cb)](std::span<const uint64_t> args,
                                                          std::span<uint64_t> results) -> Result<void> {
      auto start = std::chrono::steady_clock::now();
      auto r = inner(args, results);
      ++stats->calls;
      stats->nanoseconds += static_cast<uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
      return r;
    };
  }
  f->host = std::move(cb);
  f->debug_name = std::move(debug_name);
  return add_func(std::move(f));
}

FuncInstance* Store::add_func(std::unique_ptr<FuncInstance> f) {
  funcs_.push_back(std::move(f));
  return funcs_.back().get();
}

Result<TableInstance*> Store::add_table(TableType type, Ref init) {
  if (type.limits.min > limits_.max_table_elems)
    return std::unexpected(Error{Error::Kind::Trap, "table limit exceeded: initial size too large", {}});
  auto t = std::make_unique<TableInstance>();
  t->type = type;
  t->limit = limits_.max_table_elems;
  t->elems.assign(type.limits.min, init);
  tables_.push_back(std::move(t));
  return tables_.back().get();
}

Result<MemoryInstance*> Store::add_memory(MemoryType type, bool guarded) {
  auto m = MemoryInstance::create(type, limits_.max_memory_pages, guarded || limits_.guard_regions);
  if (!m) return std::unexpected(m.error());
  memories_.push_back(std::move(*m));
  return memories_.back().get();
}

GlobalInstance* Store::add_global(GlobalType type, uint64_t value, uint64_t hi) {
  globals_.push_back(std::make_unique<GlobalInstance>(GlobalInstance{type, value, hi}));
  return globals_.back().get();
}

ModuleInstance* Store::add_instance(std::unique_ptr<ModuleInstance> inst) {
  instances_.push_back(std::move(inst));
  return instances_.back().get();
}

}  // namespace petrel
