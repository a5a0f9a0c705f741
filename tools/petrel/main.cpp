// The `petrel` command line: run, check, inspect and convert modules; compile them; run spec scripts.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <bit>
#include <cstdio>

#include "compile_command.hpp"
#include "exit_status.hpp"
#include "inspect_command.hpp"
#include "run_command.hpp"
#include "support/version.hpp"
#include "validate_command.hpp"
#include "wat2wasm_command.hpp"
#include "wast_runner.hpp"

namespace {

using namespace petrel;

using tools::kExitUsage;

int run_wast(const std::vector<std::string>& files, const std::string& skip_path, const tools::WastOptions& options) {
  tools::SkipList skips;
  if (!skip_path.empty()) {
    std::string err;
    if (!tools::SkipList::load(skip_path, skips, err)) {
      fmt::print(stderr, "petrel: {}\n", err);
      return kExitUsage;
    }
  }
  tools::WastTotals total;
  for (const auto& f : files) {
    auto t = tools::run_wast_file(f, skips, options);
    total.passed += t.passed;
    total.failed += t.failed;
    total.skipped += t.skipped;
  }
  fmt::print("{} passed, {} failed, {} skipped\n", total.passed, total.failed, total.skipped);
  return total.failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Petrel: a WebAssembly runtime for the edge", "petrel"};
  app.set_version_flag("--version", std::string("petrel ") + PETREL_VERSION);
  app.require_subcommand(1);
  app.footer(tools::kExitStatusHelp);

  auto* run = app.add_subcommand("run", "Run a WebAssembly module (.wasm or .wat): a WASI command, or --invoke NAME");
  tools::RunOptions run_opts;
  tools::add_run_options(*run, run_opts);
  run->prefix_command();
  run->footer("Options go before FILE; everything after FILE is passed to the guest.");

  auto* validate = app.add_subcommand("validate", "Check that modules (.wasm or .wat) are valid; silent when they are");
  std::vector<std::string> validate_files;
  tools::add_validate_options(*validate, validate_files);

  auto* inspect = app.add_subcommand(
      "inspect", "Show a module's imports, exports, memories, tables, globals, start, custom sections and native code");
  tools::InspectOptions inspect_opts;
  tools::add_inspect_options(*inspect, inspect_opts);

  auto* wat2wasm = app.add_subcommand("wat2wasm", "Convert a text module (.wat) to the binary format");
  tools::Wat2WasmOptions wat2wasm_opts;
  tools::add_wat2wasm_options(*wat2wasm, wat2wasm_opts);

  auto* wast = app.add_subcommand("wast", "Run WebAssembly spec test scripts (.wast)");
  std::vector<std::string> wast_files;
  std::string skip_list;
  wast->add_option("--skip-list", skip_list, "Tracked skips: lines of 'FILE[:LINE] reason'");
  tools::WastOptions wast_opts;
  wast->add_flag("--metered", wast_opts.metered, "Run on metered code (fuel counting and interrupt checks)");
  wast->add_flag("--aot", wast_opts.aot, "Compile every module (LLVM) and run the assertions against the native code");
  wast->add_option("files", wast_files, "Scripts to run")->required();

  auto* compile = app.add_subcommand(
      "compile", "Compile a module ahead of time into a universal wasm (the module plus native code for this host)");
  tools::CompileOptions compile_opts;
  tools::add_compile_options(*compile, compile_opts);

  auto* keygen = app.add_subcommand("keygen", "Make an Ed25519 key pair for signing compiled code (compile --sign)");
  std::string keygen_base;
  tools::add_keygen_options(*keygen, keygen_base);

  std::vector<std::string> args = tools::normalize_run_args(std::vector<std::string>(argv + 1, argv + argc));
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (*run) {
    run_opts.allow_net = run->get_option("--allow-net")->count() > 0;
    return tools::run_module(run_opts, run->remaining());
  }
  if (*validate) return tools::validate_command(validate_files);
  if (*inspect) return tools::inspect_command(inspect_opts);
  if (*wat2wasm) return tools::wat2wasm_command(wat2wasm_opts);
  if (*wast) return run_wast(wast_files, skip_list, wast_opts);
  if (*compile) return tools::compile_command(compile_opts);
  if (*keygen) return tools::keygen_command(keygen_base);
  return kExitUsage;
}
