// Runtime objects of the C API: engines, stores, modules, instances, functions (with host
// callbacks), globals, tables, memories, references and traps.
#include <chrono>
#include <cstring>

#include "api/c/objects.hpp"
#include "binary/decoder.hpp"
#include "native/compile_cache.hpp"
#include "native/native_code.hpp"
#include "native/section.hpp"
#include "host/wasi/wasi.hpp"
#include "interp/interpreter.hpp"

using namespace petrel;

namespace {

wasm_valkind_t kind_of(ValType t) {
  switch (t) {
    case ValType::I32: return WASM_I32;
    case ValType::I64: return WASM_I64;
    case ValType::F32: return WASM_F32;
    case ValType::F64: return WASM_F64;
    case ValType::ExternRef: return WASM_ANYREF;
    case ValType::FuncRef: return WASM_FUNCREF;
    case ValType::V128: return 4;  // not representable in the standard API
  }
  return WASM_I32;
}
ValType type_of(wasm_valkind_t k) {
  switch (k) {
    case WASM_I32: return ValType::I32;
    case WASM_I64: return ValType::I64;
    case WASM_F32: return ValType::F32;
    case WASM_F64: return ValType::F64;
    case WASM_FUNCREF: return ValType::FuncRef;
    case 4: return ValType::V128;
    default: return ValType::ExternRef;
  }
}
wasm_valtype_vec_t valtypes(const std::vector<ValType>& ts) {
  wasm_valtype_vec_t v;
  wasm_valtype_vec_new_uninitialized(&v, ts.size());
  for (size_t i = 0; i < ts.size(); ++i) v.data[i] = wasm_valtype_new(kind_of(ts[i]));
  return v;
}
std::vector<ValType> types(const wasm_valtype_vec_t& v) {
  std::vector<ValType> out;
  for (size_t i = 0; i < v.size; ++i) out.push_back(type_of(v.data[i]->kind));
  return out;
}
wasm_functype_t* functype(const FuncType& t) {
  auto p = valtypes(t.params), r = valtypes(t.results);
  return wasm_functype_new(&p, &r);
}
FuncType functype(const wasm_functype_t* t) { return FuncType{types(t->params), types(t->results)}; }
wasm_limits_t limits(const Limits& l) {
  return {static_cast<uint32_t>(l.min), l.max ? static_cast<uint32_t>(*l.max) : wasm_limits_max_default};
}
Limits limits(const wasm_limits_t& l) {
  Limits out;
  out.min = l.min;
  if (l.max != wasm_limits_max_default) out.max = l.max;
  return out;
}
wasm_externtype_t* externtype_of(const Module& m, ExternKind kind, uint32_t index) {
  switch (kind) {
    case ExternKind::Func: return functype(m.types[m.func_type_index(index)]);
    case ExternKind::Table: {
      auto t = m.table_type(index);
      auto l = limits(t.limits);
      return wasm_tabletype_new(wasm_valtype_new(kind_of(t.elem)), &l);
    }
    case ExternKind::Memory: {
      auto l = limits(m.memory_type(index).limits);
      return wasm_memorytype_new(&l);
    }
    case ExternKind::Global: {
      auto g = m.global_type(index);
      return wasm_globaltype_new(wasm_valtype_new(kind_of(g.type)), g.mut ? WASM_VAR : WASM_CONST);
    }
  }
  return nullptr;
}
void name_from(wasm_name_t* out, const std::string& s) { wasm_byte_vec_new(out, s.size(), s.data()); }

// ---- values <-> slots --------------------------------------------------------------------
uint64_t ref_slot(wasm_store_t* store, ValType t, wasm_ref_t* r) {
  if (!r) return kNullRef;
  if (t == ValType::FuncRef) {
    auto* e = dynamic_cast<wasm_extern_t*>(r);
    return e ? reinterpret_cast<Ref>(e->value.ptr) : kNullRef;
  }
  // A host reference: wasm keeps its own handle of the object, alive as long as the store.
  auto [root, fresh] = store->extern_roots.try_emplace(r->identity(), nullptr);
  if (fresh) root->second = r->clone();
  return reinterpret_cast<Ref>(root->second);
}
// Writes the slots of VALS (typed TS) to OUT, which has room for slot_count(TS).
void to_slots(wasm_store_t* store, const std::vector<ValType>& ts, const wasm_val_t* vals, uint64_t* out) {
  for (size_t i = 0; i < ts.size(); ++i) {
    const wasm_val_t& v = vals[i];
    switch (ts[i]) {
      case ValType::I32: *out++ = static_cast<uint32_t>(v.of.i32); break;
      case ValType::I64: *out++ = static_cast<uint64_t>(v.of.i64); break;
      case ValType::F32: {
        uint32_t bits;
        std::memcpy(&bits, &v.of.f32, 4);
        *out++ = bits;
        break;
      }
      case ValType::F64: {
        uint64_t bits;
        std::memcpy(&bits, &v.of.f64, 8);
        *out++ = bits;
        break;
      }
      case ValType::FuncRef:
      case ValType::ExternRef: *out++ = ref_slot(store, ts[i], v.of.ref); break;
      case ValType::V128: *out++ = 0; *out++ = 0; break;
    }
  }
}

// Room for N values without a heap allocation in the common case (calls cross this API often).
template <typename T>
struct SmallBuffer {
  explicit SmallBuffer(size_t n) : data(n <= 16 ? small : (big.resize(n), big.data())) {}
  T small[16];
  std::vector<T> big;
  T* data;
};

void from_slots(wasm_store_t* store, const std::vector<ValType>& ts, const uint64_t* slots, wasm_val_t* vals) {
  for (size_t i = 0; i < ts.size(); ++i) {
    wasm_val_t& v = vals[i];
    v.kind = kind_of(ts[i]);
    uint64_t s = *slots++;
    switch (ts[i]) {
      case ValType::I32: v.of.i32 = static_cast<int32_t>(s); break;
      case ValType::I64: v.of.i64 = static_cast<int64_t>(s); break;
      case ValType::F32: {
        uint32_t bits = static_cast<uint32_t>(s);
        std::memcpy(&v.of.f32, &bits, 4);
        break;
      }
      case ValType::F64: std::memcpy(&v.of.f64, &s, 8); break;
      case ValType::FuncRef:
        v.of.ref = s ? make_extern(store, ExternVal{ExternKind::Func, reinterpret_cast<void*>(s)}) : nullptr;
        break;
      case ValType::ExternRef: v.of.ref = s ? reinterpret_cast<wasm_ref_t*>(s)->clone() : nullptr; break;
      case ValType::V128: ++slots; v.of.i64 = 0; break;
    }
  }
}

}  // namespace

