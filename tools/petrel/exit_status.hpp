// Exit statuses of `petrel`, the one list (documented in --help's footer, README.md's usage
// section and tools/petrel/README.md). A WASI command's own status (proc_exit) passes through,
// so these can coincide with a guest's; they are what Petrel itself reports.
#pragma once

namespace petrel::tools {

constexpr int kExitError = 1;          // the module failed to load, validate, link or instantiate
constexpr int kExitUsage = 2;          // bad command line
constexpr int kExitTimeLimit = 124;    // --time-limit passed (as timeout(1) reports it)
constexpr int kExitTrap = 134;         // the guest trapped (128 + SIGABRT, as other runtimes do)
constexpr int kExitFuelExhausted = 135;  // --fuel ran out

// The footer of `petrel --help`.
inline constexpr const char* kExitStatusHelp =
    "Exit status: the guest's own (proc_exit) for WASI commands, else 0 success; 1 load, validation or\n"
    "link error (or a failing spec test, an invalid module for validate); 2 usage error; 124 the time\n"
    "limit passed (--time-limit); 134 the guest trapped; 135 the fuel ran out (--fuel).";

}  // namespace petrel::tools
