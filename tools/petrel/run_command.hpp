#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace petrel::tools {

// Exit statuses of `petrel` (documented in --help and the README).
constexpr int kExitError = 1;   // the module failed to load, link or instantiate
constexpr int kExitUsage = 2;   // bad command line
constexpr int kExitTrap = 134;  // the guest trapped (128 + SIGABRT, as other runtimes do)

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
};

// Rewrites a bare `--allow-net` among run's options to `--allow-net=*`, so that an optional
// value never swallows FILE.
std::vector<std::string> normalize_run_args(std::vector<std::string> argv);
// Adds the `run` subcommand's options to `run`.
void add_run_options(CLI::App& run, RunOptions& o);
// Runs FILE; `args` are the guest's arguments (or --invoke's). Returns the exit status.
int run_module(const RunOptions& o, const std::vector<std::string>& args);

}  // namespace petrel::tools
