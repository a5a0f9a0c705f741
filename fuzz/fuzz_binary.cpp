// libFuzzer target: arbitrary bytes through decode, validate and instantiate (imports are
// satisfied by the spectest module where the types allow), then each exported function
// without parameters is called, bounded by a small stack.
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
  Store store(std::make_unique<interp::Interpreter>(cfg), limits);
  Linker linker;
  host::define_spectest(store, linker);
  auto inst = linker.instantiate(store, *lm);
  if (!inst) return 0;
  for (const auto& [name, ext] : (*inst)->exports) {
    if (ext.kind != ExternKind::Func || !ext.func()->type.params.empty()) continue;
    // Loops without end would hang the fuzzer: only straight-line-ish bodies are run.
    const auto& f = *ext.func();
    if (!f.instance) continue;
    const auto& body = f.instance->module->ir.functions[f.defined_index];
    bool has_loop = false;
    for (uint32_t i = body.body_begin; i < body.body_end; ++i) has_loop |= f.instance->module->ir.code[i] == 0x03;
    if (has_loop) continue;
    std::vector<uint64_t> results(f.type.results.size());
    (void)store.call(ext.func(), {}, results);
  }
  return 0;
}
