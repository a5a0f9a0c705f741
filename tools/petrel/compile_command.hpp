#pragma once
#include <string>

namespace CLI {
class App;
}

namespace petrel::tools {

struct CompileOptions {
  std::string input, output;
  std::string level = "2";  // 0, 1, 2, 3 or s
  std::string target = "native";
  bool metered = false;
};

void add_compile_options(CLI::App& compile, CompileOptions& o);
// `petrel compile`: writes the universal wasm atomically. Returns the exit status.
int compile_command(const CompileOptions& o);

}  // namespace petrel::tools
