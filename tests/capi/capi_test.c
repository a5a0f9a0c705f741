/* Tests of the standard C API (wasm.h), written as an embedder would write them. Run under
 * ASan/LSan too: every object is deleted, so a leak or double free is a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"

static int passed = 0, failed = 0;
#define CHECK(cond)                                                       \
  do {                                                                    \
    if (cond) {                                                           \
      ++passed;                                                           \
    } else {                                                              \
      ++failed;                                                           \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                     \
  } while (0)

static wasm_byte_vec_t read_file(const char* path) {
  wasm_byte_vec_t v;
  FILE* f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  wasm_byte_vec_new_uninitialized(&v, (size_t)n);
  if (fread(v.data, 1, (size_t)n, f) != (size_t)n) exit(2);
  fclose(f);
  return v;
}

static int finalized = 0;
static void finalize(void* env) {
  (void)env;
  ++finalized;
}

static wasm_trap_t* callback(void* env, const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  int* calls = (int*)env;
  ++*calls;
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = args->data[0].of.i32 + 100;
  return NULL;
}
static wasm_store_t* fail_store;
static wasm_trap_t* fail_callback(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)args;
  (void)results;
  wasm_message_t msg;
  wasm_name_new_from_string_nt(&msg, "host says no");
  wasm_trap_t* t = wasm_trap_new(fail_store, &msg);
  wasm_name_delete(&msg);
  return t;
}

static wasm_func_t* export_func(const wasm_extern_vec_t* exports, size_t i) { return wasm_extern_as_func(exports->data[i]); }

static char* trap_text(wasm_trap_t* trap) {
  static char buf[256];
  wasm_message_t msg;
  wasm_trap_message(trap, &msg);
  snprintf(buf, sizeof buf, "%s", msg.data);
  wasm_byte_vec_delete(&msg);
  wasm_trap_delete(trap);
  return buf;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  wasm_engine_t* engine = wasm_engine_new_with_config(wasm_config_new());
  wasm_store_t* store = wasm_store_new(engine);
  fail_store = store;
  wasm_byte_vec_t binary = read_file(argv[1]);

  /* Validation and compilation. */
  CHECK(wasm_module_validate(store, &binary));
  wasm_byte_vec_t garbage;
  wasm_byte_vec_new(&garbage, 4, "\0asX");
  CHECK(!wasm_module_validate(store, &garbage));
  CHECK(wasm_module_new(store, &garbage) == NULL);
  wasm_byte_vec_delete(&garbage);
  wasm_module_t* module = wasm_module_new(store, &binary);
  CHECK(module != NULL);

  /* Import and export descriptions. */
  wasm_importtype_vec_t imports;
  wasm_module_imports(module, &imports);
  CHECK(imports.size == 5);
  CHECK(strncmp(wasm_importtype_module(imports.data[0])->data, "host", 4) == 0);
  CHECK(strncmp(wasm_importtype_name(imports.data[0])->data, "callback", 8) == 0);
  CHECK(wasm_externtype_kind(wasm_importtype_type(imports.data[0])) == WASM_EXTERN_FUNC);
  const wasm_functype_t* cb_type = wasm_externtype_as_functype_const(wasm_importtype_type(imports.data[0]));
  CHECK(cb_type && wasm_functype_params(cb_type)->size == 1 && wasm_functype_results(cb_type)->size == 1);
  CHECK(wasm_valtype_kind(wasm_functype_params(cb_type)->data[0]) == WASM_I32);
  const wasm_globaltype_t* gt = wasm_externtype_as_globaltype_const(wasm_importtype_type(imports.data[2]));
  CHECK(gt && wasm_globaltype_mutability(gt) == WASM_VAR && wasm_valtype_kind(wasm_globaltype_content(gt)) == WASM_I32);
  const wasm_memorytype_t* mt = wasm_externtype_as_memorytype_const(wasm_importtype_type(imports.data[3]));
  CHECK(mt && wasm_memorytype_limits(mt)->min == 1 && wasm_memorytype_limits(mt)->max == 4);
  const wasm_tabletype_t* tt = wasm_externtype_as_tabletype_const(wasm_importtype_type(imports.data[4]));
  CHECK(tt && wasm_tabletype_limits(tt)->min == 2 && wasm_tabletype_limits(tt)->max == wasm_limits_max_default);
  CHECK(wasm_externtype_as_functype_const(wasm_importtype_type(imports.data[4])) == NULL);
  wasm_importtype_vec_t imports_copy;
  wasm_importtype_vec_copy(&imports_copy, &imports);
  CHECK(imports_copy.size == 5);
  wasm_importtype_vec_delete(&imports_copy);
  wasm_importtype_vec_delete(&imports);
  wasm_exporttype_vec_t export_types;
  wasm_module_exports(module, &export_types);
  CHECK(export_types.size == 14);
  CHECK(strncmp(wasm_exporttype_name(export_types.data[0])->data, "add", 3) == 0);
  wasm_exporttype_vec_delete(&export_types);

  /* Host objects for the imports. */
  int calls = 0;
  static int env_weight = 1;
  wasm_functype_t* cb_ft = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
  wasm_func_t* cb = wasm_func_new_with_env(store, cb_ft, callback, &calls, NULL);
  wasm_func_t* cb_with_finalizer = wasm_func_new_with_env(store, cb_ft, callback, &env_weight, finalize);
  wasm_functype_t* fail_ft = wasm_functype_new_0_0();
  wasm_func_t* fail = wasm_func_new(store, fail_ft, fail_callback);
  CHECK(wasm_func_param_arity(cb) == 1 && wasm_func_result_arity(cb) == 1);
  wasm_globaltype_t* counter_type = wasm_globaltype_new(wasm_valtype_new_i32(), WASM_VAR);
  wasm_val_t zero = WASM_I32_VAL(0);
  wasm_global_t* counter = wasm_global_new(store, counter_type, &zero);
  wasm_limits_t mem_limits = {1, 4};
  wasm_memorytype_t* mem_type = wasm_memorytype_new(&mem_limits);
  wasm_memory_t* memory = wasm_memory_new(store, mem_type);
  wasm_limits_t table_limits = {2, wasm_limits_max_default};
  wasm_tabletype_t* table_type = wasm_tabletype_new(wasm_valtype_new_funcref(), &table_limits);
  wasm_table_t* table = wasm_table_new(store, table_type, NULL);
  CHECK(memory && table && counter);

  wasm_extern_t* externs[] = {wasm_func_as_extern(cb), wasm_func_as_extern(fail), wasm_global_as_extern(counter),
                              wasm_memory_as_extern(memory), wasm_table_as_extern(table)};
  wasm_extern_vec_t import_vec = WASM_ARRAY_VEC(externs);
  wasm_trap_t* trap = NULL;
  wasm_instance_t* instance = wasm_instance_new(store, module, &import_vec, &trap);
  CHECK(instance != NULL && trap == NULL);

  /* Link errors come back as traps with a message. */
  wasm_extern_t* wrong[] = {wasm_func_as_extern(fail), wasm_func_as_extern(fail), wasm_global_as_extern(counter),
                            wasm_memory_as_extern(memory), wasm_table_as_extern(table)};
  wasm_extern_vec_t wrong_vec = WASM_ARRAY_VEC(wrong);
  CHECK(wasm_instance_new(store, module, &wrong_vec, &trap) == NULL);
  CHECK(trap != NULL && strstr(trap_text(trap), "incompatible import type") != NULL);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == 14);

  /* Calls with every numeric type. */
  wasm_val_t args2[2] = {WASM_I32_VAL(40), WASM_I32_VAL(2)};
  wasm_val_t res1[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args_vec = WASM_ARRAY_VEC(args2), res_vec = WASM_ARRAY_VEC(res1);
  CHECK(wasm_func_call(export_func(&exports, 0), &args_vec, &res_vec) == NULL);
  CHECK(res1[0].kind == WASM_I32 && res1[0].of.i32 == 42);
  wasm_val_t margs[3] = {WASM_I64_VAL(-7), WASM_F32_VAL(1.5f), WASM_F64_VAL(0.25)};
  wasm_val_t mres[2] = {WASM_INIT_VAL, WASM_INIT_VAL};
  wasm_val_vec_t margs_vec = WASM_ARRAY_VEC(margs), mres_vec = WASM_ARRAY_VEC(mres);
  CHECK(wasm_func_call(export_func(&exports, 1), &margs_vec, &mres_vec) == NULL);
  CHECK(mres[0].kind == WASM_F64 && mres[0].of.f64 == 1.75 && mres[1].kind == WASM_I64 && mres[1].of.i64 == -7);

  /* wasm -> host -> wasm, and the environment. */
  wasm_val_t one[1] = {WASM_I32_VAL(5)};
  wasm_val_vec_t one_vec = WASM_ARRAY_VEC(one);
  CHECK(wasm_func_call(export_func(&exports, 2), &one_vec, &res_vec) == NULL);
  CHECK(res1[0].of.i32 == 210 && calls == 1);

  /* Traps: from wasm, and from a host callback through wasm frames back to the caller. */
  wasm_val_t dargs[2] = {WASM_I32_VAL(1), WASM_I32_VAL(0)};
  wasm_val_vec_t dargs_vec = WASM_ARRAY_VEC(dargs);
  trap = wasm_func_call(export_func(&exports, 4), &dargs_vec, &res_vec);
  CHECK(trap != NULL);
  if (trap) {
    wasm_frame_vec_t trace;
    wasm_trap_trace(trap, &trace);
    wasm_frame_vec_delete(&trace);
    wasm_frame_t* origin = wasm_trap_origin(trap);
    if (origin) wasm_frame_delete(origin);
    CHECK(strcmp(trap_text(trap), "integer divide by zero") == 0);
  }
  wasm_val_vec_t none = WASM_EMPTY_VEC;
  trap = wasm_func_call(export_func(&exports, 3), &none, &none);
  CHECK(trap != NULL && strcmp(trap_text(trap), "host says no") == 0);

  /* Globals: the imported mutable one seen from both sides, exported ones. */
  CHECK(wasm_func_call(export_func(&exports, 5), &none, &none) == NULL);
  wasm_val_t gv;
  wasm_global_get(counter, &gv);
  CHECK(gv.kind == WASM_I32 && gv.of.i32 == 1);
  wasm_val_t ten = WASM_I32_VAL(10);
  wasm_global_set(counter, &ten);
  CHECK(wasm_func_call(export_func(&exports, 5), &none, &none) == NULL);
  wasm_global_get(counter, &gv);
  CHECK(gv.of.i32 == 11);
  wasm_global_t* answer = wasm_extern_as_global(exports.data[10]);
  CHECK(answer != NULL);
  wasm_global_get(answer, &gv);
  CHECK(gv.of.i32 == 42);
  wasm_globaltype_t* answer_type = wasm_global_type(answer);
  CHECK(wasm_globaltype_mutability(answer_type) == WASM_CONST);
  wasm_globaltype_delete(answer_type);
  wasm_global_t* pi = wasm_extern_as_global(exports.data[11]);
  wasm_val_t newpi = WASM_F64_VAL(6.5);
  wasm_global_set(pi, &newpi);
  wasm_global_get(pi, &gv);
  CHECK(gv.kind == WASM_F64 && gv.of.f64 == 6.5);

  /* Memory: host and guest see the same bytes; growth within limits. */
  wasm_val_t sargs[2] = {WASM_I32_VAL(16), WASM_I32_VAL(0x01020304)};
  wasm_val_vec_t sargs_vec = WASM_ARRAY_VEC(sargs);
  CHECK(wasm_func_call(export_func(&exports, 6), &sargs_vec, &none) == NULL);
  CHECK(wasm_memory_data(memory)[16] == 4 && wasm_memory_data(memory)[19] == 1);
  wasm_memory_data(memory)[100] = 7;
  wasm_val_t largs[1] = {WASM_I32_VAL(100)};
  wasm_val_vec_t largs_vec = WASM_ARRAY_VEC(largs);
  CHECK(wasm_func_call(export_func(&exports, 7), &largs_vec, &res_vec) == NULL && res1[0].of.i32 == 7);
  CHECK(wasm_memory_size(memory) == 1 && wasm_memory_data_size(memory) == MEMORY_PAGE_SIZE);
  CHECK(wasm_memory_grow(memory, 2) && wasm_memory_size(memory) == 3);
  CHECK(!wasm_memory_grow(memory, 2));
  wasm_val_t oob[1] = {WASM_I32_VAL(3 * 65536)};
  wasm_val_vec_t oob_vec = WASM_ARRAY_VEC(oob);
  trap = wasm_func_call(export_func(&exports, 7), &oob_vec, &res_vec);
  CHECK(trap != NULL && strcmp(trap_text(trap), "out of bounds memory access") == 0);

  /* Tables of functions: set from the host, called indirectly by wasm; grow. */
  CHECK(wasm_table_size(table) == 2);
  wasm_ref_t* entry = wasm_table_get(table, 0);
  CHECK(entry != NULL);  /* the element segment put the callback there */
  if (entry) wasm_ref_delete(entry);
  CHECK(wasm_table_get(table, 1) == NULL);
  CHECK(wasm_table_set(table, 1, wasm_func_as_ref(cb_with_finalizer)));
  CHECK(!wasm_table_set(table, 5, NULL));
  wasm_val_t targs[2] = {WASM_I32_VAL(1), WASM_I32_VAL(1)};
  wasm_val_vec_t targs_vec = WASM_ARRAY_VEC(targs);
  CHECK(wasm_func_call(export_func(&exports, 9), &targs_vec, &res_vec) == NULL && res1[0].of.i32 == 101);
  CHECK(wasm_table_grow(table, 3, NULL) && wasm_table_size(table) == 5);

  /* References: a host object passes through wasm and comes back the same. */
  wasm_foreign_t* foreign = wasm_foreign_new(store);
  wasm_foreign_set_host_info(foreign, &calls);
  wasm_val_t rarg[1] = {WASM_REF_VAL(wasm_foreign_as_ref(foreign))};
  wasm_val_t rres[1] = {WASM_INIT_VAL};
  wasm_val_vec_t rarg_vec = WASM_ARRAY_VEC(rarg), rres_vec = WASM_ARRAY_VEC(rres);
  CHECK(wasm_func_call(export_func(&exports, 8), &rarg_vec, &rres_vec) == NULL);
  CHECK(rres[0].of.ref != NULL);
  if (rres[0].of.ref) {
    CHECK(wasm_ref_as_foreign(rres[0].of.ref) != NULL);
    wasm_val_delete(&rres[0]);
  }
  wasm_foreign_delete(foreign);

  /* Handles: copies name the same object; extern casts check kinds. */
  wasm_func_t* add_copy = wasm_func_copy(export_func(&exports, 0));
  CHECK(wasm_func_same(add_copy, export_func(&exports, 0)));
  CHECK(!wasm_func_same(add_copy, export_func(&exports, 1)));
  CHECK(wasm_extern_as_memory(exports.data[0]) == NULL);
  CHECK(wasm_extern_kind(exports.data[13]) == WASM_EXTERN_MEMORY);
  wasm_externtype_t* et = wasm_extern_type(exports.data[0]);
  CHECK(wasm_externtype_kind(et) == WASM_EXTERN_FUNC);
  wasm_externtype_delete(et);
  wasm_functype_t* add_type = wasm_func_type(add_copy);
  CHECK(wasm_functype_params(add_type)->size == 2);
  wasm_functype_delete(add_type);
  wasm_func_delete(add_copy);

  /* Serialization and sharing. */
  wasm_byte_vec_t serialized;
  wasm_module_serialize(module, &serialized);
  CHECK(serialized.size == binary.size && memcmp(serialized.data, binary.data, binary.size) == 0);
  wasm_module_t* again = wasm_module_deserialize(store, &serialized);
  CHECK(again != NULL);
  wasm_byte_vec_delete(&serialized);
  wasm_shared_module_t* shared = wasm_module_share(module);
  wasm_store_t* store2 = wasm_store_new(engine);
  wasm_module_t* obtained = wasm_module_obtain(store2, shared);
  CHECK(obtained != NULL);
  wasm_module_delete(obtained);
  wasm_shared_module_delete(shared);
  wasm_store_delete(store2);
  wasm_module_delete(again);

  /* Value vectors own their references. */
  wasm_val_vec_t vals;
  wasm_val_t v3[2] = {WASM_I32_VAL(1), WASM_REF_VAL(wasm_func_as_ref(wasm_func_copy(cb)))};
  wasm_val_vec_new(&vals, 2, v3);
  wasm_val_vec_t vals_copy;
  wasm_val_vec_copy(&vals_copy, &vals);
  CHECK(vals_copy.size == 2 && vals_copy.data[1].of.ref != vals.data[1].of.ref);
  wasm_val_vec_delete(&vals_copy);
  wasm_val_vec_delete(&vals);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(cb);
  wasm_func_delete(cb_with_finalizer);
  wasm_func_delete(fail);
  wasm_global_delete(counter);
  wasm_memory_delete(memory);
  wasm_table_delete(table);
  wasm_functype_delete(cb_ft);
  wasm_functype_delete(fail_ft);
  wasm_globaltype_delete(counter_type);
  wasm_memorytype_delete(mem_type);
  wasm_tabletype_delete(table_type);
  wasm_module_delete(module);
  wasm_byte_vec_delete(&binary);
  wasm_store_delete(store);
  CHECK(finalized == 1);  /* the environment's finalizer ran with the store */
  wasm_engine_delete(engine);

  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
