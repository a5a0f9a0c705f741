#include "validate_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "exit_status.hpp"
#include "module_file.hpp"

namespace petrel::tools {

void add_validate_options(CLI::App& validate, std::vector<std::string>& files) {
  validate.add_option("files", files, "Modules: binary .wasm (plain or universal) or text .wat")
      ->required()
      ->type_name("FILE");
  validate.footer("Decodes (or parses) and validates as the spec says; runs nothing, loads no compiled code.");
}

int validate_command(const std::vector<std::string>& files) {
  int status = 0;
  for (const auto& file : files) {
    if (auto lm = load_module_file(file, {.use_native = false}); !lm) {
      fmt::print(stderr, "petrel: {}\n", lm.error().message);
      status = kExitError;
    }
  }
  return status;
}

}  // namespace petrel::tools
