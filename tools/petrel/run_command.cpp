#include "run_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <bit>
#include <csignal>
#include <cstdio>

#include "host/wasi/command.hpp"
#include "host/wasi/wasi.hpp"
#include "interp/interpreter.hpp"
#include "module_file.hpp"
#include "run_stats.hpp"
#include "runtime/instantiate.hpp"
#include "text/literals.hpp"

extern char** environ;

namespace petrel::tools {
namespace {

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

Result<wasi::Preopen> parse_dir(std::string spec) {
  wasi::Preopen p;
  for (const char* suffix : {":readonly", ":ro"}) {
    if (spec.size() > std::strlen(suffix) && spec.ends_with(suffix)) {
      p.readonly = true;
      spec.resize(spec.size() - std::strlen(suffix));
      break;
    }
  }
  auto colon = spec.find(':');
  if (colon == std::string::npos) {
    p.guest_path = spec;
    p.host_path = spec;
  } else {
    p.guest_path = spec.substr(0, colon);
    p.host_path = spec.substr(colon + 1);
  }
  if (p.guest_path.empty() || p.host_path.empty())
    return std::unexpected(Error{Error::Kind::Usage, fmt::format("--dir '{}': expected HOST or GUEST:HOST", spec), {}});
  return p;
}

Result<std::vector<wasi::NetRule>> parse_net_rules(const std::string& list) {
  std::vector<wasi::NetRule> rules;
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(',', start);
    std::string item = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? list.size() : end + 1;
    if (item.empty()) continue;
    auto colon = item.rfind(':');
    if (colon == std::string::npos)
      return std::unexpected(Error{Error::Kind::Usage, fmt::format("--allow-net '{}': expected HOST:PORT", item), {}});
    wasi::NetRule r;
    r.host = item.substr(0, colon);
    if (r.host.size() > 2 && r.host.front() == '[' && r.host.back() == ']') r.host = r.host.substr(1, r.host.size() - 2);
    if (r.host == "*") r.host.clear();
    std::string port = item.substr(colon + 1);
    if (port != "*") {
      auto lit = text::parse_uint(port, 16);
      if (lit.status != text::LitStatus::Ok)
        return std::unexpected(Error{Error::Kind::Usage, fmt::format("--allow-net '{}': bad port", item), {}});
      r.port = static_cast<uint16_t>(lit.value);
    }
    rules.push_back(r);
  }
  return rules;
}

// Reports a failed call: a trap, or the guest's exit (which is not an error). Running out of
// fuel or time is a trap of its own, with its own exit status and a word on the limit.
int finish(const std::string& file, const Error& e, const RunLimits& limits) {
  if (e.kind == Error::Kind::Exit) return e.exit_code & 0xFF;
  std::string where = e.where.empty() ? "" : fmt::format(" ({})", e.where);
  if (e.message == kFuelExhausted) {
    fmt::print(stderr, "petrel: trap in {}: {}{}; the --fuel budget of {} instructions is spent: raise it to run further\n",
               file, e.message, where, limits.fuel.value_or(0));
    return kExitFuelExhausted;
  }
  if (e.message == kDeadlineExceeded) {
    fmt::print(stderr, "petrel: trap in {}: {}{}; --time-limit {} ms passed: raise it to run longer\n", file, e.message,
               where, limits.time_limit.count());
    return kExitTimeLimit;
  }
  fmt::print(stderr, "petrel: trap in {}: {}{}\n", file, e.message, where);
  return kExitTrap;
}

}  // namespace