wasm_trap_t* trap_from(wasm_store_t* store, const Error& e) {
  if (e.kind == Error::Kind::Exit)
    return new wasm_trap_t(store, "exit with status " + std::to_string(e.exit_code), e.exit_code);
  return new wasm_trap_t(store, e.message);
}

wasm_store_t::wasm_store_t(const wasm_config_t& config) {
  interp::InterpreterConfig ic =
      config.max_stack_bytes ? interp::InterpreterConfig::for_stack_bytes(config.max_stack_bytes) : interp::InterpreterConfig{};
  ic.metered = config.metered;
  auto engine = std::make_unique<interp::Interpreter>(ic);
  interpreter = engine.get();
  compiled = config.compiled;
  trust = config.trust;
  StoreLimits limits;
  limits.max_memory_pages = config.max_memory_pages;
  limits.max_stack_bytes = config.max_stack_bytes;
  limits.guard_regions = config.compiled;  // compiled code checks memory accesses by guard regions
  store = std::make_unique<Store>(std::move(engine), limits);
}

wasm_ref_t* wasm_extern_t::clone() const { return make_extern(store, value); }

wasm_extern_t* make_extern(wasm_store_t* store, ExternVal v) {
  switch (v.kind) {
    case ExternKind::Func: return new wasm_func_t(store, v);
    case ExternKind::Global: return new wasm_global_t(store, v);
    case ExternKind::Table: return new wasm_table_t(store, v);
    case ExternKind::Memory: return new wasm_memory_t(store, v);
  }
  return nullptr;
}

