/* Tests of petrel.h: fuel, deadlines, interrupts, statistics, loading, WASI. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "petrel.h"

static int passed = 0, failed = 0;
#define CHECK(cond)                                                                \
  do {                                                                             \
    if (cond) {                                                                    \
      ++passed;                                                                    \
    } else {                                                                       \
      ++failed;                                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
    }                                                                              \
  } while (0)

static const char* kLoops =
    "(module"
    "  (global $n (export \"n\") (mut i32) (i32.const 0))"
    "  (func (export \"spin\")"
    "    (loop $l (global.set $n (i32.add (global.get $n) (i32.const 1))) (br $l)))"
    "  (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))";

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static wasm_func_t* export_func(wasm_instance_t* inst, size_t index, wasm_extern_vec_t* exports) {
  wasm_instance_exports(inst, exports);
  return wasm_extern_as_func(exports->data[index]);
}

static void* interrupter(void* store) {
  struct timespec d = {0, 20 * 1000 * 1000};
  nanosleep(&d, NULL);
  petrel_store_interrupt((wasm_store_t*)store);
  return NULL;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  CHECK(strlen(petrel_version()) >= 5);

  wasm_config_t* config = wasm_config_new();
  petrel_config_set_metering(config, true);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);

  /* Loading from text, with errors as messages. */
  wasm_message_t error;
  CHECK(petrel_module_new_from_wat(store, "(module (func (i32.add)))", 25, &error) == NULL);
  CHECK(strstr(error.data, "type mismatch") != NULL);
  wasm_byte_vec_delete(&error);
  CHECK(petrel_module_new_from_file(store, "/nonexistent.wasm", &error) == NULL);
  CHECK(strstr(error.data, "cannot open") != NULL);
  wasm_byte_vec_delete(&error);
  wasm_module_t* module = petrel_module_new_from_wat(store, kLoops, strlen(kLoops), NULL);
  CHECK(module != NULL);
  wasm_extern_vec_t no_imports = WASM_EMPTY_VEC;
  wasm_instance_t* inst = wasm_instance_new(store, module, &no_imports, NULL);
  wasm_extern_vec_t exports;
  wasm_func_t* spin = export_func(inst, 1, &exports);
  wasm_func_t* add = wasm_extern_as_func(exports.data[2]);
  wasm_global_t* n = wasm_extern_as_global(exports.data[0]);
  wasm_val_vec_t none = WASM_EMPTY_VEC;

  /* Fuel: an infinite loop stops after exactly the budget. */
  CHECK(petrel_store_set_fuel(store, 100000));
  wasm_trap_t* trap = wasm_func_call(spin, &none, &none);
  CHECK(trap != NULL && petrel_trap_kind(trap) == PETREL_TRAP_FUEL_EXHAUSTED);
  if (trap) wasm_trap_delete(trap);
  uint64_t left = 1;
  CHECK(petrel_store_get_fuel(store, &left) && left == 0);
  petrel_stats_t stats;
  petrel_store_stats(store, &stats);
  CHECK(stats.fuel_consumed == 100000);
  wasm_val_t v;
  wasm_global_get(n, &v);
  /* Entering costs 1 (`loop`), each iteration 5: 19,999 iterations fit in 100,000. */
  CHECK(v.of.i32 == 19999);

  /* Calls that fit in the budget succeed and are charged exactly. */
  CHECK(petrel_store_set_fuel(store, 10));
  wasm_val_t args[2] = {WASM_I32_VAL(2), WASM_I32_VAL(3)};
  wasm_val_t res[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args_vec = WASM_ARRAY_VEC(args), res_vec = WASM_ARRAY_VEC(res);
  CHECK(wasm_func_call(add, &args_vec, &res_vec) == NULL && res[0].of.i32 == 5);
  CHECK(petrel_store_get_fuel(store, &left) && left == 6);  /* local.get, local.get, i32.add, end */

  /* Deadline: stops after it, and soon (the spin never ends by itself). How soon is a latency,
   * printed here and measured by bench/: a machine busy with other builds delays the watchdog
   * thread by tens of ms, so the bound only tells "stopped by the deadline" from "hung". */
  CHECK(petrel_store_set_fuel(store, UINT64_MAX));
  /* The clock starts before the deadline is set: the deadline counts from that call, and a
   * busy machine may run the watchdog thread it starts before this thread reads the clock. */
  double start = now_ms();
  CHECK(petrel_store_set_deadline(store, 50 * 1000 * 1000));
  trap = wasm_func_call(spin, &none, &none);
  double elapsed = now_ms() - start;
  CHECK(trap != NULL && petrel_trap_kind(trap) == PETREL_TRAP_DEADLINE);
  if (trap) wasm_trap_delete(trap);
  CHECK(elapsed >= 50.0 && elapsed < 1000.0);
  fprintf(stderr, "deadline: stopped after %.1f ms\n", elapsed);

  /* Interrupt from another thread. */
  pthread_t t;
  pthread_create(&t, NULL, interrupter, store);
  trap = wasm_func_call(spin, &none, &none);
  pthread_join(t, NULL);
  CHECK(trap != NULL && petrel_trap_kind(trap) == PETREL_TRAP_INTERRUPTED);
  if (trap) wasm_trap_delete(trap);

  /* The store works normally afterwards. */
  CHECK(wasm_func_call(add, &args_vec, &res_vec) == NULL && res[0].of.i32 == 5);
  petrel_store_stats(store, &stats);
  CHECK(stats.calls == 5 && stats.host_calls == 0 && stats.wall_time_ns > 0);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(inst);
  wasm_module_delete(module);

  /* WASI: a command embedded, with its arguments and exit status. */
  module = petrel_module_new_from_file(store, argv[1], &error);
  CHECK(module != NULL);
  if (module) {
    petrel_wasi_t* wasi = petrel_wasi_new();
    const char* wargs[] = {"exit_code", "42"};
    petrel_wasi_set_args(wasi, 2, wargs);
    inst = petrel_instance_new_with_wasi(store, module, wasi, &trap);
    CHECK(inst != NULL && trap == NULL);
    if (inst) {
      CHECK(petrel_wasi_run_start(inst, &trap) == 42 && trap == NULL);
      wasm_instance_delete(inst);
    }
    wasm_module_delete(module);
  } else {
    wasm_byte_vec_delete(&error);
  }

  /* Unmetered engines refuse fuel and deadlines. */
  wasm_engine_t* plain = wasm_engine_new();
  wasm_store_t* plain_store = wasm_store_new(plain);
  CHECK(!petrel_store_set_fuel(plain_store, 10));
  CHECK(!petrel_store_set_deadline(plain_store, 10));
  wasm_store_delete(plain_store);
  wasm_engine_delete(plain);

  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