void add_run_options(CLI::App& run, RunOptions& o) {
  run.add_option("--invoke", o.invoke, "Call this exported function instead of _start; ARGS are its arguments")
      ->type_name("NAME");
  run.add_flag("--reactor", o.reactor, "Treat the module as a reactor: call _initialize, then --invoke's function");
  run.add_option("--dir", o.dirs,
                 "Grant a host directory: HOST, or GUEST:HOST to show it at GUEST; append :ro for read-only")
      ->type_name("[GUEST:]HOST[:ro]")
      ->allow_extra_args(false);
  run.add_flag("--allow-special-fs-below", o.allow_special_fs_below,
               "Unsafe: grant --dir directories that have procfs, sysfs or another kernel file system mounted below "
               "them (refused otherwise); the guest is then kept out of those only by a check at each open");
  run.add_option("--env", o.env, "Set a guest environment variable")->type_name("NAME=VALUE")->allow_extra_args(false);
  run.add_flag("--env-inherit", o.env_inherit, "Pass the host's whole environment to the guest");
  // A bare --allow-net is rewritten to --allow-net=* before parsing (see normalize_run_args).
  run.add_option("--allow-net", o.net_rules,
                 "Allow network access: --allow-net for everything, --allow-net=HOST:PORT,… for only those (* matches any)")
      ->type_name("[=HOST:PORT,…]");
  run.add_flag("--interpret", o.interpret, "Ignore compiled code in a universal wasm; interpret the module");
  run.add_flag("--aot", o.aot,
               "Compile the module first (once: cached under $XDG_CACHE_HOME/petrel, else ~/.cache/petrel), unless it "
               "carries compiled code that runs here");
  run.add_option("--trust", o.trust,
                 "Also run embedded native code signed by this key (a KEY.pub of `petrel keygen`; repeatable)")
      ->type_name("KEY.pub")
      ->allow_extra_args(false);
  run.add_flag("--allow-unsigned-native", o.allow_unsigned_native,
               "DANGEROUS: run a universal wasm's native code even when it is neither compiled on this machine nor "
               "signed by a trusted key (it runs with all your rights: only for files you trust like a native program)");
  run.add_flag("-v,--verbose", o.verbose, "Say which engine runs the module (and why compiled code is not used)");
  add_limit_options(run, o.limits);
  // A bare --stats is rewritten to --stats=text before parsing (see normalize_run_args).
  run.add_option("--stats", o.stats,
               "After the run, print on stderr what it cost: instructions (fuel used; the run is metered), wall and "
               "CPU time, host calls and their time, peak linear memory, the engine, load and compile times; "
               "--stats=json: one JSON object")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("[=json]");
  run.add_option("file", o.file, "The module: binary .wasm (plain or universal) or text .wat")->required();
}

// The guest's WASI settings from the command line; an error is a usage error.
static Result<wasi::Options> wasi_options(const RunOptions& opts, const std::vector<std::string>& args, bool invoking) {
  wasi::Options w;
  w.args.push_back(opts.file);
  if (!invoking) w.args.insert(w.args.end(), args.begin(), args.end());
  if (opts.env_inherit)
    for (char** e = environ; *e; ++e) w.env.emplace_back(*e);
  for (const auto& e : opts.env) {
    if (e.find('=') == std::string::npos)
      return std::unexpected(Error{Error::Kind::Usage, fmt::format("--env '{}': expected NAME=VALUE", e), {}});
    w.env.push_back(e);
  }
  for (const auto& d : opts.dirs) {
    auto p = parse_dir(d);
    if (!p) return std::unexpected(p.error());
    p->allow_special_fs_below = opts.allow_special_fs_below;
    w.preopens.push_back(*p);
  }
  w.allow_net = opts.allow_net;
  auto rules = parse_net_rules(opts.net_rules == "*" ? std::string() : opts.net_rules);
  if (!rules) return std::unexpected(rules.error());
  w.net_rules = *rules;
  return w;
}

// Which embedded native code may run: the user's trust folder, --trust keys, or (dangerous) any.
static Result<native::TrustPolicy> trust_policy(const RunOptions& opts) {
  auto policy = native::TrustPolicy::for_user();
  if (opts.allow_unsigned_native) policy.mode = native::TrustPolicy::Mode::Any;
  for (const auto& path : opts.trust) {
    auto key = native::read_public_key(path);
    if (!key) return std::unexpected(Error{Error::Kind::Usage, "--trust " + key.error().message, {}});
    policy.trusted_keys.push_back(*key);
  }
  return policy;
}

