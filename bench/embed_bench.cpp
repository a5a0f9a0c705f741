// Embedding costs, with Google Benchmark: a call from the host into wasm and from wasm into
// the host, next to a plain C++ indirect call; instantiating a small module (one 64 KiB memory,
// a function, interpreted). Run: build/bin/petrel_embed_bench (bench/README.md).
#include <benchmark/benchmark.h>

#include <petrel/petrel.hpp>

namespace {

const char* kWat = R"((module
  (import "host" "inc" (func $inc (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "call_host") (param i32) (result i32) (local i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 0)))
      (local.set 1 (call $inc (local.get 1)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l)))
    (local.get 1))
  (func (export "loop_only") (param i32) (result i32) (local i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 0)))
      (local.set 1 (i32.add (local.get 1) (i32.const 1)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l)))
    (local.get 1)))
)";

struct Fixture {
  petrel::Engine engine;
  petrel::Store store{engine};
  petrel::Result<petrel::Module> module = petrel::Module::from_wat(store, kWat);
  petrel::HostFunc inc{store, [](int32_t x) { return x + 1; }};
  petrel::Result<petrel::Instance> instance = petrel::Instance::create(store, *module, {{"host", "inc", inc}});
};

__attribute__((noinline)) int32_t native_inc(int32_t x) { return x + 1; }

void IndirectCall(benchmark::State& state) {
  int32_t (*volatile fn)(int32_t) = native_inc;
  int32_t x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x = fn(x));
}
BENCHMARK(IndirectCall);

void HostToWasm_C(benchmark::State& state) {
  Fixture f;
  wasm_extern_vec_t exports;
  wasm_instance_exports(f.instance->get(), &exports);
  const wasm_func_t* inc = wasm_extern_as_func(exports.data[1]);
  wasm_val_t in[1] = {WASM_I32_VAL(0)}, out[1];
  wasm_val_vec_t args = WASM_ARRAY_VEC(in), results = WASM_ARRAY_VEC(out);
  for (auto _ : state) {
    if (wasm_trap_t* t = wasm_func_call(inc, &args, &results)) wasm_trap_delete(t);
    in[0].of.i32 = out[0].of.i32;
  }
  wasm_extern_vec_delete(&exports);
}
BENCHMARK(HostToWasm_C);

void HostToWasm_Cpp(benchmark::State& state) {
  Fixture f;
  auto inc = f.instance->func<int32_t(int32_t)>("inc");
  int32_t x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x = *(*inc)(x));
}
BENCHMARK(HostToWasm_Cpp);

// wasm → host: a wasm loop of N host calls, minus the same loop without them, per call.
void WasmToHost(benchmark::State& state) {
  Fixture f;
  auto with_calls = f.instance->func<int32_t(int32_t)>("call_host");
  auto loop_only = f.instance->func<int32_t(int32_t)>("loop_only");
  constexpr int32_t kCalls = 10000;
  double loop_ns = 0;
  for (int i = 0; i < 20; ++i) {  // the loop's own cost, measured once up front
    auto t0 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(*(*loop_only)(kCalls));
    double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    loop_ns = i == 0 ? ns : std::min(loop_ns, ns);
  }
  for (auto _ : state) benchmark::DoNotOptimize(*(*with_calls)(kCalls));
  state.SetItemsProcessed(state.iterations() * kCalls);
  state.counters["loop_ns_per_iteration"] = loop_ns / kCalls;
}
BENCHMARK(WasmToHost);

void Instantiate(benchmark::State& state) {
  Fixture f;
  for (auto _ : state) {
    auto instance = petrel::Instance::create(f.store, *f.module, {{"host", "inc", f.inc}});
    benchmark::DoNotOptimize(instance.has_value());
  }
}
BENCHMARK(Instantiate);

}  // namespace

BENCHMARK_MAIN();
