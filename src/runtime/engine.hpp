#pragma once
#include <atomic>
#include <cstdint>
#include <span>

#include "runtime/trap.hpp"
#include "support/error.hpp"

namespace petrel {

struct FuncInstance;

// An execution engine (the interpreter, which also enters compiled code). The runtime calls
// functions only through this interface, so it links no engine in particular.
class Engine {
 public:
  virtual ~Engine() = default;
  // Calls `f` with `args` (one slot per parameter, two for a v128) and writes its results.
  virtual Result<void> invoke(FuncInstance& f, std::span<const uint64_t> args, std::span<uint64_t> results) = 0;
  // The flag that interrupt() and deadlines raise (1 interrupted, 2 deadline), which compiled
  // code polls too; null when the engine cannot be interrupted.
  virtual std::atomic<int>* interrupt_flag() { return nullptr; }
  // Metered engines count fuel; compiled code charges the same counter (unit: instructions).
  virtual bool metered() const { return false; }
  virtual int64_t* fuel_counter() { return nullptr; }
  // Compiled code calls a host function (through its Call helper, not through the engine's
  // own calls): the engine counts it with the ones it makes.
  virtual void count_host_call() {}
};


inline std::unexpected<Error> trap(std::string msg) {
  return std::unexpected(Error{Error::Kind::Trap, std::move(msg), {}});
}

}  // namespace petrel
