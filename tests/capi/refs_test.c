/* Tests of the C API's references (wasm.h), for every reference type Petrel implements:
 * copies and the as_ref / ref_as_* views name one object, *_same compares objects, host info
 * is the object's (set through one handle, seen through all), and a finalizer runs exactly
 * once — when its info is replaced, or when the object dies: with its last handle for foreign
 * objects, traps and modules, with the store for functions, globals, tables, memories and
 * instances (src/api/README.md). Run under ASan/LSan too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"

static int passed = 0, failed = 0;
static const char* context = "";  /* what is being checked, for failure messages */
#define CHECK(cond)                                                                                  \
  do {                                                                                               \
    if (cond) {                                                                                      \
      ++passed;                                                                                      \
    } else {                                                                                         \
      ++failed;                                                                                      \
      fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, context, #cond);          \
    }                                                                                                \
  } while (0)

/* Host info: each value counts the runs of its finalizer. */
typedef struct info_t {
  int finalized;
} info_t;
static void count_finalization(void* info) { ++((info_t*)info)->finalized; }

/* The ref_as_* conversions that accept a reference, as bits. */
enum {
  AS_TRAP = 1 << 0,
  AS_FOREIGN = 1 << 1,
  AS_MODULE = 1 << 2,
  AS_FUNC = 1 << 3,
  AS_GLOBAL = 1 << 4,
  AS_TABLE = 1 << 5,
  AS_MEMORY = 1 << 6,
  AS_EXTERN = 1 << 7,
  AS_INSTANCE = 1 << 8,
  CONST_DISAGREES = 1 << 9, /* a ref_as_*_const answered otherwise than its ref_as_* */
};
static unsigned views_of(wasm_ref_t* r) {
  unsigned views = 0;
#define VIEW(name, bit)                                                   \
  if (wasm_ref_as_##name(r)) views |= bit;                                \
  if ((wasm_ref_as_##name##_const(r) != NULL) != (wasm_ref_as_##name(r) != NULL)) views |= CONST_DISAGREES;
  VIEW(trap, AS_TRAP)
  VIEW(foreign, AS_FOREIGN)
  VIEW(module, AS_MODULE)
  VIEW(func, AS_FUNC)
  VIEW(global, AS_GLOBAL)
  VIEW(table, AS_TABLE)
  VIEW(memory, AS_MEMORY)
  VIEW(extern, AS_EXTERN)
  VIEW(instance, AS_INSTANCE)
#undef VIEW
  return views;
}

/* check_NAME(what, obj, other, info, views): the handle functions of reference type NAME.
 * OBJ and OTHER are distinct objects without host info; VIEWS are the conversions OBJ's
 * reference accepts. Uses the fresh INFO[0..2], and leaves INFO[2] with its finalizer on OBJ
 * (whose other handles it made are deleted again). */
#define DEFINE_REFERENCE_CHECKS(name)                                                                         \
  static void check_##name(const char* what, wasm_##name##_t* obj, wasm_##name##_t* other, info_t info[3],   \
                           unsigned views) {                                                                  \
    context = what;                                                                                           \
    wasm_##name##_t* copy = wasm_##name##_copy(obj);                                                          \
    wasm_ref_t* ref = wasm_##name##_as_ref(obj);                                                              \
    CHECK(copy != NULL && ref != NULL);                                                                       \
    CHECK(wasm_##name##_same(obj, obj) && wasm_##name##_same(copy, obj) && wasm_##name##_same(obj, copy));     \
    CHECK(!wasm_##name##_same(obj, other) && !wasm_##name##_same(copy, other));                               \
    CHECK(wasm_##name##_as_ref_const(obj) == ref && wasm_ref_as_##name(ref) == obj);                          \
    CHECK(wasm_ref_as_##name##_const(wasm_##name##_as_ref_const(obj)) == obj);                                \
    CHECK(views_of(ref) == views && views_of(wasm_##name##_as_ref(copy)) == views);                           \
    CHECK(wasm_##name##_get_host_info(obj) == NULL && wasm_##name##_get_host_info(copy) == NULL);             \
                                                                                                              \
    /* Host info set through one handle is seen through every other, and only there. */                     \
    wasm_##name##_set_host_info(obj, &info[0]);                                                               \
    CHECK(wasm_##name##_get_host_info(obj) == &info[0] && wasm_##name##_get_host_info(copy) == &info[0]);     \
    CHECK(wasm_ref_get_host_info(wasm_##name##_as_ref_const(copy)) == &info[0]);                              \
    CHECK(wasm_##name##_get_host_info(other) == NULL);                                                        \
    wasm_##name##_set_host_info_with_finalizer(copy, &info[1], count_finalization);                          \
    CHECK(wasm_##name##_get_host_info(obj) == &info[1] && wasm_ref_get_host_info(ref) == &info[1]);           \
    CHECK(info[1].finalized == 0);                                                                            \
                                                                                                              \
    /* Replacing host info finalizes the replaced info, once. */                                             \
    wasm_ref_set_host_info(ref, &info[0]);                                                                    \
    CHECK(info[1].finalized == 1 && wasm_##name##_get_host_info(copy) == &info[0]);                           \
                                                                                                              \
    /* A reference's copy names the object too, with the same views. */                                      \
    wasm_ref_t* ref_copy = wasm_ref_copy(ref);                                                                \
    CHECK(ref_copy != NULL && wasm_ref_same(ref_copy, ref) && wasm_ref_same(ref, ref_copy));                 \
    CHECK(!wasm_ref_same(ref_copy, wasm_##name##_as_ref(other)));                                             \
    CHECK(views_of(ref_copy) == views && wasm_##name##_same(wasm_ref_as_##name##_const(ref_copy), obj));      \
    CHECK(wasm_ref_get_host_info(ref_copy) == &info[0]);                                                      \
    wasm_ref_set_host_info_with_finalizer(ref_copy, &info[2], count_finalization);                           \
    wasm_ref_set_host_info_with_finalizer(ref_copy, &info[2], count_finalization); /* the same: no change */  \
    CHECK(wasm_##name##_get_host_info(obj) == &info[2] && wasm_##name##_get_host_info(copy) == &info[2]);     \
                                                                                                              \
    /* Handles die, the object does not. */                                                                   \
    wasm_ref_delete(ref_copy);                                                                                \
    wasm_##name##_delete(copy);                                                                               \
    CHECK(wasm_##name##_get_host_info(obj) == &info[2] && wasm_ref_get_host_info(ref) == &info[2]);           \
    CHECK(info[0].finalized == 0 && info[1].finalized == 1 && info[2].finalized == 0);                        \
    CHECK(wasm_##name##_get_host_info(other) == NULL);                                                        \
  }
DEFINE_REFERENCE_CHECKS(trap)
DEFINE_REFERENCE_CHECKS(foreign)
DEFINE_REFERENCE_CHECKS(module)
DEFINE_REFERENCE_CHECKS(func)
DEFINE_REFERENCE_CHECKS(global)
DEFINE_REFERENCE_CHECKS(table)
DEFINE_REFERENCE_CHECKS(memory)
DEFINE_REFERENCE_CHECKS(extern)
DEFINE_REFERENCE_CHECKS(instance)

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

/* A new handle of INSTANCE's export NAME (MODULE is the instance's module). */
static wasm_extern_t* export_named(const wasm_module_t* module, const wasm_instance_t* instance, const char* name) {
  wasm_exporttype_vec_t types;
  wasm_extern_vec_t externs;
  wasm_module_exports(module, &types);
  wasm_instance_exports(instance, &externs);
  wasm_extern_t* found = NULL;
  for (size_t i = 0; i < types.size && i < externs.size; ++i) {
    const wasm_name_t* n = wasm_exporttype_name(types.data[i]);
    if (n->size == strlen(name) && memcmp(n->data, name, n->size) == 0) found = wasm_extern_copy(externs.data[i]);
  }
  wasm_extern_vec_delete(&externs);
  wasm_exporttype_vec_delete(&types);
  if (!found) {
    fprintf(stderr, "no export \"%s\"\n", name);
    exit(2);
  }
  return found;
}

/* Calls INSTANCE's exported function NAME with ARGS (N of them); RESULTS has room for its
 * results. Returns the trap, if any. */
static wasm_trap_t* call(const wasm_module_t* module, const wasm_instance_t* instance, const char* name,
                         wasm_val_t* args, size_t n, wasm_val_t* results, size_t m) {
  wasm_extern_t* e = export_named(module, instance, name);
  wasm_val_vec_t args_vec = {n, args}, results_vec = {m, results};
  wasm_trap_t* trap = wasm_func_call(wasm_extern_as_func(e), &args_vec, &results_vec);
  wasm_extern_delete(e);
  return trap;
}

static wasm_trap_t* answer_callback(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)args;
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = 7;
  return NULL;
}

static wasm_trap_t* new_trap(wasm_store_t* store, const char* text) {
  wasm_message_t message;
  wasm_name_new_from_string_nt(&message, text);
  wasm_trap_t* trap = wasm_trap_new(store, &message);
  wasm_name_delete(&message);
  return trap;
}

static bool trap_says(const wasm_trap_t* trap, const char* text) {
  wasm_message_t message;
  wasm_trap_message(trap, &message);
  bool same = message.size == strlen(text) + 1 && memcmp(message.data, text, message.size) == 0;
  wasm_name_delete(&message);
  return same;
}

/* Objects whose handles share them: they die with their last handle, or with the store when
 * wasm may hold them. INFO[k] gets what check_NAME leaves on the k-th object. */
enum { FOREIGN_KEPT, FOREIGN_UNKEPT, TRAP, MODULE, SHARED_OBJECTS };
static void test_shared_objects(wasm_store_t* store, wasm_engine_t* engine, const wasm_byte_vec_t* binary,
                                const wasm_module_t* module, const wasm_instance_t* instance,
                                info_t info[SHARED_OBJECTS][3]) {
  /* Foreign objects: one through wasm and back, and kept by wasm; one never handed to wasm. */
  wasm_foreign_t* kept = wasm_foreign_new(store);
  wasm_foreign_t* unkept = wasm_foreign_new(store);
  check_foreign("foreign", kept, unkept, info[FOREIGN_KEPT], AS_FOREIGN);
  context = "foreign through wasm";
  wasm_val_t args[1] = {WASM_REF_VAL(wasm_foreign_as_ref(kept))};
  wasm_val_t results[1] = {WASM_INIT_VAL};
  CHECK(call(module, instance, "pass", args, 1, results, 1) == NULL);
  CHECK(results[0].of.ref != NULL && wasm_ref_same(results[0].of.ref, wasm_foreign_as_ref(kept)));
  CHECK(wasm_ref_as_foreign(results[0].of.ref) != NULL);
  CHECK(wasm_ref_get_host_info(results[0].of.ref) == &info[FOREIGN_KEPT][2]);
  wasm_val_t copied;
  wasm_val_copy(&copied, &results[0]);
  CHECK(wasm_ref_get_host_info(copied.of.ref) == &info[FOREIGN_KEPT][2]);
  wasm_val_delete(&copied);
  wasm_val_delete(&results[0]);
  CHECK(call(module, instance, "keep", args, 1, NULL, 0) == NULL);
  wasm_foreign_delete(kept);
  CHECK(info[FOREIGN_KEPT][2].finalized == 0); /* wasm holds it: it dies with the store */

  context = "foreign never in wasm";
  wasm_foreign_set_host_info_with_finalizer(unkept, &info[FOREIGN_UNKEPT][2], count_finalization);
  wasm_foreign_t* unkept_copy = wasm_foreign_copy(unkept);
  wasm_foreign_delete(unkept);
  CHECK(info[FOREIGN_UNKEPT][2].finalized == 0);
  wasm_foreign_delete(unkept_copy);
  CHECK(info[FOREIGN_UNKEPT][2].finalized == 1); /* its last handle is gone */

  /* Traps: one made by the host, one by wasm. */
  wasm_trap_t* made = new_trap(store, "made here");
  wasm_trap_t* trapped = call(module, instance, "fail", NULL, 0, NULL, 0);
  CHECK(trapped != NULL);
  if (trapped) {
    check_trap("trap", made, trapped, info[TRAP], AS_TRAP);
    context = "trap";
    wasm_trap_t* made_copy = wasm_trap_copy(made);
    CHECK(trap_says(made_copy, "made here"));
    wasm_trap_delete(made);
    CHECK(info[TRAP][2].finalized == 0);
    wasm_trap_delete(made_copy);
    CHECK(info[TRAP][2].finalized == 1);
    wasm_trap_delete(trapped);
  } else {
    wasm_trap_delete(made);
  }

  /* Modules: two from one binary are two objects; one obtained elsewhere is another. */
  wasm_module_t* first = wasm_module_new(store, binary);
  wasm_module_t* second = wasm_module_new(store, binary);
  check_module("module", first, second, info[MODULE], AS_MODULE);
  context = "module";
  wasm_shared_module_t* shared = wasm_module_share(first);
  wasm_store_t* elsewhere = wasm_store_new(engine);
  wasm_module_t* obtained = wasm_module_obtain(elsewhere, shared);
  CHECK(obtained != NULL && !wasm_module_same(obtained, first) && wasm_module_get_host_info(obtained) == NULL);
  wasm_module_delete(obtained);
  wasm_shared_module_delete(shared);
  wasm_store_delete(elsewhere);
  CHECK(info[MODULE][2].finalized == 0);
  wasm_trap_t* trap = NULL;
  wasm_instance_t* of_first = wasm_instance_new(store, first, NULL, &trap);
  CHECK(of_first != NULL && trap == NULL);
  wasm_module_delete(first);
  CHECK(info[MODULE][2].finalized == 1); /* an instance keeps the code, not the module object */
  if (of_first) wasm_instance_delete(of_first);
  wasm_module_delete(second);
}

/* Objects the store owns: they outlive their handles and die with the store. */
enum { FUNC, GLOBAL, TABLE, MEMORY, EXTERN, INSTANCE, STORE_OBJECTS };
static void test_store_objects(wasm_store_t* store, const wasm_module_t* module, const wasm_instance_t* instance,
                               info_t info[STORE_OBJECTS][3]) {
  wasm_functype_t* answer_type = wasm_functype_new_0_1(wasm_valtype_new_i32());
  wasm_func_t* host_func = wasm_func_new(store, answer_type, answer_callback);
  wasm_func_t* other_func = wasm_func_new(store, answer_type, answer_callback);
  check_func("function", host_func, other_func, info[FUNC], AS_FUNC | AS_EXTERN);
  context = "function";
  CHECK(wasm_extern_get_host_info(wasm_func_as_extern(host_func)) == &info[FUNC][2]);
  CHECK(wasm_func_as_extern_const(host_func) == wasm_func_as_extern(host_func));
  CHECK(wasm_extern_as_func_const(wasm_func_as_extern_const(host_func)) == host_func);

  wasm_global_t* counter = wasm_extern_as_global(export_named(module, instance, "counter"));
  wasm_globaltype_t* global_type = wasm_globaltype_new(wasm_valtype_new_i32(), WASM_VAR);
  wasm_val_t zero = WASM_I32_VAL(0);
  wasm_global_t* new_global = wasm_global_new(store, global_type, &zero);
  check_global("global", counter, new_global, info[GLOBAL], AS_GLOBAL | AS_EXTERN);

  wasm_table_t* funcs = wasm_extern_as_table(export_named(module, instance, "funcs"));
  wasm_limits_t table_limits = {1, 1};
  wasm_tabletype_t* table_type = wasm_tabletype_new(wasm_valtype_new_funcref(), &table_limits);
  wasm_table_t* new_table = wasm_table_new(store, table_type, NULL);
  check_table("table", funcs, new_table, info[TABLE], AS_TABLE | AS_EXTERN);

  wasm_memory_t* memory = wasm_extern_as_memory(export_named(module, instance, "memory"));
  wasm_limits_t memory_limits = {1, 1};
  wasm_memorytype_t* memory_type = wasm_memorytype_new(&memory_limits);
  wasm_memory_t* new_memory = wasm_memory_new(store, memory_type);
  check_memory("memory", memory, new_memory, info[MEMORY], AS_MEMORY | AS_EXTERN);

  /* An extern is its function: host info set on the one is the other's. */
  wasm_extern_t* answer = export_named(module, instance, "answer");
  check_extern("extern", answer, wasm_func_as_extern(other_func), info[EXTERN], AS_FUNC | AS_EXTERN);
  context = "extern";
  CHECK(wasm_func_get_host_info(wasm_extern_as_func(answer)) == &info[EXTERN][2]);
  CHECK(wasm_func_get_host_info(wasm_extern_as_func_const(answer)) == &info[EXTERN][2]);
  CHECK(wasm_extern_as_global(answer) == NULL && wasm_extern_as_table_const(answer) == NULL);
  wasm_extern_t* answers[1] = {answer};
  wasm_extern_vec_t one = WASM_ARRAY_VEC(answers), copied;
  wasm_extern_vec_copy(&copied, &one);
  CHECK(copied.size == 1 && wasm_extern_same(copied.data[0], answer));
  CHECK(wasm_extern_get_host_info(copied.data[0]) == &info[EXTERN][2]);
  wasm_extern_vec_delete(&copied);

  wasm_trap_t* trap = NULL;
  wasm_instance_t* another = wasm_instance_new(store, module, NULL, &trap);
  CHECK(another != NULL && trap == NULL);
  wasm_instance_t* instance_copy = wasm_instance_copy(instance);
  if (another) check_instance("instance", instance_copy, another, info[INSTANCE], AS_INSTANCE);
  CHECK(wasm_instance_get_host_info(instance) == &info[INSTANCE][2]);

  /* Handles made afresh, not copied, name the same objects: from exports, and from a table
   * wasm filled (with "answer") or the host did (with the host function). */
  context = "new handles";
  CHECK(wasm_table_set(new_table, 0, wasm_func_as_ref(host_func)));
  wasm_func_delete(host_func);
  wasm_global_delete(counter);
  wasm_table_delete(funcs);
  wasm_memory_delete(memory);
  wasm_extern_delete(answer);
  wasm_instance_delete(instance_copy);
  wasm_ref_t* from_table = wasm_table_get(new_table, 0);
  CHECK(from_table != NULL && wasm_ref_get_host_info(from_table) == &info[FUNC][2]);
  if (from_table) wasm_ref_delete(from_table);
  const char* names[] = {"counter", "funcs", "memory", "answer"};
  info_t* expected[] = {&info[GLOBAL][2], &info[TABLE][2], &info[MEMORY][2], &info[EXTERN][2]};
  for (size_t i = 0; i < 4; ++i) {
    wasm_extern_t* again = export_named(module, instance, names[i]);
    CHECK(wasm_extern_get_host_info(again) == expected[i]);
    CHECK(wasm_ref_get_host_info(wasm_extern_as_ref(again)) == expected[i]);
    if (i == 1) { /* the table wasm filled with "answer" */
      wasm_ref_t* element = wasm_table_get(wasm_extern_as_table(again), 0);
      CHECK(element != NULL && wasm_ref_get_host_info(element) == &info[EXTERN][2]);
      if (element) wasm_ref_delete(element);
    }
    wasm_extern_delete(again);
  }
  for (size_t k = 0; k < STORE_OBJECTS; ++k) CHECK(info[k][2].finalized == 0);

  if (another) wasm_instance_delete(another);
  wasm_memory_delete(new_memory);
  wasm_memorytype_delete(memory_type);
  wasm_table_delete(new_table);
  wasm_tabletype_delete(table_type);
  wasm_global_delete(new_global);
  wasm_globaltype_delete(global_type);
  wasm_func_delete(other_func);
  wasm_functype_delete(answer_type);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s refs_module.wasm\n", argv[0]);
    return 2;
  }
  wasm_byte_vec_t binary = read_file(argv[1]);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = wasm_module_new(store, &binary);
  if (!module) {
    fprintf(stderr, "cannot load %s\n", argv[1]);
    return 2;
  }
  wasm_trap_t* trap = NULL;
  wasm_instance_t* instance = wasm_instance_new(store, module, NULL, &trap);
  if (!instance) {
    fprintf(stderr, "cannot instantiate %s\n", argv[1]);
    return 2;
  }

  info_t shared_info[SHARED_OBJECTS][3], store_info[STORE_OBJECTS][3];
  memset(shared_info, 0, sizeof shared_info);
  memset(store_info, 0, sizeof store_info);
  test_shared_objects(store, engine, &binary, module, instance, shared_info);
  test_store_objects(store, module, instance, store_info);

  context = "before the store's end";
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  CHECK(shared_info[FOREIGN_KEPT][2].finalized == 0);
  wasm_store_delete(store);
  context = "after the store";
  for (size_t k = 0; k < STORE_OBJECTS; ++k)
    CHECK(store_info[k][0].finalized == 0 && store_info[k][1].finalized == 1 && store_info[k][2].finalized == 1);
  for (size_t k = 0; k < SHARED_OBJECTS; ++k)
    CHECK(shared_info[k][0].finalized == 0 && shared_info[k][1].finalized == (k == FOREIGN_UNKEPT ? 0 : 1) &&
          shared_info[k][2].finalized == 1);
  wasm_engine_delete(engine);
  wasm_byte_vec_delete(&binary);

  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
