#pragma once
#include <string>
#include <vector>

#include "exit_status.hpp"
#include "run_limits.hpp"

namespace CLI {
class App;
}

namespace petrel::tools {

struct RunOptions {
  std::string file;
  std::string invoke;
  bool reactor = false;
  std::vector<std::string> dirs;  // HOST | GUEST:HOST, optionally ending in :ro / :readonly
  bool allow_special_fs_below = false;  // grant dirs with procfs/sysfs mounted below them
  std::vector<std::string> env;   // NAME=VALUE
  bool env_inherit = false;
  bool allow_net = false;
  std::string net_rules;          // HOST:PORT,… (empty with allow_net: everything)
  bool interpret = false;         // ignore compiled code
  bool aot = false;               // compile (through the cache) before running
  bool verbose = false;
  std::vector<std::string> trust;  // public key files whose signatures make embedded code trusted
  bool allow_unsigned_native = false;  // run any embedded native code (dangerous)
  RunLimitOptions limits;
  std::string stats;  // --stats: "text" or "json"; empty: none
};

// Rewrites a bare `--allow-net` among run's options to `--allow-net=*` and a bare `--stats` to
// `--stats=text`, so that an optional value never swallows FILE.
std::vector<std::string> normalize_run_args(std::vector<std::string> argv);
// Adds the `run` subcommand's options to `run`.
void add_run_options(CLI::App& run, RunOptions& o);
// Runs FILE; `args` are the guest's arguments (or --invoke's). Returns the exit status.
int run_module(const RunOptions& o, const std::vector<std::string>& args);

}  // namespace petrel::tools