wasm_store_t::~wasm_store_t() {
  for (auto [identity, root] : extern_roots) delete root;
  // The objects the store owns die with it, and so their host info (what a finalizer sets
  // meanwhile is finalized with the member).
  std::unordered_map<const void*, HostInfo> dying = std::move(host_infos);
  dying.clear();
  store.reset();
  wasi.clear();
  for (auto [env, fin] : finalizers) fin(env);
}

Result<std::shared_ptr<const LoadedModule>> load_module_for(wasm_store_t* store, std::span<const uint8_t> bytes) {
  if (!store->compiled) return native::load_module(bytes, {.use_native = false});
  // A universal wasm's own code, when the engine's policy trusts it; else compiled here.
  if (native::find_native_section(bytes)) {
    native::LoadReport report;
    auto own = native::load_module(bytes, {.trust = store->trust}, &report);
    if (!own || report.native) return own;
  }
  native::CompileRequest request;
  request.metered = store->interpreter->metered();
  auto universal = native::compile_cached(bytes, request);
  if (!universal) return native::load_module(bytes, {.use_native = false});  // no compiler: interpreted
  return native::load_module(universal->universal, {.made_here = true});
}

extern "C" {

// ---- engine and store ----------------------------------------------------------------------
wasm_config_t* wasm_config_new(void) { return new wasm_config_t; }
void wasm_config_delete(wasm_config_t* c) { delete c; }
wasm_engine_t* wasm_engine_new(void) { return new wasm_engine_t; }
wasm_engine_t* wasm_engine_new_with_config(wasm_config_t* c) {
  auto* e = new wasm_engine_t{*c};
  delete c;
  return e;
}
void wasm_engine_delete(wasm_engine_t* e) { delete e; }
wasm_store_t* wasm_store_new(wasm_engine_t* e) { return new wasm_store_t(e->config); }
void wasm_store_delete(wasm_store_t* s) { delete s; }

// ---- values --------------------------------------------------------------------------------
void wasm_val_delete(wasm_val_t* v) {
  if (wasm_valkind_is_ref(v->kind) && v->of.ref) {
    delete v->of.ref;
    v->of.ref = nullptr;
  }
}
void wasm_val_copy(wasm_val_t* out, const wasm_val_t* v) {
  *out = *v;
  if (wasm_valkind_is_ref(v->kind) && v->of.ref) out->of.ref = v->of.ref->clone();
}

// ---- references ----------------------------------------------------------------------------
#define PETREL_REF_BASE(name)                                                                          \
  void wasm_##name##_delete(wasm_##name##_t* r) { delete r; }                                          \
  wasm_##name##_t* wasm_##name##_copy(const wasm_##name##_t* r) {                                      \
    return static_cast<wasm_##name##_t*>(r->clone());                                                  \
  }                                                                                                    \
  bool wasm_##name##_same(const wasm_##name##_t* a, const wasm_##name##_t* b) {                        \
    return a->identity() == b->identity();                                                             \
  }                                                                                                    \
  void* wasm_##name##_get_host_info(const wasm_##name##_t* r) { return r->host_info().get(); }         \
  void wasm_##name##_set_host_info(wasm_##name##_t* r, void* info) { r->host_info().set(info, nullptr); } \
  void wasm_##name##_set_host_info_with_finalizer(wasm_##name##_t* r, void* info, void (*fin)(void*)) { \
    r->host_info().set(info, fin);                                                                     \
  }
