#include "run_limits.hpp"

#include <fmt/format.h>
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <array>
#include <utility>

#include "exit_status.hpp"
#include "text/literals.hpp"

namespace petrel::tools {
namespace {

constexpr uint64_t kPageBytes = 65536;
// Below this the interpreter could not hold a call's frame and compiled code not one helper call.
// Stack for what runs on the guest's thread besides compiled code: Petrel, WASI, the C library.
constexpr uint64_t kRuntimeStackBytes = 2 * 1024 * 1024;

std::unexpected<Error> usage(std::string message) {
  return std::unexpected(Error{Error::Kind::Usage, std::move(message), {}});
}

}  // namespace

void add_limit_options(CLI::App& run, RunLimitOptions& o) {
  run.add_option("--fuel,--gas-limit", o.fuel,
                 "Stop the guest after N wasm instructions (trap \"fuel exhausted\", exit status 135); the same "
                 "count interpreted and compiled (--gas-limit: WasmEdge's name)")
      ->type_name("N");
  run.add_option("--time-limit", o.time_limit_ms,
                 "Stop the guest after MS milliseconds of wall-clock time (trap \"time limit exceeded\", exit status "
                 "124); 0: no limit")
      ->type_name("MS");
  run.add_option("--max-memory", o.max_memory,
                 "The most linear memory each memory may have: PAGES (of 64 KiB), or bytes with a unit (64KiB, "
                 "16MiB, 1GiB); memory.grow beyond gives -1, a module needing more is not instantiated")
      ->type_name("SIZE");
  run.add_option("--memory-page-limit", o.memory_page_limit, "The same as --max-memory PAGES (WasmEdge's name)")
      ->type_name("PAGES");
  run.add_option("--max-stack", o.max_stack,
                 "The wasm stack: bytes, with an optional unit (512KiB, 8MiB); deeper recursion traps with \"call "
                 "stack exhausted\" (compiled code: native stack; the interpreter: its own stack memory)")
      ->type_name("SIZE");
}

Result<uint64_t> parse_size(const std::string& text, uint64_t bare, const std::string& option) {
  auto bad = [&] {
    return usage(fmt::format("{} '{}': expected {}, or bytes with a unit: 64KiB, 16MiB, 1GiB", option, text,
                             bare == 1 ? "a number of bytes" : "a number of 64 KiB pages"));
  };
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return bad();
  auto number = text::parse_uint(std::string_view(text).substr(0, digits), 64);
  if (number.status != text::LitStatus::Ok) return bad();
  std::string_view unit = std::string_view(text).substr(digits);
  static constexpr std::array<std::pair<std::string_view, uint64_t>, 5> kUnits{
      {{"", 0}, {"B", 1}, {"KiB", uint64_t{1} << 10}, {"MiB", uint64_t{1} << 20}, {"GiB", uint64_t{1} << 30}}};
  for (auto [name, scale] : kUnits) {
    if (unit != name) continue;
    if (scale == 0) scale = bare;
    if (number.value > UINT64_MAX / scale) return bad();
    return number.value * scale;
  }
  return bad();
}

Result<RunLimits> resolve_limits(const RunLimitOptions& o) {
  RunLimits limits;
  limits.fuel = o.fuel;
  limits.time_limit = std::chrono::milliseconds(o.time_limit_ms);
  if (!o.max_memory.empty() && o.memory_page_limit)
    return usage("--max-memory and --memory-page-limit set the same limit: give one of them");
  if (!o.max_memory.empty()) {
    PETREL_TRY(bytes, parse_size(o.max_memory, kPageBytes, "--max-memory"));
    if (bytes % kPageBytes != 0)
      return usage(fmt::format("--max-memory '{}': not a whole number of 64 KiB pages; round it to one", o.max_memory));
    limits.max_memory_pages = bytes / kPageBytes;
  }
  if (o.memory_page_limit) limits.max_memory_pages = *o.memory_page_limit;
  if (limits.max_memory_pages && *limits.max_memory_pages > kMaxPages)
    return usage(fmt::format("--max-memory: at most {} pages (4 GiB), the most a 32-bit memory can have", kMaxPages));
  if (!o.max_stack.empty()) {
    PETREL_TRY(bytes, parse_size(o.max_stack, 1, "--max-stack"));
    if (bytes < kMinStackBytes) return usage(fmt::format("--max-stack '{}': give at least 16KiB", o.max_stack));
    limits.max_stack_bytes = bytes;
  }
  return limits;
}

interp::InterpreterConfig interpreter_config(const RunLimits& limits, bool metered) {
  interp::InterpreterConfig c =
      limits.max_stack_bytes ? interp::InterpreterConfig::for_stack_bytes(*limits.max_stack_bytes) : interp::InterpreterConfig{};
  c.metered = metered || limits.need_metering();
  return c;
}

StoreLimits store_limits(const RunLimits& limits) {
  StoreLimits s;
  if (limits.max_memory_pages) s.max_memory_pages = *limits.max_memory_pages;
  if (limits.max_stack_bytes) s.max_stack_bytes = *limits.max_stack_bytes;
  return s;
}

void arm_limits(interp::Interpreter& interpreter, const RunLimits& limits) {
  if (limits.fuel) interpreter.set_fuel(*limits.fuel);
  if (limits.time_limit.count() > 0) interpreter.set_deadline_in(limits.time_limit);
}

int run_on_stack(uint64_t stack_bytes, const std::function<int()>& body) {
  struct Job {
    const std::function<int()>* body;
    int status = 0;
  } job{&body};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, static_cast<size_t>(stack_bytes + kRuntimeStackBytes));
  pthread_t thread;
  int made = pthread_create(
      &thread, &attr,
      [](void* p) -> void* {
        auto* j = static_cast<Job*>(p);
        j->status = (*j->body)();
        return nullptr;
      },
      &job);
  pthread_attr_destroy(&attr);
  if (made != 0) {
    fmt::print(stderr, "petrel: cannot make a thread with a {}-byte stack for --max-stack; give a smaller size\n",
               stack_bytes + kRuntimeStackBytes);
    return kExitError;
  }
  pthread_join(thread, nullptr);
  return job.status;
}

}  // namespace petrel::tools
