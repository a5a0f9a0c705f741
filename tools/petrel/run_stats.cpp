#include "run_stats.hpp"

#include <fmt/format.h>

#include <ctime>

namespace petrel::tools {
namespace {

uint64_t process_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1000000000u + static_cast<uint64_t>(t.tv_nsec);
}

double ms(uint64_t ns) { return static_cast<double>(ns) / 1e6; }

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

StatsClock::StatsClock() : wall_start_(std::chrono::steady_clock::now()), cpu_start_(process_cpu_ns()) {}
uint64_t StatsClock::wall_ns() const {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - wall_start_).count());
}
uint64_t StatsClock::cpu_ns() const { return process_cpu_ns() - cpu_start_; }

std::string format_stats_text(const RunStats& s) {
  std::string engine = s.compiled ? "compiled" : "interpreter (" + s.not_compiled_why + ")";
  return fmt::format(
      "petrel: stats: instructions {} (fuel used)\n"
      "petrel: stats: wall time {:.3f} ms, CPU time {:.3f} ms\n"
      "petrel: stats: host calls {}, {:.3f} ms in them\n"
      "petrel: stats: peak linear memory {} bytes ({} pages)\n"
      "petrel: stats: engine {}\n"
      "petrel: stats: load {:.3f} ms (compile {:.3f} ms), translation {:.3f} ms\n",
      s.instructions, ms(s.wall_ns), ms(s.cpu_ns), s.host_calls, ms(s.host_ns), s.peak_memory_bytes,
      s.peak_memory_bytes / 65536, engine, ms(s.load_ns), ms(s.compile_ns), ms(s.translation_ns));
}

std::string format_stats_json(const RunStats& s) {
  return fmt::format(
      "{{\"instructions\":{},\"wall_time_ms\":{:.3f},\"cpu_time_ms\":{:.3f},\"host_calls\":{},"
      "\"host_time_ms\":{:.3f},\"peak_memory_bytes\":{},\"engine\":{},\"not_compiled_why\":{},"
      "\"load_time_ms\":{:.3f},\"compile_time_ms\":{:.3f},\"translation_time_ms\":{:.3f}}}\n",
      s.instructions, ms(s.wall_ns), ms(s.cpu_ns), s.host_calls, ms(s.host_ns), s.peak_memory_bytes,
      json_string(s.compiled ? "compiled" : "interpreter"), s.compiled ? "null" : json_string(s.not_compiled_why),
      ms(s.load_ns), ms(s.compile_ns), ms(s.translation_ns));
}

}  // namespace petrel::tools