#define PETREL_REF(name)                                                                               \
  PETREL_REF_BASE(name)                                                                                \
  wasm_ref_t* wasm_##name##_as_ref(wasm_##name##_t* r) { return r; }                                   \
  const wasm_ref_t* wasm_##name##_as_ref_const(const wasm_##name##_t* r) { return r; }                 \
  wasm_##name##_t* wasm_ref_as_##name(wasm_ref_t* r) { return dynamic_cast<wasm_##name##_t*>(r); }     \
  const wasm_##name##_t* wasm_ref_as_##name##_const(const wasm_ref_t* r) {                             \
    return dynamic_cast<const wasm_##name##_t*>(r);                                                    \
  }
PETREL_REF_BASE(ref)
PETREL_REF(trap)
PETREL_REF(foreign)
PETREL_REF(module)
PETREL_REF(func)
PETREL_REF(global)
PETREL_REF(table)
PETREL_REF(memory)
PETREL_REF(extern)
PETREL_REF(instance)

wasm_foreign_t* wasm_foreign_new(wasm_store_t* s) { return new wasm_foreign_t(s); }

// ---- frames and traps ------------------------------------------------------------------------
void wasm_frame_delete(wasm_frame_t* f) { delete f; }
wasm_frame_t* wasm_frame_copy(const wasm_frame_t* f) { return new wasm_frame_t(*f); }
wasm_instance_t* wasm_frame_instance(const wasm_frame_t* f) { return f->instance; }
uint32_t wasm_frame_func_index(const wasm_frame_t* f) { return f->func_index; }
size_t wasm_frame_func_offset(const wasm_frame_t* f) { return f->func_offset; }
size_t wasm_frame_module_offset(const wasm_frame_t* f) { return f->module_offset; }

wasm_trap_t* wasm_trap_new(wasm_store_t* store, const wasm_message_t* message) {
  std::string m(message->data, message->size);
  if (auto nul = m.find('\0'); nul != std::string::npos) m.resize(nul);
  return new wasm_trap_t(store, m);
}
void wasm_trap_message(const wasm_trap_t* t, wasm_message_t* out) {
  wasm_byte_vec_new(out, t->message().size() + 1, t->message().c_str());
}
wasm_frame_t* wasm_trap_origin(const wasm_trap_t*) { return nullptr; }
void wasm_trap_trace(const wasm_trap_t*, wasm_frame_vec_t* out) { wasm_frame_vec_new_empty(out); }

// ---- modules -------------------------------------------------------------------------------------
wasm_module_t* wasm_module_new(wasm_store_t* store, const wasm_byte_vec_t* binary) {
  auto bytes = std::span(reinterpret_cast<const uint8_t*>(binary->data), binary->size);
  auto lm = load_module_for(store, bytes);
  if (!lm) return nullptr;
  return new wasm_module_t(store, *lm, std::vector<uint8_t>(bytes.begin(), bytes.end()));
}
bool wasm_module_validate(wasm_store_t*, const wasm_byte_vec_t* binary) {
  return load_binary(std::span(reinterpret_cast<const uint8_t*>(binary->data), binary->size)).has_value();
}
void wasm_module_imports(const wasm_module_t* m, wasm_importtype_vec_t* out) {
  const Module& ir = m->loaded()->ir;
  wasm_importtype_vec_new_uninitialized(out, ir.imports.size());
  uint32_t counts[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < ir.imports.size(); ++i) {
    const Import& imp = ir.imports[i];
    wasm_name_t module, name;
    name_from(&module, imp.module);
    name_from(&name, imp.name);
    uint32_t index = counts[static_cast<int>(imp.kind)]++;
    out->data[i] = wasm_importtype_new(&module, &name, externtype_of(ir, imp.kind, index));
  }
}
void wasm_module_exports(const wasm_module_t* m, wasm_exporttype_vec_t* out) {
  const Module& ir = m->loaded()->ir;
  wasm_exporttype_vec_new_uninitialized(out, ir.exports.size());
  for (size_t i = 0; i < ir.exports.size(); ++i) {
    wasm_name_t name;
    name_from(&name, ir.exports[i].name);
    out->data[i] = wasm_exporttype_new(&name, externtype_of(ir, ir.exports[i].kind, ir.exports[i].index));
  }
}
void wasm_module_serialize(const wasm_module_t* m, wasm_byte_vec_t* out) {
  wasm_byte_vec_new(out, m->bytes().size(), reinterpret_cast<const wasm_byte_t*>(m->bytes().data()));
}
wasm_module_t* wasm_module_deserialize(wasm_store_t* store, const wasm_byte_vec_t* bytes) {
  return wasm_module_new(store, bytes);
}
void wasm_shared_module_delete(wasm_shared_module_t* m) { delete m; }
wasm_shared_module_t* wasm_module_share(const wasm_module_t* m) { return new wasm_shared_module_t{m->loaded(), m->bytes()}; }
wasm_module_t* wasm_module_obtain(wasm_store_t* store, const wasm_shared_module_t* m) {
  return new wasm_module_t(store, m->module, m->bytes);
}

