// Type representations of the C API: value, function, global, table, memory and extern
// types, and import/export descriptions.
#include "api/c/objects.hpp"

wasm_functype_t::~wasm_functype_t() {
  wasm_valtype_vec_delete(&params);
  wasm_valtype_vec_delete(&results);
}
wasm_externtype_t* wasm_functype_t::clone() const {
  auto* t = new wasm_functype_t;
  wasm_valtype_vec_copy(&t->params, &params);
  wasm_valtype_vec_copy(&t->results, &results);
  return t;
}
wasm_externtype_t* wasm_globaltype_t::clone() const {
  auto* t = new wasm_globaltype_t;
  t->content = new wasm_valtype_t(*content);
  t->mutability = mutability;
  return t;
}
wasm_externtype_t* wasm_tabletype_t::clone() const {
  auto* t = new wasm_tabletype_t;
  t->element = new wasm_valtype_t(*element);
  t->limits = limits;
  return t;
}
wasm_externtype_t* wasm_memorytype_t::clone() const {
  auto* t = new wasm_memorytype_t;
  t->limits = limits;
  return t;
}
wasm_importtype_t::~wasm_importtype_t() {
  wasm_name_delete(&module);
  wasm_name_delete(&name);
  delete type;
}
wasm_exporttype_t::~wasm_exporttype_t() {
  wasm_name_delete(&name);
  delete type;
}

extern "C" {

// ---- value types -------------------------------------------------------------------------
wasm_valtype_t* wasm_valtype_new(wasm_valkind_t k) { return new wasm_valtype_t{k}; }
wasm_valkind_t wasm_valtype_kind(const wasm_valtype_t* t) { return t->kind; }
void wasm_valtype_delete(wasm_valtype_t* t) { delete t; }
wasm_valtype_t* wasm_valtype_copy(const wasm_valtype_t* t) { return new wasm_valtype_t(*t); }

// ---- function types ----------------------------------------------------------------------------
wasm_functype_t* wasm_functype_new(wasm_valtype_vec_t* params, wasm_valtype_vec_t* results) {
  auto* t = new wasm_functype_t;
  t->params = *params;  // ownership moves in
  t->results = *results;
  return t;
}
const wasm_valtype_vec_t* wasm_functype_params(const wasm_functype_t* t) { return &t->params; }
const wasm_valtype_vec_t* wasm_functype_results(const wasm_functype_t* t) { return &t->results; }
void wasm_functype_delete(wasm_functype_t* t) { delete t; }
wasm_functype_t* wasm_functype_copy(const wasm_functype_t* t) { return static_cast<wasm_functype_t*>(t->clone()); }

// ---- global, table and memory types ------------------------------------------------------
wasm_globaltype_t* wasm_globaltype_new(wasm_valtype_t* content, wasm_mutability_t m) {
  auto* t = new wasm_globaltype_t;
  t->content = content;
  t->mutability = m;
  return t;
}
const wasm_valtype_t* wasm_globaltype_content(const wasm_globaltype_t* t) { return t->content; }
wasm_mutability_t wasm_globaltype_mutability(const wasm_globaltype_t* t) { return t->mutability; }
void wasm_globaltype_delete(wasm_globaltype_t* t) { delete t; }
wasm_globaltype_t* wasm_globaltype_copy(const wasm_globaltype_t* t) { return static_cast<wasm_globaltype_t*>(t->clone()); }

wasm_tabletype_t* wasm_tabletype_new(wasm_valtype_t* element, const wasm_limits_t* limits) {
  auto* t = new wasm_tabletype_t;
  t->element = element;
  t->limits = *limits;
  return t;
}
const wasm_valtype_t* wasm_tabletype_element(const wasm_tabletype_t* t) { return t->element; }
const wasm_limits_t* wasm_tabletype_limits(const wasm_tabletype_t* t) { return &t->limits; }
void wasm_tabletype_delete(wasm_tabletype_t* t) { delete t; }
wasm_tabletype_t* wasm_tabletype_copy(const wasm_tabletype_t* t) { return static_cast<wasm_tabletype_t*>(t->clone()); }

wasm_memorytype_t* wasm_memorytype_new(const wasm_limits_t* limits) {
  auto* t = new wasm_memorytype_t;
  t->limits = *limits;
  return t;
}
const wasm_limits_t* wasm_memorytype_limits(const wasm_memorytype_t* t) { return &t->limits; }
void wasm_memorytype_delete(wasm_memorytype_t* t) { delete t; }
wasm_memorytype_t* wasm_memorytype_copy(const wasm_memorytype_t* t) { return static_cast<wasm_memorytype_t*>(t->clone()); }

// ---- extern types -------------------------------------------------------------------------------
wasm_externkind_t wasm_externtype_kind(const wasm_externtype_t* t) { return t->kind; }
void wasm_externtype_delete(wasm_externtype_t* t) { delete t; }
wasm_externtype_t* wasm_externtype_copy(const wasm_externtype_t* t) { return t->clone(); }

#define PETREL_EXTERNTYPE_CASTS(name, KIND)                                                        \
  wasm_externtype_t* wasm_##name##_as_externtype(wasm_##name##_t* t) { return t; }                \
  const wasm_externtype_t* wasm_##name##_as_externtype_const(const wasm_##name##_t* t) { return t; } \
  wasm_##name##_t* wasm_externtype_as_##name(wasm_externtype_t* t) {                              \
    return t && t->kind == KIND ? static_cast<wasm_##name##_t*>(t) : nullptr;                      \
  }                                                                                                \
  const wasm_##name##_t* wasm_externtype_as_##name##_const(const wasm_externtype_t* t) {          \
    return t && t->kind == KIND ? static_cast<const wasm_##name##_t*>(t) : nullptr;                \
  }