// Instantiates and runs the module in `store`: a WASI command's _start, or a reactor's
// _initialize and --invoke's function. `fallback` receives why compiled code was refused at
// instantiation, if it was. Returns the exit status.
static int run_in_store(Store& store, const std::shared_ptr<const LoadedModule>& lm, const RunOptions& opts,
                        const RunLimits& limits, const std::vector<std::string>& args, wasi::Options w,
                        std::string& fallback) {
  const std::string& file = opts.file;
  bool invoking = !opts.invoke.empty();
  auto report_fallback = [&](const std::string& why) {
    fallback = why;
    if (opts.verbose && !why.empty())
      fmt::print(stderr, "petrel: {}: not using its compiled code: {}; interpreting\n", file, why);
  };
  auto trapped = [&](const Error& e) { return finish(file, e, limits); };
  auto failed = [&](const Error& e) {
    if (e.kind == Error::Kind::Trap || e.kind == Error::Kind::Exit) return trapped(e);
    std::string hint = e.message.starts_with("memory limit exceeded") ? "; raise --max-memory to run it" : "";
    fmt::print(stderr, "petrel: {}: {}{}\n", file, e.describe(), hint);
    return kExitError;
  };

  // A WASI command: link, instantiate, run _start, as every embedder of Petrel does.
  if (!invoking && !opts.reactor) {
    bool has_start = std::ranges::any_of(lm->ir.exports, [](const Export& e) {
      return e.name == "_start" && e.kind == ExternKind::Func;
    });
    if (!has_start) {
      fmt::print(stderr, "petrel: {}: no exported function \"_start\"; use --invoke NAME\n", file);
      return kExitError;
    }
    std::string why;
    auto status = wasi::run_command(store, lm, std::move(w), &why);
    report_fallback(why);
    return status ? *status : failed(status.error());
  }

  // A reactor, or --invoke: _initialize first, then the function asked for.
  Linker linker;
  std::unique_ptr<wasi::Wasi> guest_wasi;
  if (wasi::imports_wasi(lm->ir)) {
    auto created = wasi::Wasi::create(std::move(w));
    if (!created) {
      fmt::print(stderr, "petrel: {}\n", created.error().message);
      return kExitError;
    }
    guest_wasi = std::move(*created);
    guest_wasi->define(store, linker, &lm->ir);
  }
  auto inst = linker.instantiate(store, lm);
  if (!inst) return failed(inst.error());
  report_fallback((*inst)->native_fallback);
  if (guest_wasi) {
    if (auto b = guest_wasi->bind(**inst); !b) {
      fmt::print(stderr, "petrel: {}: {}\n", file, b.error().message);
      return kExitError;
    }
  }
  auto call = [&](FuncInstance* f, std::span<const uint64_t> in, std::span<uint64_t> out) { return store.call(f, in, out); };
  if (auto init = (*inst)->find_export("_initialize"); init && init->kind == ExternKind::Func) {
    if (auto r = call(init->func(), {}, {}); !r) return trapped(r.error());
  }
  std::string name = invoking ? opts.invoke : "_start";
  auto ext = (*inst)->find_export(name);
  if (!ext || ext->kind != ExternKind::Func) {
    fmt::print(stderr, "petrel: {}: no exported function \"{}\"\n", file, name);
    return kExitError;
  }
  FuncInstance* f = ext->func();
  if (!invoking) {  // --reactor without --invoke: its _start, if it has one
    if (!f->type.params.empty()) {
      fmt::print(stderr, "petrel: {}: _start must take no parameters\n", file);
      return kExitError;
    }
    std::vector<uint64_t> results(slot_count(f->type.results));
    if (auto r = call(f, {}, results); !r) return trapped(r.error());
    return 0;
  }
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
  if (auto r = call(f, raw, results); !r) return trapped(r.error());
  for (size_t i = 0; i < results.size(); ++i) fmt::print("{}\n", format_result(f->type.results[i], results[i]));
  return 0;
}

