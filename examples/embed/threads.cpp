// The FaaS host case in C++: one engine shared by threads; each thread loads the module once
// and serves many requests, each with a fresh store and instance (a store keeps what is made in
// it until it goes, so a long-running host makes one per request: they are cheap).
// Usage: threads [INSTANCES_PER_THREAD] (8 threads).
#include <petrel/petrel.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

static const char* kWat = R"((module
  (memory 1)
  (func (export "sum_to") (param i32) (result i64) (local i64)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 0)))
      (local.set 1 (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l)))
    (local.get 1)))
)";

int main(int argc, char** argv) {
  int per_thread = argc > 1 ? std::atoi(argv[1]) : 10000;
  constexpr int kThreads = 8;
  petrel::Engine engine;
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      petrel::Store loader(engine);
      auto module = petrel::Module::from_wat(loader, kWat);
      if (!module) return (void)failed.fetch_add(per_thread);
      for (int i = 0; i < per_thread; ++i) {
        petrel::Store store(engine);
        auto instance = petrel::Instance::create(store, *module, {});
        auto sum_to = instance ? instance->func<int64_t(int32_t)>("sum_to") : petrel::Result<petrel::TypedFunc<int64_t(int32_t)>>(instance.error());
        int32_t n = t * 100 + i % 100;
        auto r = sum_to ? (*sum_to)(n) : petrel::Result<int64_t>(sum_to.error());
        (r && *r == int64_t{n} * (n + 1) / 2 ? ok : failed).fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::printf("%d threads x %d instances: %s\n", kThreads, per_thread, failed ? "FAILURES" : "all correct");
  return failed ? 1 : 0;
}
