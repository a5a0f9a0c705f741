// petrel_diff_exec MODULE.wasm [--aot-universal]: runs a module the way binaryen's
// `wasm-opt --fuzz-exec` does and prints what it prints, so that scripts/fuzz-diff can
// compare Petrel's engines with binaryen's interpreter:
//   [fuzz-exec] export NAME                         every function and global export, in order
//   [fuzz-exec] note result: NAME => V              a function's results, one value a line
//   [LoggingExternalInterface logging V ...]        a fuzzing-support log-* call, or a global's value
//   [trap MESSAGE] / [exception thrown: jserror]    how a call ended otherwise
//   [host limit MESSAGE]                            a limit of the host, not of the program
// Functions are called with zero arguments. The `fuzzing-support` imports follow binaryen's
// LoggingExternalInterface (src/tools/execution-results.h): log-* print their arguments (an
// i64 as its low and high i32), sleep returns its second argument, call-export and call-ref
// call a function as JavaScript would (a JS exception for parameters JS cannot give), and
// table-get/table-set use the table exported as "table". Immutable externref globals from
// any other module are given the payload binaryen synthesizes for them.
//
// With --aot-universal the module must be a universal wasm whose compiled code is used; the
// program fails otherwise, so that a comparison never silently runs the interpreter twice.
// Exit status: 0 ran (whatever the guest did), 2 cannot load, link or run compiled code,
// 3 imports something this host does not provide (the module is skipped, not compared).
#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "interp/interpreter.hpp"
#include "native/native_code.hpp"
#include "runtime/instantiate.hpp"

using namespace petrel;

namespace {

// What a host function returns to unwind the guest like a JavaScript exception: Petrel runs
// no exception handling, so only call-export-catch and call-ref-catch can catch it.
constexpr const char* kJsException = "fuzzing-support: JavaScript exception";
// A non-null externref made by this host: the payload in the low bits, this bit set.
constexpr uint64_t kExternTag = uint64_t{1} << 40;

std::unexpected<Error> js_exception() { return std::unexpected(Error{Error::Kind::Trap, kJsException, {}}); }

std::string show_float(double d, bool is_nan, bool negative, uint64_t payload) {
  if (is_nan) return fmt::format("{}nan{}", negative ? "-" : "", payload ? fmt::format(":0x{:x}", payload) : "");
  if (d == 0 && std::signbit(d)) return "-0";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  return fmt::format("{}", d);  // shortest text that reads back as the same double
}

// A value as binaryen's printValue shows it.
std::string show(ValType t, const uint64_t* slots) {
  uint64_t bits = slots[0];
  switch (t) {
    case ValType::I32: return fmt::format("{}", static_cast<int32_t>(bits));
    case ValType::I64: return fmt::format("{}", static_cast<int64_t>(bits));
    case ValType::F32: {
      uint32_t b = static_cast<uint32_t>(bits);
      float f = std::bit_cast<float>(b);
      return show_float(f, std::isnan(f), b >> 31, b & 0x7FFFFF);
    }
    case ValType::F64: {
      double d = std::bit_cast<double>(bits);
      return show_float(d, std::isnan(d), bits >> 63, bits & 0xFFFFFFFFFFFFFull);
    }
    case ValType::V128:
      return fmt::format("i32x4 0x{:08x} 0x{:08x} 0x{:08x} 0x{:08x}", static_cast<uint32_t>(slots[0]),
                         static_cast<uint32_t>(slots[0] >> 32), static_cast<uint32_t>(slots[1]),
                         static_cast<uint32_t>(slots[1] >> 32));
    case ValType::FuncRef: return bits ? "function" : "null";
    case ValType::ExternRef:
      if (!bits) return "null";
      if (bits & kExternTag) return fmt::format("externref({})", bits & 0xFFFFFFFF);
      return "externref(?)";
  }
  return "?";
}

// The payload binaryen's FuzzerImportResolver gives an imported externref global.
uint64_t synthesized_extern(const std::string& module, const std::string& name) {
  uint32_t payload = 0;
  for (const std::string* s : {&module, &name})
    for (char c : *s) payload = (payload + static_cast<uint32_t>(static_cast<signed char>(c))) % 251;
  return kExternTag | payload;
}

struct Runner {
  Store& store;
  const LoadedModule& module;
  ModuleInstance* instance = nullptr;

