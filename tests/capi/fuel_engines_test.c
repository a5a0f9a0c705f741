/* Fuel, deadlines and interrupts in both engines: the same functions, run interpreted and
 * compiled (PETREL_ENGINE_COMPILED, metered), consume identical fuel call by call; an infinite
 * loop stops with "fuel exhausted" after exactly its budget in both; a deadline and an
 * interrupt from another thread stop compiled code too. Exits non-zero on any failure. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "petrel.h"

static const char* kWat =
    "(module"
    "  (memory 1)"
    "  (table 2 funcref) (elem (i32.const 0) $fib $sum)"
    "  (type $i2i (func (param i32) (result i32)))"
    "  (func $fib (export \"fib\") (param i32) (result i32)"
    "    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))"
    "      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))"
    "                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))"
    "  (func $sum (export \"sum\") (param i32) (result i32) (local i32)"
    "    (block $done (loop $l"
    "      (br_if $done (i32.eqz (local.get 0)))"
    "      (local.set 1 (i32.add (local.get 1) (local.get 0)))"
    "      (i32.store (i32.const 16) (local.get 1))"
    "      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))"
    "      (br $l)))"
    "    (i32.load (i32.const 16)))"
    "  (func (export \"switch\") (param i32) (result i32) (local i32)"
    "    (loop $next"
    "      (block $c2 (block $c1 (block $c0"
    "        (br_table $c0 $c1 $c2 (i32.rem_u (local.get 0) (i32.const 3))))"
    "        (local.set 1 (i32.add (local.get 1) (i32.const 1))) (br $c2))"
    "        (local.set 1 (i32.mul (local.get 1) (i32.const 3))) (nop))"
    "      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))"
    "      (br_if $next (local.get 0)))"
    "    (local.get 1))"
    "  (func (export \"indirect\") (param i32) (result i32)"
    "    (call_indirect (type $i2i) (local.get 0) (i32.and (local.get 0) (i32.const 1))))"
    "  (func (export \"trap_midway\") (param i32) (result i32)"
    "    (drop (call $sum (i32.const 10)))"
    "    (i32.div_u (i32.const 7) (local.get 0)))"
    "  (func (export \"spin\") (loop $l (br $l))))";


typedef struct {
  wasm_engine_t* engine;
  wasm_store_t* store;
  wasm_module_t* module;
  wasm_instance_t* instance;
  wasm_extern_vec_t exports;
} Setup;

static int setup(Setup* s, petrel_engine_kind_t kind) {
  wasm_config_t* config = wasm_config_new();
  petrel_config_set_metering(config, true);
  petrel_config_set_engine(config, kind);
  s->engine = wasm_engine_new_with_config(config);
  s->store = wasm_store_new(s->engine);
  wasm_message_t error;
  s->module = petrel_module_new_from_wat(s->store, kWat, strlen(kWat), &error);
  if (!s->module) {
    printf("FAILED: %s\n", error.data);
    return 0;
  }
  wasm_extern_vec_t none = WASM_EMPTY_VEC;
  s->instance = wasm_instance_new(s->store, s->module, &none, NULL);
  wasm_instance_exports(s->instance, &s->exports);
  return 1;
}

static void teardown(Setup* s) {
  wasm_extern_vec_delete(&s->exports);
  wasm_instance_delete(s->instance);
  wasm_module_delete(s->module);
  wasm_store_delete(s->store);
  wasm_engine_delete(s->engine);
}

static uint64_t consumed(const Setup* s) {
  petrel_stats_t st;
  petrel_store_stats(s->store, &st);
  return st.fuel_consumed;
}

/* Calls export INDEX with one i32; returns the fuel it consumed; *trap_kind = -1 if no trap. */
static uint64_t call_i32(Setup* s, size_t index, int32_t arg, int32_t* result, int* trap_kind) {
  uint64_t before = consumed(s);
  wasm_val_t in[1] = {WASM_I32_VAL(arg)}, out[1] = {WASM_I32_VAL(0)};
  wasm_val_vec_t args = WASM_ARRAY_VEC(in), results = WASM_ARRAY_VEC(out);
  wasm_trap_t* trap = wasm_func_call(wasm_extern_as_func(s->exports.data[index]), &args, &results);
  *trap_kind = trap ? (int)petrel_trap_kind(trap) : -1;
  if (trap) wasm_trap_delete(trap);
  *result = out[0].of.i32;
  return consumed(s) - before;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void* interrupt_later(void* store) {
  struct timespec d = {0, 50 * 1000000L};
  nanosleep(&d, NULL);
  petrel_store_interrupt((wasm_store_t*)store);
  return NULL;
}

int main(void) {
  Setup interp, compiled;
  if (!setup(&interp, PETREL_ENGINE_INTERPRETER) || !setup(&compiled, PETREL_ENGINE_COMPILED)) return 1;
  CHECK(!petrel_module_is_compiled(interp.module), "the interpreter's module is not compiled");
  CHECK(petrel_module_is_compiled(compiled.module), "the compiled engine compiled the module");

  /* Identical fuel, call by call (exports: fib sum switch indirect trap_midway spin). */
  static const struct { size_t index; int32_t arg; const char* name; } calls[] = {
      {0, 0, "fib(0)"}, {0, 1, "fib(1)"}, {0, 15, "fib(15)"}, {1, 0, "sum(0)"}, {1, 1000, "sum(1000)"},
      {2, 1, "switch(1)"}, {2, 100, "switch(100)"}, {3, 10, "indirect(10)"}, {3, 11, "indirect(11)"},
      {4, 1, "trap_midway(1)"}, {4, 0, "trap_midway(0) (traps)"}};
  for (size_t i = 0; i < sizeof calls / sizeof calls[0]; ++i) {
    int32_t r1, r2;
    int t1, t2;
    uint64_t f1 = call_i32(&interp, calls[i].index, calls[i].arg, &r1, &t1);
    uint64_t f2 = call_i32(&compiled, calls[i].index, calls[i].arg, &r2, &t2);
    CHECK(f1 == f2 && f1 > 0, "%s: fuel %llu interpreted, %llu compiled", calls[i].name, (unsigned long long)f1,
          (unsigned long long)f2);
    CHECK(r1 == r2 && t1 == t2, "%s: results %d/%d, traps %d/%d", calls[i].name, r1, r2, t1, t2);
    printf("%-24s fuel %llu (both engines)\n", calls[i].name, (unsigned long long)f1);
  }

  /* An infinite loop stops after exactly its budget, in both. */
  Setup* both[2] = {&interp, &compiled};
  const char* names[2] = {"interpreted", "compiled"};
  for (int e = 0; e < 2; ++e) {
    petrel_store_set_fuel(both[e]->store, 1000003);
    int32_t r;
    int kind;
    uint64_t spent = call_i32(both[e], 5, 0, &r, &kind);
    CHECK(kind == PETREL_TRAP_FUEL_EXHAUSTED && spent == 1000003, "%s spin: trap kind %d after %llu", names[e], kind,
          (unsigned long long)spent);
    printf("spin (%s): fuel exhausted after exactly %llu\n", names[e], (unsigned long long)spent);
    petrel_store_set_fuel(both[e]->store, UINT64_MAX);
  }

  /* A deadline stops compiled code within 10 ms of it; so does an interrupt from a thread. */
  double t0 = now_ms();  /* before the deadline is set: it counts from that call */
  petrel_store_set_deadline(compiled.store, 30 * 1000000ull);
  int32_t r;
  int kind;
  call_i32(&compiled, 5, 0, &r, &kind);
  double late = now_ms() - t0 - 30;
  /* Soon after the deadline, not necessarily within ms: a busy machine delays the watchdog. */
  CHECK(kind == PETREL_TRAP_DEADLINE && late < 1000, "compiled deadline: kind %d, %.1f ms late", kind, late);
  printf("deadline (compiled): stopped %.1f ms after it\n", late < 0 ? 0 : late);
  petrel_store_set_deadline(compiled.store, 0);
  pthread_t th;
  pthread_create(&th, NULL, interrupt_later, compiled.store);
  call_i32(&compiled, 5, 0, &r, &kind);
  pthread_join(th, NULL);
  CHECK(kind == PETREL_TRAP_INTERRUPTED, "compiled interrupt: kind %d", kind);
  printf("interrupt (compiled): stopped\n");

  teardown(&interp);
  teardown(&compiled);
  printf("%s\n", failures ? "FAILED" : "fuel, deadline and interrupt: both engines agree");
  return failures ? 1 : 0;
}
