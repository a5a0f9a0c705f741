// Embedding Petrel from C++: a lambda as a host function, typed calls checked against the wasm
// signature, several results as a tuple, memory through a bounds-checked view.
#include <petrel/petrel.hpp>

#include <cstdio>

static const char* kWat = R"((module
  (import "env" "log" (func $log (param i32 f64)))
  (memory (export "memory") 1)
  (func (export "run") (param i32)
    (call $log (i32.mul (local.get 0) (i32.const 2)) (f64.const 0.5)))
  (func (export "divmod") (param i32 i32) (result i32 i32)
    (i32.div_u (local.get 0) (local.get 1)) (i32.rem_u (local.get 0) (local.get 1)))
  (func (export "store") (param i32 i64) (i64.store (local.get 0) (local.get 1))))
)";

int main() {
  petrel::Engine engine;
  petrel::Store store(engine);
  auto module = petrel::Module::from_wat(store, kWat);
  if (!module) return std::fprintf(stderr, "%s\n", module.error().message.c_str()), 1;
  petrel::HostFunc log(store, [](int32_t n, double x) { std::printf("hello from wasm: %d and %.1f\n", n, x); });
  auto instance = petrel::Instance::create(store, *module, {{"env", "log", log}});
  if (!instance) return std::fprintf(stderr, "%s\n", instance.error().message.c_str()), 1;

  auto run = instance->func<void(int32_t)>("run");
  if (!run || !(*run)(21)) return 1;
  auto divmod = instance->func<std::tuple<int32_t, int32_t>(int32_t, int32_t)>("divmod");
  auto [q, r] = *(*divmod)(47, 5);
  std::printf("47 divmod 5 = %d, %d\n", q, r);
  auto wrong = instance->func<int64_t(int32_t)>("run");
  std::printf("as int64_t(int32_t): %s\n", wrong ? "accepted" : wrong.error().message.c_str());

  auto store_fn = instance->func<void(int32_t, int64_t)>("store");
  if (!store_fn || !(*store_fn)(8, 0x1122334455667788)) return 1;
  auto memory = instance->memory();
  std::printf("memory[8] as uint64: %llx; past the end: %s\n",
              static_cast<unsigned long long>(*memory->read<uint64_t>(8)),
              memory->read<uint64_t>(65536 - 4).error().message.c_str());
  return 0;
}