  void log(const char* kind, const std::vector<ValType>& types, std::span<const uint64_t> args) {
    std::string line = fmt::format("[LoggingExternalInterface {}", kind);
    size_t slot = 0;
    for (ValType t : types) {
      if (t == ValType::I64) {  // as two i32s, the way binaryen keeps JS legalization out of it
        line += fmt::format(" {} {}", static_cast<int32_t>(args[slot]), static_cast<int32_t>(args[slot] >> 32));
      } else {
        line += " " + show(t, &args[slot]);
      }
      slot += slot_count(t);
    }
    std::printf("%s]\n", line.c_str());
  }

  // Calls `f` as JavaScript would: default arguments, and a JS exception for parameters
  // (i64, v128) or results (v128) that cannot cross that boundary.
  Result<void> call_as_js(FuncInstance* f) {
    for (ValType t : f->type.params)
      if (t == ValType::I64 || t == ValType::V128) return js_exception();
    for (ValType t : f->type.results)
      if (t == ValType::V128) return js_exception();
    std::vector<uint64_t> args(slot_count(f->type.params)), results(slot_count(f->type.results));
    return store.call(f, args, results);
  }

  Result<void> call_export_as_js(uint32_t index) {
    const auto& exports = module.ir.exports;
    if (index >= exports.size() || exports[index].kind != ExternKind::Func) return js_exception();
    // From the start function there is no instance yet (binaryen has none either: it gives its
    // imports the instance after instantiation, and crashes, which the loop skips).
    if (!instance) return js_exception();
    return call_as_js(instance->find_export(exports[index].name)->func());
  }

  TableInstance* exported_table() {
    auto t = instance ? instance->find_export("table") : std::nullopt;
    return t && t->kind == ExternKind::Table ? t->table() : nullptr;
  }

  // The host function for fuzzing-support.NAME, or null when there is none by that name.
  HostCallback fuzzing_support(const std::string& name, const FuncType& type) {
    auto caught = [](Result<void> r) -> Result<uint64_t> {
      if (r) return 0;
      if (r.error().message == kJsException) return 1;
      return std::unexpected(r.error());
    };
    if (name.starts_with("log")) {
      const char* kind = name == "log-branch" ? "log-branch" : "logging";
      return [this, kind, params = type.params](std::span<const uint64_t> args, std::span<uint64_t>) -> Result<void> {
        log(kind, params, args);
        return {};
      };
    }
    if (name == "sleep")  // does not sleep: returns the id it is given
      return [](std::span<const uint64_t> args, std::span<uint64_t> results) -> Result<void> {
        if (!results.empty()) results[0] = args.size() > 1 ? args[1] : 0;
        return {};
      };
    if (name == "throw")  // 0 a JS exception, else a wasm exception: neither is catchable here
      return [](std::span<const uint64_t>, std::span<uint64_t>) -> Result<void> { return js_exception(); };
    if (name == "call-export")
      return [this](std::span<const uint64_t> args, std::span<uint64_t>) -> Result<void> {
        return call_export_as_js(static_cast<uint32_t>(args[0]));
      };
    if (name == "call-export-catch")
      return [this, caught](std::span<const uint64_t> args, std::span<uint64_t> results) -> Result<void> {
        auto r = caught(call_export_as_js(static_cast<uint32_t>(args[0])));
        if (!r) return std::unexpected(r.error());
        results[0] = *r;
        return {};
      };
    if (name == "call-ref" || name == "call-ref-catch") {
      bool catching = name == "call-ref-catch";
      return [this, caught, catching](std::span<const uint64_t> args, std::span<uint64_t> results) -> Result<void> {
        auto* f = reinterpret_cast<FuncInstance*>(args[0]);
        Result<void> r = f ? call_as_js(f) : js_exception();
        if (!catching) return r;
        auto c = caught(r);
        if (!c) return std::unexpected(c.error());
        results[0] = *c;
        return {};
      };
    }
    if (name == "table-get")
      return [this](std::span<const uint64_t> args, std::span<uint64_t> results) -> Result<void> {
        TableInstance* t = exported_table();
        uint32_t i = static_cast<uint32_t>(args[0]);
        if (!t || i >= t->elems.size()) return js_exception();
        results[0] = t->elems[i];
        return {};
      };
    if (name == "table-set")
      return [this](std::span<const uint64_t> args, std::span<uint64_t>) -> Result<void> {
        TableInstance* t = exported_table();
        uint32_t i = static_cast<uint32_t>(args[0]);
        if (!t || i >= t->elems.size()) return js_exception();
        t->elems[i] = args[1];
        return {};
      };
    return nullptr;
  }

