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
  std::string sign;  // a signing key file (petrel keygen): the output is signed with it
};

void add_compile_options(CLI::App& compile, CompileOptions& o);
// `petrel compile`: writes the universal wasm atomically. Returns the exit status.
int compile_command(const CompileOptions& o);

void add_keygen_options(CLI::App& keygen, std::string& base);
// `petrel keygen BASE`: writes BASE.key (secret, 0600) and BASE.pub. Returns the exit status.
int keygen_command(const std::string& base);

}  // namespace petrel::tools
