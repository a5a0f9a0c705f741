// The `petrel` command line: run modules, run spec scripts.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <bit>
#include <cstdio>

#include "interp/interpreter.hpp"
#include "module_file.hpp"
#include "runtime/instantiate.hpp"
#include "text/literals.hpp"
#include "support/version.hpp"
#include "wast_runner.hpp"

namespace {

using namespace petrel;

// Exit statuses (documented in the README and --help).
constexpr int kExitError = 1;   // the module failed to load, link or instantiate
constexpr int kExitUsage = 2;   // bad command line
constexpr int kExitTrap = 134;  // the guest trapped (128 + SIGABRT, as other runtimes do)

int run_wast(const std::vector<std::string>& files, const std::string& skip_path) {
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
    auto t = tools::run_wast_file(f, skips);
    total.passed += t.passed;
    total.failed += t.failed;
    total.skipped += t.skipped;
  }
  fmt::print("{} passed, {} failed, {} skipped\n", total.passed, total.failed, total.skipped);
  return total.failed ? 1 : 0;
}

Result<uint64_t> parse_arg(ValType t, const std::string& s) {
  auto bad = [&] {
    return std::unexpected(Error{Error::Kind::Usage, fmt::format("cannot read '{}' as {}", s, valtype_name(t)), {}});
  };
  switch (t) {
    case ValType::I32:
    case ValType::I64: {
      auto lit = text::parse_int(s, t == ValType::I32 ? 32 : 64);
      if (lit.status != text::LitStatus::Ok) return bad();
      return lit.value;
    }
    case ValType::F32:
    case ValType::F64: {
      auto lit = t == ValType::F32 ? text::parse_f32(s) : text::parse_f64(s);
      if (lit.status != text::LitStatus::Ok) return bad();
      return lit.bits;
    }
    default: return bad();
  }
}

std::string format_result(ValType t, uint64_t bits) {
  switch (t) {
    case ValType::I32: return fmt::format("(i32.const {})", static_cast<int32_t>(bits));
    case ValType::I64: return fmt::format("(i64.const {})", static_cast<int64_t>(bits));
    case ValType::F32: return fmt::format("(f32.const {})", std::bit_cast<float>(static_cast<uint32_t>(bits)));
    case ValType::F64: return fmt::format("(f64.const {})", std::bit_cast<double>(bits));
    case ValType::FuncRef: return bits ? "(ref.func)" : "(ref.null func)";
    case ValType::ExternRef: return bits ? "(ref.extern)" : "(ref.null extern)";
    default: return "(v128)";
  }
}

int run_module(const std::string& file, const std::string& invoke, const std::vector<std::string>& args) {
  auto lm = tools::load_module_file(file);
  if (!lm) {
    fmt::print(stderr, "petrel: {}\n", lm.error().message);
    return kExitError;
  }
  Store store(std::make_unique<interp::Interpreter>());
  Linker linker;
  auto inst = linker.instantiate(store, *lm);
  if (!inst) {
    if (inst.error().kind == Error::Kind::Trap) {
      fmt::print(stderr, "petrel: trap in {}: {}\n", file, inst.error().message);
      return kExitTrap;
    }
    fmt::print(stderr, "petrel: {}: {}\n", file, inst.error().describe());
    return kExitError;
  }
  std::string name = invoke.empty() ? "_start" : invoke;
  auto ext = (*inst)->find_export(name);
  if (!ext || ext->kind != ExternKind::Func) {
    if (invoke.empty()) {
      fmt::print(stderr, "petrel: {}: no exported function \"_start\"; use --invoke NAME\n", file);
    } else {
      fmt::print(stderr, "petrel: {}: no exported function \"{}\"\n", file, name);
    }
    return kExitError;
  }
  FuncInstance* f = ext->func();
  if (args.size() != f->type.params.size()) {
    fmt::print(stderr, "petrel: {} expects {} argument(s) of type {}, got {}\n", name, f->type.params.size(),
               to_string(f->type), args.size());
    return kExitUsage;
  }
  if (slot_count(f->type.params) != f->type.params.size() || slot_count(f->type.results) != f->type.results.size()) {
    fmt::print(stderr, "petrel: {}: v128 parameters and results are not supported by --invoke\n", name);
    return kExitUsage;
  }
  std::vector<uint64_t> raw, results(f->type.results.size());
  for (size_t i = 0; i < args.size(); ++i) {
    auto v = parse_arg(f->type.params[i], args[i]);
    if (!v) {
      fmt::print(stderr, "petrel: {}\n", v.error().message);
      return kExitUsage;
    }
    raw.push_back(*v);
  }
  auto r = store.call(f, raw, results);
  if (!r) {
    fmt::print(stderr, "petrel: trap in {}: {}\n", file, r.error().message);
    return kExitTrap;
  }
  for (size_t i = 0; i < results.size(); ++i) fmt::print("{}\n", format_result(f->type.results[i], results[i]));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Petrel: a WebAssembly runtime for the edge"};
  app.set_version_flag("--version", std::string("petrel ") + PETREL_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 success; 1 load, validation or link error (or a failing spec test); 2 usage error;\n"
      "134 the guest trapped.");

  auto* run = app.add_subcommand("run", "Run a WebAssembly module (.wasm or .wat)");
  std::string file, invoke;
  run->add_option("--invoke", invoke, "Call this exported function instead of _start; ARGS are its arguments");
  run->add_option("file", file, "The module: binary .wasm or text .wat")->required();
  run->prefix_command();
  run->footer("Options go before FILE; everything after FILE is passed to the guest.");

  auto* wast = app.add_subcommand("wast", "Run WebAssembly spec test scripts (.wast)");
  std::vector<std::string> wast_files;
  std::string skip_list;
  wast->add_option("--skip-list", skip_list, "Tracked skips: lines of 'FILE[:LINE] reason'");
  wast->add_option("files", wast_files, "Scripts to run")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (*run) return run_module(file, invoke, run->remaining());
  if (*wast) return run_wast(wast_files, skip_list);
  return kExitUsage;
}
