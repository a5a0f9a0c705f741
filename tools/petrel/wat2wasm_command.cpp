#include "wat2wasm_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "binary/encoder.hpp"
#include "exit_status.hpp"
#include "module_file.hpp"

namespace petrel::tools {

void add_wat2wasm_options(CLI::App& wat2wasm, Wat2WasmOptions& o) {
  wat2wasm.add_option("-o,--output", o.output, "The binary module to write")->required()->type_name("OUT.wasm");
  wat2wasm.add_option("input", o.input, "The text module")->required()->type_name("IN.wat");
  wat2wasm.footer(
      "The module is validated first. Function names ($ids) go into a \"name\" section. The reverse\n"
      "(wasm2wat) is not built in: Petrel has no text writer; use wabt's wasm2wat.");
}

int wat2wasm_command(const Wat2WasmOptions& o) {
  auto bytes = read_file_bytes(o.input);
  if (!bytes) {
    fmt::print(stderr, "petrel: {}\n", bytes.error().message);
    return kExitError;
  }
  if (bytes->compare(0, 4, std::string("\0asm", 4)) == 0) {
    fmt::print(stderr, "petrel: {}: already a binary module; give a text module (.wat)\n", o.input);
    return kExitError;
  }
  auto lm = load_module_file(o.input, {.use_native = false});
  if (!lm) {
    fmt::print(stderr, "petrel: {}\n", lm.error().message);
    return kExitError;
  }
  if (auto w = write_file_atomically(o.output, encode_module((*lm)->ir)); !w) {
    fmt::print(stderr, "petrel: {}\n", w.error().message);
    return kExitError;
  }
  return 0;
}

}  // namespace petrel::tools
