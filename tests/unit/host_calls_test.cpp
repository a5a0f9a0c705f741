// The interpreter's host-call statistic (Interpreter::host_calls, the C API's
// petrel_stats_t.host_calls) counts calls from guest code into host functions, and only them:
// a call into another module's compiled code is not one, a host call made by compiled code is.
// An app module calls a host function and a library function n times each; the library calls
// the host function twice: 3n host calls, whichever modules run compiled.
#include <gtest/gtest.h>

#include "binary/encoder.hpp"
#include "interp/interpreter.hpp"
#include "native/compiler_plugin.hpp"
#include "native/native_code.hpp"
#include "runtime/instantiate.hpp"
#include "text/wat_parser.hpp"

namespace {

using namespace petrel;

constexpr const char* kLib = R"((module
  (import "env" "tick" (func $tick))
  (func (export "step") (param i32) (result i32)
    (call $tick) (call $tick)
    (i32.add (local.get 0) (i32.const 1))))
)";

constexpr const char* kApp = R"((module
  (import "env" "tick" (func $tick))
  (import "lib" "step" (func $step (param i32) (result i32)))
  (func (export "run") (param i32) (result i32) (local i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 0)))
      (call $tick)
      (local.set 1 (call $step (local.get 1)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l)))
    (local.get 1)))
)";

std::shared_ptr<const LoadedModule> load(const char* wat, bool compiled) {
  auto ir = text::parse_wat(wat);
  if (!ir) {
    ADD_FAILURE() << ir.error().describe();
    return nullptr;
  }
  if (!compiled) {
    auto lm = load_ir(std::move(*ir));
    if (!lm) ADD_FAILURE() << lm.error().describe();
    return lm ? *lm : nullptr;
  }
  auto universal = native::compile_module(encode_module(*ir), {});
  if (!universal) {
    ADD_FAILURE() << "the compiler refuses the module: " << universal.error().message;
    return nullptr;
  }
  native::LoadReport report;
  auto lm = native::load_module(*universal, {.made_here = true}, &report);
  if (!lm || !report.native) {
    ADD_FAILURE() << "compiled code not used: " << (lm ? report.why_not : lm.error().describe());
    return nullptr;
  }
  return *lm;
}

struct Counts {
  uint64_t host_calls = 0;  // the interpreter's statistic
  uint64_t ticks = 0;       // calls the host function saw
  uint64_t result = 0;
};

Counts run(bool lib_compiled, bool app_compiled, uint32_t n) {
  Counts c;
  auto lib = load(kLib, lib_compiled), app = load(kApp, app_compiled);
  if (!lib || !app) return c;
  auto engine = std::make_unique<interp::Interpreter>();
  interp::Interpreter* interpreter = engine.get();
  Store store(std::move(engine), StoreLimits{.guard_regions = true});
  FuncInstance* tick = store.add_host_func({}, [&c](std::span<const uint64_t>, std::span<uint64_t>) -> Result<void> {
    ++c.ticks;
    return {};
  });
  Linker linker;
  linker.define("env", "tick", ExternVal{ExternKind::Func, tick});
  auto lib_inst = linker.instantiate(store, lib);
  if (!lib_inst) {
    ADD_FAILURE() << lib_inst.error().describe();
    return c;
  }
  EXPECT_EQ((*lib_inst)->runs_native, lib_compiled) << (*lib_inst)->native_fallback;
  linker.define_instance("lib", **lib_inst);
  auto app_inst = linker.instantiate(store, app);
  if (!app_inst) {
    ADD_FAILURE() << app_inst.error().describe();
    return c;
  }
  EXPECT_EQ((*app_inst)->runs_native, app_compiled) << (*app_inst)->native_fallback;
  std::vector<uint64_t> args{n}, results(1);
  auto r = store.call((*app_inst)->find_export("run")->func(), args, results);
  EXPECT_TRUE(r) << (r ? "" : r.error().describe());
  c.host_calls = interpreter->host_calls();
  c.result = results[0];
  return c;
}

TEST(HostCalls, CountOnlyHostFunctionsInEveryMixOfEngines) {
  constexpr uint32_t n = 7;
  const std::pair<bool, bool> mixes[] = {{false, false}, {true, false}, {false, true}, {true, true}};
  for (auto [lib_compiled, app_compiled] : mixes) {
    SCOPED_TRACE(testing::Message() << "lib " << (lib_compiled ? "compiled" : "interpreted") << ", app "
                                    << (app_compiled ? "compiled" : "interpreted"));
    Counts c = run(lib_compiled, app_compiled, n);
    EXPECT_EQ(c.result, n);
    EXPECT_EQ(c.ticks, 3 * n);
    // Not 2n (the app's calls into the compiled library counted as host calls, the library's
    // own host calls not), nor n: every call into the host function, and nothing else.
    EXPECT_EQ(c.host_calls, 3 * n);
  }
}

}  // namespace