  void run_exports() {
    for (const Export& e : module.ir.exports) {
      auto ext = instance->find_export(e.name);
      if (e.kind == ExternKind::Global) {
        std::printf("[fuzz-exec] export %s\n", e.name.c_str());
        GlobalInstance* g = ext->global();
        uint64_t slots[2] = {g->value, g->hi};
        std::printf("[LoggingExternalInterface logging %s]\n", show(g->type.type, slots).c_str());
        continue;
      }
      if (e.kind != ExternKind::Func) continue;
      std::printf("[fuzz-exec] export %s\n", e.name.c_str());
      FuncInstance* f = ext->func();
      std::vector<uint64_t> args(slot_count(f->type.params)), results(slot_count(f->type.results));
      std::fflush(stdout);
      auto r = store.call(f, args, results);
      if (!r) {
        const std::string& why = r.error().message;
        if (why == kJsException) std::printf("[exception thrown: jserror]\n");
        else if (why == "call stack exhausted") std::printf("[host limit %s]\n", why.c_str());
        else std::printf("[trap %s]\n", why.c_str());
        continue;
      }
      if (results.empty()) continue;
      std::printf("[fuzz-exec] note result: %s => ", e.name.c_str());
      size_t slot = 0;
      for (ValType t : f->type.results) {
        std::printf("%s\n", show(t, &results[slot]).c_str());
        slot += slot_count(t);
      }
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string(argv[2]) != "--aot-universal")) {
    std::fprintf(stderr, "usage: petrel_diff_exec MODULE.wasm [--aot-universal]\n");
    return 2;
  }
  bool aot = argc == 3;
  std::ifstream in(argv[1], std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    std::fprintf(stderr, "petrel_diff_exec: cannot read %s\n", argv[1]);
    return 2;
  }
  native::LoadReport report;
  // The universal wasm comes from `petrel compile` on this machine: its machine-key MAC makes it trusted.
  auto lm = native::load_module(bytes, {.use_native = aot}, &report);
  if (!lm) {
    std::fprintf(stderr, "petrel_diff_exec: %s: %s\n", argv[1], lm.error().describe().c_str());
    return 2;
  }
  if (aot && !report.native) {
    std::fprintf(stderr, "petrel_diff_exec: %s: compiled code not used: %s\n", argv[1],
                 report.had_section ? report.why_not.c_str() : "no native section");
    return 2;
  }

  Store store(std::make_unique<interp::Interpreter>());
  Runner runner{store, **lm};
  Linker linker;
  const Module& ir = (*lm)->ir;
  for (const Import& imp : ir.imports) {
    if (imp.kind == ExternKind::Func && imp.module == "fuzzing-support") {
      const FuncType& type = ir.types[imp.func_type];
      if (HostCallback cb = runner.fuzzing_support(imp.name, type)) {
        linker.define(imp.module, imp.name, {ExternKind::Func, store.add_host_func(type, std::move(cb), imp.name)});
        continue;
      }
    }
    if (imp.kind == ExternKind::Global && imp.global.type == ValType::ExternRef && !imp.global.mut) {
      GlobalInstance* g = store.add_global(imp.global, synthesized_extern(imp.module, imp.name));
      linker.define(imp.module, imp.name, {ExternKind::Global, g});
      continue;
    }
    std::fprintf(stderr, "petrel_diff_exec: %s: unsupported import %s.%s\n", argv[1], imp.module.c_str(),
                 imp.name.c_str());
    return 3;
  }
  auto inst = linker.instantiate(store, *lm);
  if (!inst) {
    if (inst.error().kind != Error::Kind::Trap) {
      std::fprintf(stderr, "petrel_diff_exec: %s: %s\n", argv[1], inst.error().describe().c_str());
      return 2;
    }
    // binaryen reports an exception out of the start function so, and runs nothing more
    if (inst.error().message == kJsException) std::printf("[exception thrown: failed to instantiate module]\n");
    else std::printf("[trap %s]\n", inst.error().message.c_str());
    return 0;
  }
  if (aot && !(*inst)->runs_native) {
    std::fprintf(stderr, "petrel_diff_exec: %s: runs interpreted: %s\n", argv[1], (*inst)->native_fallback.c_str());
    return 2;
  }
  runner.instance = *inst;
  runner.run_exports();
  return 0;
}
