// petrel.h: Petrel's extensions to the C API.
#include "petrel.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "api/c/objects.hpp"
#include "binary/encoder.hpp"
#include "host/wasi/wasi.hpp"
#include "interp/interpreter.hpp"
#include "support/version.hpp"
#include "text/wat_parser.hpp"

using namespace petrel;

namespace {

void set_message(wasm_message_t* out, const std::string& m) {
  if (out) wasm_byte_vec_new(out, m.size() + 1, m.c_str());
}

wasm_module_t* module_from(wasm_store_t* store, Result<std::shared_ptr<const LoadedModule>> lm, std::vector<uint8_t> bytes,
                           const std::string& name, wasm_message_t* error) {
  if (!lm) {
    set_message(error, fmt::format("{}: {}", name, lm.error().describe()));
    return nullptr;
  }
  return new wasm_module_t(store, *lm, std::move(bytes));
}

// A module written as text: compiled engines compile its binary encoding.
wasm_module_t* from_text(wasm_store_t* store, Module ir, const std::string& name, wasm_message_t* error) {
  if (!store->compiled) return module_from(store, load_ir(std::move(ir)), {}, name, error);
  std::vector<uint8_t> bytes = encode_module(ir);
  return module_from(store, load_module_for(store, bytes), bytes, name, error);
}

}  // namespace

struct petrel_wasi_t {
  wasi::Options options;
};

