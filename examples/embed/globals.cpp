// Globals: read and written as the C++ type of their wasm type; type and mutability checked.
#include <petrel/petrel.hpp>

#include <cstdio>

static const char* kWat = R"((module
  (global $counter (export "counter") (mut i64) (i64.const 40))
  (global (export "pi") f64 (f64.const 3.25))
  (func (export "bump") (global.set $counter (i64.add (global.get $counter) (i64.const 1)))))
)";

int main() {
  petrel::Engine engine;
  petrel::Store store(engine);
  auto module = petrel::Module::from_wat(store, kWat);
  auto instance = petrel::Instance::create(store, *module, {});
  if (!instance) return 1;
  auto counter = instance->global("counter");
  (void)counter->set<int64_t>(*counter->get<int64_t>() + 1);
  (void)(*instance->func<void()>("bump"))();
  std::printf("counter: %lld\n", static_cast<long long>(*counter->get<int64_t>()));
  auto pi = instance->global("pi");
  std::printf("pi: %.2f; as int32_t: %s; set: %s\n", *pi->get<double>(), pi->get<int32_t>().error().message.c_str(),
              pi->set<double>(3.0).error().message.c_str());
  return 0;
}
