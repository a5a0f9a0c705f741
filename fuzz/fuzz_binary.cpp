// libFuzzer target: arbitrary bytes through decode, validate and instantiate (imports are
// satisfied by the spectest module where the types allow), then each exported function
// without parameters is called, bounded by a small stack and by fuel (a metered interpreter):
// a guest that loops forever is no finding, and must not stall the fuzzer.
#include <cstddef>
#include <cstdint>

#include "host/spectest.hpp"
#include "interp/interpreter.hpp"
#include "runtime/instantiate.hpp"

using namespace petrel;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto lm = load_binary(std::span(data, size));
  if (!lm) return 0;
  // Keep memories small so that the fuzzer does not spend its time committing pages.
  StoreLimits limits;
  limits.max_memory_pages = 16;
  limits.max_table_elems = 1 << 16;
  interp::InterpreterConfig cfg;
  cfg.stack_slots = 1 << 14;
  cfg.max_frames = 1 << 10;
  cfg.metered = true;
  auto engine = std::make_unique<interp::Interpreter>(cfg);
  interp::Interpreter* interpreter = engine.get();
  Store store(std::move(engine), limits);
  Linker linker;
  host::define_spectest(store, linker);
  auto inst = linker.instantiate(store, *lm);
  if (!inst) return 0;
  for (const auto& [name, ext] : (*inst)->exports) {
    if (ext.kind != ExternKind::Func || !ext.func()->type.params.empty()) continue;
    // A million instructions per call: enough for any seed, a few milliseconds.
    interpreter->set_fuel(1'000'000);
    std::vector<uint64_t> results(slot_count(ext.func()->type.results));
    (void)store.call(ext.func(), {}, results);
  }
  return 0;
}