// ---- functions ---------------------------------------------------------------------------------
wasm_func_t* wasm_func_new_with_env(wasm_store_t* store, const wasm_functype_t* type, wasm_func_callback_with_env_t cb,
                                    void* env, void (*finalizer)(void*)) {
  FuncType ft = functype(type);
  auto* f = store->store->add_host_func(
      ft, [store, cb, env, ft](std::span<const uint64_t> args, std::span<uint64_t> results) -> Result<void> {
        // The callback borrows both vectors (the standard's ownership): they can live here.
        SmallBuffer<wasm_val_t> in(ft.params.size()), out(ft.results.size());
        wasm_val_vec_t a{ft.params.size(), in.data}, r{ft.results.size(), out.data};
        from_slots(store, ft.params, args.data(), a.data);
        for (size_t i = 0; i < ft.results.size(); ++i) r.data[i].kind = kind_of(ft.results[i]);
        if (wasm_trap_t* trap = cb(env, &a, &r)) {
          Result<void> outcome = petrel::trap(trap->message());
          wasm_trap_delete(trap);
          return outcome;
        }
        to_slots(store, ft.results, r.data, results.data());
        return {};
      },
      "host");
  if (finalizer) store->finalizers.emplace_back(env, finalizer);
  return new wasm_func_t(store, ExternVal{ExternKind::Func, f});
}
static wasm_trap_t* call_plain_callback(void* env, const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  return reinterpret_cast<wasm_func_callback_t>(env)(args, results);
}
wasm_func_t* wasm_func_new(wasm_store_t* store, const wasm_functype_t* type, wasm_func_callback_t cb) {
  return wasm_func_new_with_env(store, type, call_plain_callback, reinterpret_cast<void*>(cb), nullptr);
}
wasm_functype_t* wasm_func_type(const wasm_func_t* f) { return functype(f->value.func()->type); }
size_t wasm_func_param_arity(const wasm_func_t* f) { return f->value.func()->type.params.size(); }
size_t wasm_func_result_arity(const wasm_func_t* f) { return f->value.func()->type.results.size(); }
wasm_trap_t* wasm_func_call(const wasm_func_t* f, const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  const FuncType& t = f->value.func()->type;
  if (args->size < t.params.size() || results->size < t.results.size())
    return new wasm_trap_t(f->store, "wrong number of arguments or results");
  size_t n_in = slot_count(t.params), n_out = slot_count(t.results);
  SmallBuffer<uint64_t> in(n_in), out(n_out);
  to_slots(f->store, t.params, args->data, in.data);
  uint64_t start = f->store->call_clock.now();
  auto r = f->store->store->call(f->value.func(), std::span(in.data, n_in), std::span(out.data, n_out));
  f->store->call_ticks += f->store->call_clock.now() - start;
  ++f->store->calls;
  if (!r) return trap_from(f->store, r.error());
  from_slots(f->store, t.results, out.data, results->data);
  return nullptr;
}

