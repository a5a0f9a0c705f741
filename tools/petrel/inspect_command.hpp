#pragma once
#include <string>

namespace CLI {
class App;
}

namespace petrel::tools {

struct InspectOptions {
  std::string file;
  bool json = false;
};

void add_inspect_options(CLI::App& inspect, InspectOptions& o);
// `petrel inspect FILE`: the module's imports, exports, memories, tables, globals, start
// function and custom sections; for a universal wasm, its native section's header and whether
// this host would run that code. An invalid module is reported as `validate` does (exit 1).
int inspect_command(const InspectOptions& o);

}  // namespace petrel::tools