extern "C" {

const char* petrel_version(void) { return PETREL_VERSION; }

void petrel_config_set_metering(wasm_config_t* c, bool enable) { c->metered = enable; }
void petrel_config_set_max_memory_pages(wasm_config_t* c, uint32_t pages) { c->max_memory_pages = pages; }
bool petrel_config_set_max_stack_bytes(wasm_config_t* c, uint64_t bytes) {
  if (bytes < kMinStackBytes) return false;
  c->max_stack_bytes = bytes;
  return true;
}
void petrel_config_set_engine(wasm_config_t* c, petrel_engine_kind_t kind) { c->compiled = kind == PETREL_ENGINE_COMPILED; }
void petrel_config_set_native_trust(wasm_config_t* c, petrel_native_trust_t trust) {
  using Mode = native::TrustPolicy::Mode;
  c->trust.mode = trust == PETREL_NATIVE_TRUST_NONE ? Mode::Never
                  : trust == PETREL_NATIVE_TRUST_ANY_UNSAFE ? Mode::Any
                                                            : Mode::Authenticated;
}
void petrel_config_set_trust_dir(wasm_config_t* c, const char* dir) { c->trust.config_dir = dir ? dir : ""; }
bool petrel_config_add_trusted_key_file(wasm_config_t* c, const char* path, wasm_message_t* error) {
  auto key = native::read_public_key(path ? path : "");
  if (!key) {
    set_message(error, key.error().message);
    return false;
  }
  c->trust.trusted_keys.push_back(*key);
  return true;
}

bool petrel_module_is_compiled(const wasm_module_t* m) { return m->loaded()->native != nullptr; }

wasm_module_t* petrel_module_new_from_wat(wasm_store_t* store, const char* text, size_t size, wasm_message_t* error) {
  auto m = text::parse_wat(std::string_view(text, size));
  if (!m) {
    set_message(error, fmt::format("<wat>: {}", m.error().describe()));
    return nullptr;
  }
  return from_text(store, std::move(*m), "<wat>", error);
}

wasm_module_t* petrel_module_new_from_file(wasm_store_t* store, const char* path, wasm_message_t* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    set_message(error, fmt::format("{}: cannot open file", path));
    return nullptr;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  if (data.compare(0, 4, std::string("\0asm", 4)) != 0) {
    auto m = text::parse_wat(data);
    if (!m) {
      set_message(error, fmt::format("{}: {}", path, m.error().describe()));
      return nullptr;
    }
    return from_text(store, std::move(*m), path, error);
  }
  std::vector<uint8_t> bytes(data.begin(), data.end());
  auto lm = load_module_for(store, bytes);
  return module_from(store, std::move(lm), std::move(bytes), path, error);
}

bool petrel_store_set_fuel(wasm_store_t* s, uint64_t fuel) {
  if (!s->interpreter->metered()) return false;
  s->interpreter->set_fuel(fuel);
  return true;
}
bool petrel_store_get_fuel(const wasm_store_t* s, uint64_t* fuel) {
  if (!s->interpreter->metered()) return false;
  *fuel = s->interpreter->fuel();
  return true;
}
bool petrel_store_set_deadline(wasm_store_t* s, uint64_t timeout_ns) {
  if (!s->interpreter->metered()) return false;
  if (timeout_ns == 0) s->interpreter->clear_deadline();
  else s->interpreter->set_deadline_in(std::chrono::nanoseconds(timeout_ns));
  return true;
}
void petrel_store_interrupt(wasm_store_t* s) { s->interpreter->interrupt(); }

petrel_trap_kind_t petrel_trap_kind(const wasm_trap_t* t) {
  if (t->exit_status()) return PETREL_TRAP_EXIT;
  if (t->message() == interp::kFuelExhausted) return PETREL_TRAP_FUEL_EXHAUSTED;
  if (t->message() == interp::kInterrupted) return PETREL_TRAP_INTERRUPTED;
  if (t->message() == interp::kDeadlineExceeded) return PETREL_TRAP_DEADLINE;
  return PETREL_TRAP_WASM;
}
bool petrel_trap_exit_status(const wasm_trap_t* t, int* status) {
  if (!t->exit_status()) return false;
  if (status) *status = *t->exit_status();
  return true;
}

void petrel_store_stats(const wasm_store_t* s, petrel_stats_t* out) {
  out->fuel_consumed = s->interpreter->fuel_consumed();
  out->host_calls = s->interpreter->host_calls();
  out->memory_bytes = s->store->memory_bytes();
  out->wall_time_ns = s->call_clock.to_ns(s->call_ticks);
  out->calls = s->calls;
}

// ---- WASI ---------------------------------------------------------------------------------------
petrel_wasi_t* petrel_wasi_new(void) { return new petrel_wasi_t; }
void petrel_wasi_delete(petrel_wasi_t* w) { delete w; }
void petrel_wasi_set_args(petrel_wasi_t* w, int argc, const char* const* argv) {
  w->options.args.assign(argv, argv + argc);
}
void petrel_wasi_set_env(petrel_wasi_t* w, const char* name, const char* value) {
  w->options.env.push_back(std::string(name) + "=" + value);
}
void petrel_wasi_preopen_dir(petrel_wasi_t* w, const char* guest, const char* host, bool readonly) {
  w->options.preopens.push_back(wasi::Preopen{guest, host, readonly});
}
void petrel_wasi_set_stdio(petrel_wasi_t* w, int in, int out, int err) {
  w->options.stdin_fd = in;
  w->options.stdout_fd = out;
  w->options.stderr_fd = err;
}
void petrel_wasi_allow_net(petrel_wasi_t* w, bool allow) { w->options.allow_net = allow; }

wasm_instance_t* petrel_instance_new_with_wasi(wasm_store_t* store, const wasm_module_t* module, petrel_wasi_t* config,
                                               wasm_trap_t** trap) {
  if (trap) *trap = nullptr;
  std::unique_ptr<petrel_wasi_t> owned(config);
  auto fail = [&](const std::string& m) -> wasm_instance_t* {
    if (trap) *trap = new wasm_trap_t(store, m);
    return nullptr;
  };
  auto w = wasi::Wasi::create(std::move(owned->options));
  if (!w) return fail(w.error().message);
  Linker linker;
  (*w)->define(*store->store, linker, &module->loaded()->ir);
  auto inst = linker.instantiate(*store->store, module->loaded());
  if (!inst) {
    if (trap) *trap = trap_from(store, inst.error());
    return nullptr;
  }
  if (auto b = (*w)->bind(**inst); !b) return fail(b.error().message);
  store->wasi.push_back(std::move(*w));
  return new wasm_instance_t(store, *inst);
}

int petrel_wasi_run_start(wasm_instance_t* instance, wasm_trap_t** trap) {
  if (trap) *trap = nullptr;
  auto start = instance->instance->find_export("_start");
  if (!start || start->kind != ExternKind::Func) {
    if (trap) *trap = new wasm_trap_t(instance->store, "no exported function \"_start\"");
    return -1;
  }
  auto r = instance->store->store->call(start->func(), {}, {});
  if (r) return 0;
  if (r.error().kind == Error::Kind::Exit) return r.error().exit_code;
  if (trap) *trap = trap_from(instance->store, r.error());
  return -1;
}

}  // extern "C"