// ---- globals, tables, memories --------------------------------------------------------------
wasm_global_t* wasm_global_new(wasm_store_t* store, const wasm_globaltype_t* type, const wasm_val_t* v) {
  GlobalType gt{type_of(type->content->kind), type->mutability == WASM_VAR};
  uint64_t slots[2] = {0, 0};
  to_slots(store, {gt.type}, v, slots);
  return new wasm_global_t(store, ExternVal{ExternKind::Global, store->store->add_global(gt, slots[0])});
}
wasm_globaltype_t* wasm_global_type(const wasm_global_t* g) {
  const GlobalType& t = g->value.global()->type;
  return wasm_globaltype_new(wasm_valtype_new(kind_of(t.type)), t.mut ? WASM_VAR : WASM_CONST);
}
void wasm_global_get(const wasm_global_t* g, wasm_val_t* out) {
  const GlobalInstance* gi = g->value.global();
  uint64_t slots[2] = {gi->value, gi->hi};
  from_slots(g->store, {gi->type.type}, slots, out);
}
void wasm_global_set(wasm_global_t* g, const wasm_val_t* v) {
  GlobalInstance* gi = g->value.global();
  uint64_t slots[2] = {0, 0};
  to_slots(g->store, {gi->type.type}, v, slots);
  gi->value = slots[0];
}

wasm_table_t* wasm_table_new(wasm_store_t* store, const wasm_tabletype_t* type, wasm_ref_t* init) {
  TableType tt{type_of(type->element->kind), limits(type->limits)};
  auto t = store->store->add_table(tt, ref_slot(store, tt.elem, init));
  if (!t) return nullptr;
  return new wasm_table_t(store, ExternVal{ExternKind::Table, *t});
}
wasm_tabletype_t* wasm_table_type(const wasm_table_t* t) {
  const TableInstance* ti = t->value.table();
  auto l = limits(ti->current_type().limits);
  return wasm_tabletype_new(wasm_valtype_new(kind_of(ti->type.elem)), &l);
}
wasm_ref_t* wasm_table_get(const wasm_table_t* t, wasm_table_size_t index) {
  const TableInstance* ti = t->value.table();
  if (index >= ti->elems.size() || ti->elems[index] == kNullRef) return nullptr;
  wasm_val_t v;
  from_slots(t->store, {ti->type.elem}, &ti->elems[index], &v);
  return v.of.ref;
}
bool wasm_table_set(wasm_table_t* t, wasm_table_size_t index, wasm_ref_t* r) {
  TableInstance* ti = t->value.table();
  if (index >= ti->elems.size()) return false;
  ti->elems[index] = ref_slot(t->store, ti->type.elem, r);
  return true;
}
wasm_table_size_t wasm_table_size(const wasm_table_t* t) {
  return static_cast<wasm_table_size_t>(t->value.table()->elems.size());
}
bool wasm_table_grow(wasm_table_t* t, wasm_table_size_t delta, wasm_ref_t* init) {
  TableInstance* ti = t->value.table();
  return ti->grow(delta, ref_slot(t->store, ti->type.elem, init)) >= 0;
}

