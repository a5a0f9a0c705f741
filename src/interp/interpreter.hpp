#pragma once
#include <cstddef>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "interp/code.hpp"
#include "runtime/engine.hpp"
#include "runtime/instances.hpp"

namespace petrel::interp {

struct InterpreterConfig {
  size_t stack_slots = size_t{1} << 20;  // 8 MiB of operand stack and locals
  size_t max_frames = size_t{1} << 16;   // call depth before "call stack exhausted"
  // Metered code counts fuel and can be interrupted (by interrupt() or a deadline); it costs
  // one extra instruction per straight-line segment.
  bool metered = false;

  // A configuration whose stack memory (operand and local slots, and call records) is `bytes`
  // in all, split as the defaults are (four fifths slots, one fifth call records).
  static InterpreterConfig for_stack_bytes(uint64_t bytes);
};

using petrel::kDeadlineExceeded;
using petrel::kFuelExhausted;
using petrel::kInterrupted;

// The portable engine: translates each function on its first call, then runs the threaded
// code in one dispatch loop. Guest calls never recurse natively; host calls may re-enter.
class Interpreter final : public Engine {
 public:
  explicit Interpreter(InterpreterConfig config = {});
  ~Interpreter() override;
  Result<void> invoke(FuncInstance& f, std::span<const uint64_t> args, std::span<uint64_t> results) override;

  // ---- limits and statistics (fuel and interrupts need a metered interpreter) -------------
  bool metered() const override { return config_.metered; }
  int64_t* fuel_counter() override { return &fuel_; }
  // Sets the fuel left: one unit per wasm instruction executed.
  void set_fuel(uint64_t fuel) {
    consumed_before_ += static_cast<uint64_t>(granted_ - fuel_);
    granted_ = fuel_ = fuel > INT64_MAX ? INT64_MAX : static_cast<int64_t>(fuel);
  }
  uint64_t fuel() const { return static_cast<uint64_t>(fuel_); }
  // Fuel spent since the interpreter was made (metered code only).
  uint64_t fuel_consumed() const { return consumed_before_ + static_cast<uint64_t>(granted_ - fuel_); }
  // Stops running guest code at its next segment with the trap "interrupted". Thread-safe.
  void interrupt() { interrupt_.store(1, std::memory_order_relaxed); }
  std::atomic<int>* interrupt_flag() override { return &interrupt_; }
  // Interrupts with "time limit exceeded" when `deadline` passes (none: 0 nanoseconds).
  void set_deadline_in(std::chrono::nanoseconds timeout);
  void clear_deadline();
  // Calls from guest code into host functions: from interpreted code and from compiled code
  // (not calls into compiled code, nor the embedder's calls).
  uint64_t host_calls() const { return host_calls_; }
  void count_host_call() override { ++host_calls_; }
  // Time spent translating functions to threaded code (each on its first call).
  uint64_t translation_ns() const { return translation_ns_; }

  struct Frame {
    const Word* pc;
    uint64_t* fp;
    ModuleInstance* inst;
    FuncInstance* func;  // the caller, for trap locations
  };

 private:
  Result<void> run(FuncInstance* f, uint64_t* sp);
  const CompiledFunction* code_for(FuncInstance& f);

  uint64_t* stack_ = nullptr;
  uint64_t* stack_end_ = nullptr;
  size_t stack_bytes_ = 0;
  Frame* frames_ = nullptr;
  Frame* frames_end_ = nullptr;
  size_t frames_bytes_ = 0;
  uint64_t* sp_ = nullptr;      // first free slot between calls (host re-entry starts here)
  Frame* frame_top_ = nullptr;  // first free frame

  InterpreterConfig config_;
  int64_t fuel_ = INT64_MAX;
  int64_t granted_ = INT64_MAX;
  uint64_t consumed_before_ = 0;
  std::atomic<int> interrupt_{0};  // 0 none, 1 interrupt(), 2 deadline
  uint64_t host_calls_ = 0;
  uint64_t translation_ns_ = 0;
  struct Watchdog;
  std::unique_ptr<Watchdog> watchdog_;
};

}  // namespace petrel::interp
