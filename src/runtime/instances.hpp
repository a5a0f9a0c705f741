// Runtime instances, as the spec's "runtime structure" chapter defines them.
#pragma once
#include <cstdint>
#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ir/module.hpp"
#include "runtime/memory.hpp"
#include "ir/value.hpp"
#include "support/error.hpp"

namespace petrel {

struct ModuleInstance;
class Store;

// Per-module data an engine derives lazily (e.g. the interpreter's translated code), shared by
// every instance of the module.
struct EngineCache {
  virtual ~EngineCache() = default;
};

// Compiled code attached to a module (src/native implements it; the runtime only calls it).
struct NativeCode {
  virtual ~NativeCode() = default;
  // Called during instantiation, after every instance object exists and before segments are
  // initialised: gives the instance's functions their compiled entries. Returning false means
  // this instance runs interpreted (e.g. its memory has no guard regions); `why` says why.
  virtual bool attach(Store& store, ModuleInstance& inst, std::string& why) const = 0;
};

// A decoded and validated module, ready to be instantiated any number of times.
struct LoadedModule {
  Module ir;
  std::shared_ptr<const NativeCode> native;  // compiled code, when loaded from a universal wasm
  mutable std::mutex cache_mutex;
  mutable std::unique_ptr<EngineCache> cache;
};

// A host function: reads `args`, writes `results` (one slot per value, two for a v128);
// returning an Error traps the caller.
using HostCallback = std::function<Result<void>(std::span<const uint64_t> args, std::span<uint64_t> results)>;

struct FuncInstance {
  // Compiled code, when the function has it: the typed entry and its instance context. These
  // three fields come first because compiled code reads them at fixed offsets (native_abi.hpp).
  const void* native_fn = nullptr;
  void* native_ctx = nullptr;
  uint32_t type_id = 0;                 // interned: equal ids mean equal types
  FuncType type;
  ModuleInstance* instance = nullptr;   // null for host functions
  uint32_t defined_index = 0;           // index among the module's defined functions
  // Set for host functions only (the interpreter counts calls to them: host_calls()).
  HostCallback host;
  // Set for functions with compiled code: enters it (the interpreter calls it as it calls a
  // host function, but it is guest code).
  HostCallback compiled;
  std::string debug_name;
  // The engine's code for this function, filled in on first call (opaque to the runtime).
  const void* engine_code = nullptr;
};

struct TableInstance {
  std::vector<Ref> elems;  // first: compiled code reads its begin and end pointers
  TableType type;
  uint64_t limit = uint64_t{1} << 24;  // the embedder's cap on elements, below the type's max
  uint64_t max_size() const { return std::min<uint64_t>(type.limits.max.value_or(0xFFFFFFFFu), limit); }
  // Grows by `delta` entries set to `init`; returns the old size or -1.
  int64_t grow(uint64_t delta, Ref init);
  TableType current_type() const { return {type.elem, {elems.size(), type.limits.max}}; }
};

struct GlobalInstance {
  GlobalType type;
  uint64_t value = 0;
  uint64_t hi = 0;  // v128's high half
};

struct ExternVal {
  ExternKind kind = ExternKind::Func;
  void* ptr = nullptr;  // FuncInstance*, TableInstance*, MemoryInstance* or GlobalInstance*
  FuncInstance* func() const { return static_cast<FuncInstance*>(ptr); }
  TableInstance* table() const { return static_cast<TableInstance*>(ptr); }
  MemoryInstance* memory() const { return static_cast<MemoryInstance*>(ptr); }
  GlobalInstance* global() const { return static_cast<GlobalInstance*>(ptr); }
};

struct ModuleInstance {
  std::shared_ptr<const LoadedModule> module;
  std::vector<uint32_t> type_ids;
  std::vector<FuncInstance*> funcs;
  std::vector<TableInstance*> tables;
  std::vector<MemoryInstance*> memories;
  std::vector<GlobalInstance*> globals;
  std::vector<std::vector<Ref>> elem_segments;       // emptied by elem.drop
  std::vector<std::span<const uint8_t>> data_segments;  // emptied by data.drop
  std::vector<std::pair<std::string, ExternVal>> exports;
  std::shared_ptr<void> native_state;  // the native loader's per-instance data
  bool runs_native = false;
  std::string native_fallback;  // why compiled code was not used, when it was not

  std::optional<ExternVal> find_export(std::string_view name) const;
};

// Interns function types so that engines compare signatures as integers.
uint32_t intern_func_type(const FuncType& t);

}  // namespace petrel