wasm_memory_t* wasm_memory_new(wasm_store_t* store, const wasm_memorytype_t* type) {
  auto m = store->store->add_memory(MemoryType{limits(type->limits)});
  if (!m) return nullptr;
  return new wasm_memory_t(store, ExternVal{ExternKind::Memory, *m});
}
wasm_memorytype_t* wasm_memory_type(const wasm_memory_t* m) {
  auto l = limits(m->value.memory()->current_type().limits);
  return wasm_memorytype_new(&l);
}
byte_t* wasm_memory_data(wasm_memory_t* m) { return reinterpret_cast<byte_t*>(m->value.memory()->data()); }
size_t wasm_memory_data_size(const wasm_memory_t* m) { return m->value.memory()->size_bytes(); }
wasm_memory_pages_t wasm_memory_size(const wasm_memory_t* m) {
  return static_cast<wasm_memory_pages_t>(m->value.memory()->pages());
}
bool wasm_memory_grow(wasm_memory_t* m, wasm_memory_pages_t delta) { return m->value.memory()->grow(delta) >= 0; }

// ---- externs ---------------------------------------------------------------------------------
wasm_externkind_t wasm_extern_kind(const wasm_extern_t* e) {
  switch (e->value.kind) {
    case ExternKind::Func: return WASM_EXTERN_FUNC;
    case ExternKind::Global: return WASM_EXTERN_GLOBAL;
    case ExternKind::Table: return WASM_EXTERN_TABLE;
    case ExternKind::Memory: return WASM_EXTERN_MEMORY;
  }
  return WASM_EXTERN_FUNC;
}
wasm_externtype_t* wasm_extern_type(const wasm_extern_t* e) {
  switch (e->value.kind) {
    case ExternKind::Func: return wasm_func_type(static_cast<const wasm_func_t*>(e));
    case ExternKind::Global: return wasm_global_type(static_cast<const wasm_global_t*>(e));
    case ExternKind::Table: return wasm_table_type(static_cast<const wasm_table_t*>(e));
    case ExternKind::Memory: return wasm_memory_type(static_cast<const wasm_memory_t*>(e));
  }
  return nullptr;
}
#define PETREL_EXTERN_CASTS(name, KIND)                                                              \
  wasm_extern_t* wasm_##name##_as_extern(wasm_##name##_t* x) { return x; }                          \
  const wasm_extern_t* wasm_##name##_as_extern_const(const wasm_##name##_t* x) { return x; }        \
  wasm_##name##_t* wasm_extern_as_##name(wasm_extern_t* e) {                                        \
    return e && e->value.kind == KIND ? static_cast<wasm_##name##_t*>(e) : nullptr;                  \
  }                                                                                                  \
  const wasm_##name##_t* wasm_extern_as_##name##_const(const wasm_extern_t* e) {                    \
    return e && e->value.kind == KIND ? static_cast<const wasm_##name##_t*>(e) : nullptr;            \
  }
PETREL_EXTERN_CASTS(func, ExternKind::Func)
PETREL_EXTERN_CASTS(global, ExternKind::Global)
PETREL_EXTERN_CASTS(table, ExternKind::Table)
PETREL_EXTERN_CASTS(memory, ExternKind::Memory)

// ---- instances ----------------------------------------------------------------------------------
wasm_instance_t* wasm_instance_new(wasm_store_t* store, const wasm_module_t* module, const wasm_extern_vec_t* imports,
                                   wasm_trap_t** trap) {
  if (trap) *trap = nullptr;
  std::vector<ExternVal> externs;
  for (size_t i = 0; imports && i < imports->size; ++i) {
    if (!imports->data[i]) {
      if (trap) *trap = new wasm_trap_t(store, "missing import");
      return nullptr;
    }
    externs.push_back(imports->data[i]->value);
  }
  auto inst = instantiate(*store->store, module->loaded(), externs);
  if (!inst) {
    if (trap) *trap = trap_from(store, inst.error());
    return nullptr;
  }
  return new wasm_instance_t(store, *inst);
}
void wasm_instance_exports(const wasm_instance_t* i, wasm_extern_vec_t* out) {
  const auto& exports = i->instance->exports;
  wasm_extern_vec_new_uninitialized(out, exports.size());
  for (size_t k = 0; k < exports.size(); ++k) out->data[k] = make_extern(i->store, exports[k].second);
}

}  // extern "C"
