// Traps: a wasm trap comes back as an error with the spec's message; an error returned by a
// host function becomes a trap that unwinds through the wasm frames that called it; fuel stops
// an infinite loop after exactly its budget.
#include <petrel/petrel.hpp>

#include <cstdio>

static const char* kWat = R"((module
  (import "host" "check" (func $check (param i32) (result i32)))
  (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $inner (param i32) (result i32) (i32.add (call $check (local.get 0)) (i32.const 1)))
  (func (export "outer") (param i32) (result i32) (call $inner (local.get 0)))
  (func (export "spin") (loop $l (br $l))))
)";

int main() {
  petrel::Engine engine(petrel::Config().metering(true));
  petrel::Store store(engine);
  auto module = petrel::Module::from_wat(store, kWat);
  if (!module) return std::fprintf(stderr, "%s\n", module.error().message.c_str()), 1;
  petrel::HostFunc check(store, [](int32_t x) -> petrel::Result<int32_t> {
    if (x < 0) return petrel::Error{petrel::Error::Kind::Trap, "negative input", 0};
    return x * 10;
  });
  auto instance = petrel::Instance::create(store, *module, {{"host", "check", check}});
  if (!instance) return std::fprintf(stderr, "%s\n", instance.error().message.c_str()), 1;

  auto divide = instance->func<int32_t(int32_t, int32_t)>("divide");
  std::printf("7 / 0: trap \"%s\"\n", (*divide)(7, 0).error().message.c_str());
  auto outer = instance->func<int32_t(int32_t)>("outer");
  std::printf("outer(4) = %d\n", *(*outer)(4));
  std::printf("outer(-1): trap \"%s\"\n", (*outer)(-1).error().message.c_str());

  uint64_t before = store.stats().fuel_consumed;
  store.set_fuel(10000);
  auto spin = instance->func<void()>("spin");
  auto r = (*spin)();
  bool fuel = !r && r.error().kind == petrel::Error::Kind::FuelExhausted;
  std::printf("spin: %s after %llu instructions\n", fuel ? "fuel exhausted" : "?",
              static_cast<unsigned long long>(store.stats().fuel_consumed - before));
  return 0;
}