PETREL_EXTERNTYPE_CASTS(functype, WASM_EXTERN_FUNC)
PETREL_EXTERNTYPE_CASTS(globaltype, WASM_EXTERN_GLOBAL)
PETREL_EXTERNTYPE_CASTS(tabletype, WASM_EXTERN_TABLE)
PETREL_EXTERNTYPE_CASTS(memorytype, WASM_EXTERN_MEMORY)

// ---- import and export types -------------------------------------------------------------------
wasm_importtype_t* wasm_importtype_new(wasm_name_t* module, wasm_name_t* name, wasm_externtype_t* type) {
  auto* t = new wasm_importtype_t;
  t->module = *module;
  t->name = *name;
  t->type = type;
  return t;
}
const wasm_name_t* wasm_importtype_module(const wasm_importtype_t* t) { return &t->module; }
const wasm_name_t* wasm_importtype_name(const wasm_importtype_t* t) { return &t->name; }
const wasm_externtype_t* wasm_importtype_type(const wasm_importtype_t* t) { return t->type; }
void wasm_importtype_delete(wasm_importtype_t* t) { delete t; }
wasm_importtype_t* wasm_importtype_copy(const wasm_importtype_t* t) {
  auto* c = new wasm_importtype_t;
  wasm_name_copy(&c->module, &t->module);
  wasm_name_copy(&c->name, &t->name);
  c->type = t->type->clone();
  return c;
}

wasm_exporttype_t* wasm_exporttype_new(wasm_name_t* name, wasm_externtype_t* type) {
  auto* t = new wasm_exporttype_t;
  t->name = *name;
  t->type = type;
  return t;
}
const wasm_name_t* wasm_exporttype_name(const wasm_exporttype_t* t) { return &t->name; }
const wasm_externtype_t* wasm_exporttype_type(const wasm_exporttype_t* t) { return t->type; }
void wasm_exporttype_delete(wasm_exporttype_t* t) { delete t; }
wasm_exporttype_t* wasm_exporttype_copy(const wasm_exporttype_t* t) {
  auto* c = new wasm_exporttype_t;
  wasm_name_copy(&c->name, &t->name);
  c->type = t->type->clone();
  return c;
}

}  // extern "C"
