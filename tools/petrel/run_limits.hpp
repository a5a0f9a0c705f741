// The resource limits of `petrel run`: --fuel, --time-limit, --max-memory and --max-stack, with
// WasmEdge's spellings (--gas-limit, --memory-page-limit), and what each means for the store,
// the engines and the thread the guest runs on.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "interp/interpreter.hpp"
#include "runtime/store.hpp"
#include "support/error.hpp"

namespace CLI {
class App;
}

namespace petrel::tools {

// The options as given (sizes still text).
struct RunLimitOptions {
  std::optional<uint64_t> fuel;               // --fuel, --gas-limit
  uint64_t time_limit_ms = 0;                 // --time-limit (0: none, as in WasmEdge)
  std::string max_memory;                     // --max-memory: PAGES, or bytes with a unit
  std::optional<uint64_t> memory_page_limit;  // --memory-page-limit PAGES
  std::string max_stack;                      // --max-stack: bytes, with an optional unit
};

// The limits in force.
struct RunLimits {
  std::optional<uint64_t> fuel;                // instructions
  std::chrono::milliseconds time_limit{0};     // wall clock; 0: none
  std::optional<uint64_t> max_memory_pages;    // per memory
  std::optional<uint64_t> max_stack_bytes;     // per engine (see interpreter_config, store_limits)
  // Fuel and deadlines need metered code, in both engines.
  bool need_metering() const { return fuel.has_value() || time_limit.count() > 0; }
};

void add_limit_options(CLI::App& run, RunLimitOptions& o);
// Reads sizes and checks ranges; an error is a usage error naming the option.
Result<RunLimits> resolve_limits(const RunLimitOptions& o);

// "16" (in `bare` units: 65536 for pages, 1 for bytes), or bytes with a unit: "64KiB", "16MiB",
// "1GiB", "512B". Returns bytes.
Result<uint64_t> parse_size(const std::string& text, uint64_t bare, const std::string& option);

// The interpreter for these limits: metered when asked (or when the limits need it), its stack
// memory --max-stack bytes.
interp::InterpreterConfig interpreter_config(const RunLimits& limits, bool metered);
// The store for these limits: the memory limit, and compiled code's stack budget.
StoreLimits store_limits(const RunLimits& limits);
// Sets the fuel and starts the clock of the time limit (from now).
void arm_limits(interp::Interpreter& interpreter, const RunLimits& limits);
// Runs `body` on a thread whose stack holds `stack_bytes` for compiled code plus room for the
// runtime and host functions (so --max-stack may exceed the main thread's `ulimit -s`).
int run_on_stack(uint64_t stack_bytes, const std::function<int()>& body);

}  // namespace petrel::tools
