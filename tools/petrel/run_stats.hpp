// `petrel run --stats`: what a run cost, printed on stderr after it (as text for people, or
// --stats=json as one JSON object for machines), never mixed into the guest's stdout.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace petrel::tools {

struct RunStats {
  uint64_t instructions = 0;       // wasm instructions executed (the fuel used: the run is metered)
  uint64_t wall_ns = 0;            // instantiation and the run
  uint64_t cpu_ns = 0;             // the process's CPU time over the same span
  uint64_t host_calls = 0;         // calls into host functions (WASI)
  uint64_t host_ns = 0;            // time in them
  uint64_t peak_memory_bytes = 0;  // linear memory at its largest (memories only grow)
  bool compiled = false;           // which engine ran the module
  std::string not_compiled_why;    // when the interpreter did
  uint64_t load_ns = 0;            // reading, decoding, validating (and compiling, with --aot)
  uint64_t compile_ns = 0;         // --aot: compiling, or finding the code in the compile cache
  uint64_t translation_ns = 0;     // the interpreter's translation to threaded code
};

// Wall-clock and process CPU time since it was made.
class StatsClock {
 public:
  StatsClock();
  uint64_t wall_ns() const;
  uint64_t cpu_ns() const;

 private:
  std::chrono::steady_clock::time_point wall_start_;
  uint64_t cpu_start_ = 0;
};

// A few lines of "petrel: stats: NAME VALUE".
std::string format_stats_text(const RunStats& s);
// One line: a JSON object (keys as RunStats', times in milliseconds).
std::string format_stats_json(const RunStats& s);

}  // namespace petrel::tools
