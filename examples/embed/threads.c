/* Many instances of one module on many threads: one engine shared, one store per thread,
 * the module shared between stores (wasm_module_share / wasm_module_obtain). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <petrel.h>

#define THREADS 8
static int instances_per_thread = 10000;

static const char* kWat =
    "(module (memory 1) (global $g (mut i32) (i32.const 0))"
    "  (func (export \"next\") (param i32) (result i32)"
    "    (global.set $g (i32.add (global.get $g) (local.get 0))) (global.get $g)))";

static wasm_engine_t* engine;
static wasm_shared_module_t* shared;

static void* worker(void* arg) {
  long id = (long)arg, total = 0;
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = wasm_module_obtain(store, shared);
  for (int i = 0; i < instances_per_thread; ++i) {
    wasm_extern_vec_t no_imports = WASM_EMPTY_VEC;
    wasm_instance_t* instance = wasm_instance_new(store, module, &no_imports, NULL);
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    wasm_val_t args[] = {WASM_I32_VAL((int32_t)id)};
    wasm_val_t results[] = {WASM_INIT_VAL};
    wasm_val_vec_t arg_vec = WASM_ARRAY_VEC(args), res_vec = WASM_ARRAY_VEC(results);
    if (wasm_func_call(wasm_extern_as_func(exports.data[0]), &arg_vec, &res_vec) == NULL) total += results[0].of.i32;
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    /* A store keeps what its instances allocated: start a fresh one now and then. */
    if (i % 1000 == 999) {
      wasm_module_delete(module);
      wasm_store_delete(store);
      store = wasm_store_new(engine);
      module = wasm_module_obtain(store, shared);
    }
  }
  wasm_module_delete(module);
  wasm_store_delete(store);
  return (void*)total;
}

int main(int argc, char** argv) {
  if (argc > 1) instances_per_thread = atoi(argv[1]);
  engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = petrel_module_new_from_wat(store, kWat, strlen(kWat), NULL);
  shared = wasm_module_share(module);
  pthread_t threads[THREADS];
  for (long t = 0; t < THREADS; ++t) pthread_create(&threads[t], NULL, worker, (void*)t);
  long expected = 0, got = 0;
  for (long t = 0; t < THREADS; ++t) {
    void* r;
    pthread_join(threads[t], &r);
    got += (long)r;
    expected += t * instances_per_thread;  /* each fresh instance returns its thread's id */
  }
  printf("%d threads x %d instances: %s\n", THREADS, instances_per_thread, got == expected ? "all correct" : "WRONG");
  wasm_shared_module_delete(shared);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return got == expected ? 0 : 1;
}
