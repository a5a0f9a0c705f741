// The objects behind the C API's opaque types. Type objects derive from wasm_externtype_t and
// runtime objects from wasm_extern_t (itself a wasm_ref_t), so that the API's as_* conversions
// are checked casts. Handles are owned by the embedder. What they name is either owned by the
// store (functions, globals, tables, memories, instances: their host info is the store's, by
// object) or shared by the handles (foreign objects, traps, modules: host info and all live in
// the shared object, which dies with its last handle).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/c/host_info.hpp"
#include "native/trust.hpp"
#include "runtime/instantiate.hpp"
#include "support/tick_clock.hpp"
#include "wasm.h"

namespace petrel {
namespace interp {
class Interpreter;
}
namespace wasi {
class Wasi;
}
}  // namespace petrel

struct wasm_config_t {
  bool metered = false;
  bool compiled = false;  // PETREL_ENGINE_COMPILED: modules are compiled when they are made
  uint32_t max_memory_pages = 65536;
  uint64_t max_stack_bytes = 0;  // 0: the engines' defaults
  // Which native sections of universal wasm modules a compiled engine may run.
  petrel::native::TrustPolicy trust = petrel::native::TrustPolicy::for_user();
};

struct wasm_engine_t {
  wasm_config_t config;
};

struct wasm_store_t {
  explicit wasm_store_t(const wasm_config_t& config);
  ~wasm_store_t();
  std::unique_ptr<petrel::Store> store;
  petrel::interp::Interpreter* interpreter = nullptr;  // owned by `store`
  bool compiled = false;  // compile modules made for this store (the engine's choice)
  petrel::native::TrustPolicy trust;  // the engine's
  std::vector<std::unique_ptr<petrel::wasi::Wasi>> wasi;  // live as long as their instances
  petrel::TickClock call_clock;  // time in wasm_func_call: ticks, converted when asked for
  uint64_t call_ticks = 0, calls = 0;
  // Externref values handed to wasm stay alive as long as the store (wasm may keep them): one
  // handle per object, by identity, so that wasm sees one reference for one object.
  std::unordered_map<const void*, wasm_ref_t*> extern_roots;
  std::vector<std::pair<void*, void (*)(void*)>> finalizers;
  // Host info of the objects the store owns, by identity; finalized with the store.
  std::unordered_map<const void*, HostInfo> host_infos;
};

struct wasm_valtype_t {
  wasm_valkind_t kind;
};

struct wasm_externtype_t {
  explicit wasm_externtype_t(wasm_externkind_t k) : kind(k) {}
  virtual ~wasm_externtype_t() = default;
  virtual wasm_externtype_t* clone() const = 0;
  wasm_externkind_t kind;
};

struct wasm_functype_t final : wasm_externtype_t {
  wasm_functype_t() : wasm_externtype_t(WASM_EXTERN_FUNC) {}
  ~wasm_functype_t() override;
  wasm_externtype_t* clone() const override;
  wasm_valtype_vec_t params{}, results{};
};

struct wasm_globaltype_t final : wasm_externtype_t {
  wasm_globaltype_t() : wasm_externtype_t(WASM_EXTERN_GLOBAL) {}
  ~wasm_globaltype_t() override { delete content; }
  wasm_externtype_t* clone() const override;
  wasm_valtype_t* content = nullptr;
  wasm_mutability_t mutability = WASM_CONST;
};

struct wasm_tabletype_t final : wasm_externtype_t {
  wasm_tabletype_t() : wasm_externtype_t(WASM_EXTERN_TABLE) {}
  ~wasm_tabletype_t() override { delete element; }
  wasm_externtype_t* clone() const override;
  wasm_valtype_t* element = nullptr;
  wasm_limits_t limits{};
};

struct wasm_memorytype_t final : wasm_externtype_t {
  wasm_memorytype_t() : wasm_externtype_t(WASM_EXTERN_MEMORY) {}
  wasm_externtype_t* clone() const override;
  wasm_limits_t limits{};
};

struct wasm_importtype_t {
  ~wasm_importtype_t();
  wasm_name_t module{}, name{};
  wasm_externtype_t* type = nullptr;
};

struct wasm_exporttype_t {
  ~wasm_exporttype_t();
  wasm_name_t name{};
  wasm_externtype_t* type = nullptr;
};

// ---- references ------------------------------------------------------------------------