// Loads FILE, makes a store with `limits` and runs the module in it; --stats come after.
static int run_limited(const RunOptions& opts, const RunLimits& limits, const std::vector<std::string>& args) {
  const std::string& file = opts.file;
  auto trust = trust_policy(opts);
  if (!trust) {
    fmt::print(stderr, "petrel: {}\n", trust.error().message);
    return kExitUsage;
  }
  bool stats = !opts.stats.empty();
  // Statistics count instructions, which needs metered code (in both engines, so the count is
  // the same whichever runs).
  auto interpreter_cfg = interpreter_config(limits, stats);
  StatsClock load_clock;
  ModuleFileReport loaded;
  auto lm = load_module_file(file,
                             {.use_native = !opts.interpret,
                              .verbose = opts.verbose,
                              .aot = opts.aot,
                              .metered = interpreter_cfg.metered,
                              .trust = std::move(*trust)},
                             &loaded);
  uint64_t load_ns = load_clock.wall_ns();
  if (!lm) {
    fmt::print(stderr, "petrel: {}\n", lm.error().message);
    return kExitError;
  }
  auto w = wasi_options(opts, args, !opts.invoke.empty());
  if (!w) {
    fmt::print(stderr, "petrel: {}\n", w.error().message);
    return kExitUsage;
  }
  auto engine = std::make_unique<interp::Interpreter>(interpreter_cfg);
  interp::Interpreter& interpreter = *engine;
  Store store(std::move(engine), store_limits(limits));
  if (stats) store.measure_host_calls();
  arm_limits(interpreter, limits);
  StatsClock run_clock;
  std::string fallback;
  int status = run_in_store(store, *lm, opts, limits, args, std::move(*w), fallback);
  if (stats) {
    RunStats s;
    s.wall_ns = run_clock.wall_ns();
    s.cpu_ns = run_clock.cpu_ns();
    s.instructions = interpreter.fuel_consumed();
    s.host_calls = store.host_call_stats().calls;
    s.host_ns = store.host_call_stats().nanoseconds;
    s.peak_memory_bytes = store.memory_bytes();
    s.compiled = loaded.native && fallback.empty();
    s.not_compiled_why = loaded.native ? fallback : loaded.why_not;
    s.load_ns = load_ns;
    s.compile_ns = loaded.compile_ns;
    s.translation_ns = interpreter.translation_ns();
    std::string text = opts.stats == "json" ? format_stats_json(s) : format_stats_text(s);
    std::fflush(stdout);  // the guest's output first, when both go to one terminal
    std::fputs(text.c_str(), stderr);
  }
  return status;
}

int run_module(const RunOptions& opts, const std::vector<std::string>& args) {
  // The process is Petrel's own: no reader that goes away (of the guest's output or of
  // Petrel's messages) ends it; writes see EPIPE instead. The library guards its own writes
  // without this (src/host/README.md).
  signal(SIGPIPE, SIG_IGN);
  auto limits = resolve_limits(opts.limits);
  if (!limits) {
    fmt::print(stderr, "petrel: {}\n", limits.error().message);
    return kExitUsage;
  }
  if (limits->max_stack_bytes)
    return run_on_stack(*limits->max_stack_bytes, [&] { return run_limited(opts, *limits, args); });
  return run_limited(opts, *limits, args);
}

std::vector<std::string> normalize_run_args(std::vector<std::string> argv) {
  auto run = std::find(argv.begin(), argv.end(), "run");
  if (run == argv.end()) return argv;
  for (auto it = run + 1; it != argv.end(); ++it) {
    const std::string& a = *it;
    if (a == "--allow-net") {
      *it = "--allow-net=*";
    } else if (a == "--stats") {
      *it = "--stats=text";
    } else if (a == "--invoke" || a == "--dir" || a == "--env" || a == "--trust" || a == "--fuel" || a == "--gas-limit" ||
               a == "--time-limit" || a == "--max-memory" || a == "--memory-page-limit" || a == "--max-stack") {
      if (++it == argv.end()) break;  // skip the option's value
    } else if (a.empty() || a[0] != '-') {
      break;  // FILE: what follows belongs to the guest
    }
  }
  return argv;
}

}  // namespace petrel::tools
