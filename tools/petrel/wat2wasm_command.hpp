#pragma once
#include <string>

namespace CLI {
class App;
}

namespace petrel::tools {

struct Wat2WasmOptions {
  std::string input, output;
};

void add_wat2wasm_options(CLI::App& wat2wasm, Wat2WasmOptions& o);
// `petrel wat2wasm IN.wat -o OUT.wasm`: parses and validates the text module, then writes it
// in the binary format (the encoder `petrel compile` uses for text). Returns the exit status.
int wat2wasm_command(const Wat2WasmOptions& o);

}  // namespace petrel::tools