struct wasm_ref_t {
  explicit wasm_ref_t(wasm_store_t* s) : store(s) {}
  virtual ~wasm_ref_t() = default;
  virtual wasm_ref_t* clone() const = 0;
  // The object the handle names, for wasm_*_same and for passing references into wasm.
  virtual const void* identity() const = 0;
  // The object's host info; by default the store's record, for objects the store owns.
  virtual HostInfo& host_info() const { return store->host_infos[identity()]; }
  wasm_store_t* store;
};

// A reference whose handles share one heap object OBJECT (with a host_info member): copies
// name it, and it dies with the last of them.
template <typename Handle, typename Object>
struct shared_ref : wasm_ref_t {
  shared_ref(wasm_store_t* s, std::shared_ptr<Object> o) : wasm_ref_t(s), object(std::move(o)) {}
  wasm_ref_t* clone() const override { return new Handle(store, object); }
  const void* identity() const override { return object.get(); }
  HostInfo& host_info() const override { return object->host_info; }
  std::shared_ptr<Object> object;
};

struct ForeignObject {
  HostInfo host_info;
};
struct wasm_foreign_t final : shared_ref<wasm_foreign_t, ForeignObject> {
  using shared_ref::shared_ref;
  explicit wasm_foreign_t(wasm_store_t* s) : shared_ref(s, std::make_shared<ForeignObject>()) {}
};

struct TrapObject {
  std::string message;
  std::optional<int> exit_status;  // a WASI exit, not a failure
  HostInfo host_info;
};
struct wasm_trap_t final : shared_ref<wasm_trap_t, TrapObject> {
  using shared_ref::shared_ref;
  wasm_trap_t(wasm_store_t* s, std::string message, std::optional<int> exit_status = std::nullopt)
      : shared_ref(s, std::make_shared<TrapObject>(std::move(message), exit_status)) {}
  const std::string& message() const { return object->message; }
  std::optional<int> exit_status() const { return object->exit_status; }
};

struct wasm_frame_t {
  wasm_instance_t* instance = nullptr;
  uint32_t func_index = 0;
  size_t func_offset = 0, module_offset = 0;
};

// A module for STORE from its binary: compiled when the store's engine says so (through the
// compile cache, metered like the store), else, or when compiling is impossible here, decoded
// for the interpreter.
petrel::Result<std::shared_ptr<const petrel::LoadedModule>> load_module_for(wasm_store_t* store,
                                                                           std::span<const uint8_t> bytes);

struct ModuleObject {
  std::shared_ptr<const petrel::LoadedModule> module;
  std::vector<uint8_t> bytes;  // the original binary, for wasm_module_serialize
  HostInfo host_info;
};
struct wasm_module_t final : shared_ref<wasm_module_t, ModuleObject> {
  using shared_ref::shared_ref;
  wasm_module_t(wasm_store_t* s, std::shared_ptr<const petrel::LoadedModule> m, std::vector<uint8_t> b)
      : shared_ref(s, std::make_shared<ModuleObject>(std::move(m), std::move(b))) {}
  const std::shared_ptr<const petrel::LoadedModule>& loaded() const { return object->module; }
  const std::vector<uint8_t>& bytes() const { return object->bytes; }
};

struct wasm_shared_module_t {
  std::shared_ptr<const petrel::LoadedModule> module;
  std::vector<uint8_t> bytes;
};

struct wasm_extern_t : wasm_ref_t {
  wasm_extern_t(wasm_store_t* s, petrel::ExternVal v) : wasm_ref_t(s), value(v) {}
  const void* identity() const override { return value.ptr; }
  wasm_ref_t* clone() const override;
  petrel::ExternVal value;
};
struct wasm_func_t final : wasm_extern_t {
  using wasm_extern_t::wasm_extern_t;
};
struct wasm_global_t final : wasm_extern_t {
  using wasm_extern_t::wasm_extern_t;
};
struct wasm_table_t final : wasm_extern_t {
  using wasm_extern_t::wasm_extern_t;
};
struct wasm_memory_t final : wasm_extern_t {
  using wasm_extern_t::wasm_extern_t;
};

struct wasm_instance_t final : wasm_ref_t {
  wasm_instance_t(wasm_store_t* s, petrel::ModuleInstance* i) : wasm_ref_t(s), instance(i) {}
  wasm_ref_t* clone() const override { return new wasm_instance_t(store, instance); }
  const void* identity() const override { return instance; }
  petrel::ModuleInstance* instance;
};

// Makes the right handle class for an extern value.
wasm_extern_t* make_extern(wasm_store_t* store, petrel::ExternVal v);
// A trap object for a failed call or instantiation.
wasm_trap_t* trap_from(wasm_store_t* store, const petrel::Error& e);
