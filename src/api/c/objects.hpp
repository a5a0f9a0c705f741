// The objects behind the C API's opaque types. Type objects derive from wasm_externtype_t and
// runtime objects from wasm_extern_t (itself a wasm_ref_t), so that the API's as_* conversions
// are checked casts. Handles are owned by the embedder; the instances they name are owned by
// the store.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
  // Externref values handed to wasm stay alive as long as the store (wasm may keep them).
  std::vector<wasm_ref_t*> extern_roots;
  std::vector<std::pair<void*, void (*)(void*)>> finalizers;
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
  virtual ~wasm_ref_t();
  virtual wasm_ref_t* clone() const = 0;
  // What the handle names, for wasm_*_same and for passing references into wasm.
  virtual const void* identity() const { return this; }
  wasm_store_t* store;
  void* host_info = nullptr;
  void (*finalizer)(void*) = nullptr;
};

struct wasm_foreign_t final : wasm_ref_t {
  using wasm_ref_t::wasm_ref_t;
  wasm_ref_t* clone() const override { return new wasm_foreign_t(store); }
};

struct wasm_trap_t final : wasm_ref_t {
  wasm_trap_t(wasm_store_t* s, std::string m) : wasm_ref_t(s), message(std::move(m)) {}
  wasm_ref_t* clone() const override {
    auto* t = new wasm_trap_t(store, message);
    t->exit_status = exit_status;
    return t;
  }
  std::string message;
  std::optional<int> exit_status;  // a WASI exit, not a failure
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

struct wasm_module_t final : wasm_ref_t {
  wasm_module_t(wasm_store_t* s, std::shared_ptr<const petrel::LoadedModule> m, std::vector<uint8_t> b)
      : wasm_ref_t(s), module(std::move(m)), bytes(std::move(b)) {}
  wasm_ref_t* clone() const override { return new wasm_module_t(store, module, bytes); }
  const void* identity() const override { return module.get(); }
  std::shared_ptr<const petrel::LoadedModule> module;
  std::vector<uint8_t> bytes;  // the original binary, for wasm_module_serialize
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
