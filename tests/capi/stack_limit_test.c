/* petrel_config_set_max_stack_bytes in both engines: recursion that fits a large budget traps
 * with "call stack exhausted" under a small one, interpreted and compiled, and the store stays
 * usable after the trap. Exits non-zero on any failure. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "petrel.h"

/* depth(n) recurses n times through call_indirect, so no compiler can turn it into a loop. */
static const char* kWat =
    "(module"
    "  (type $i2i (func (param i32) (result i32)))"
    "  (table 1 funcref) (elem (i32.const 0) $depth)"
    "  (func $depth (export \"depth\") (param i32) (result i32)"
    "    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))"
    "      (else (i32.add (i32.const 1)"
    "        (call_indirect (type $i2i) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))))))";


/* Calls depth(n) in a fresh store of an engine with the given stack budget; returns 1 when it
 * returned n, 0 when it trapped with "call stack exhausted", -1 otherwise. */
static int run_depth(petrel_engine_kind_t kind, uint64_t stack_bytes, int n) {
  wasm_config_t* config = wasm_config_new();
  petrel_config_set_engine(config, kind);
  CHECK(petrel_config_set_max_stack_bytes(config, stack_bytes), "budget %llu refused", (unsigned long long)stack_bytes);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wasm_message_t error;
  wasm_module_t* module = petrel_module_new_from_wat(store, kWat, strlen(kWat), &error);
  int outcome = -1;
  if (!module) {
    printf("FAILED: module: %.*s\n", (int)error.size, error.data);
    wasm_byte_vec_delete(&error);
    ++failures;
  } else {
    if (kind == PETREL_ENGINE_COMPILED) CHECK(petrel_module_is_compiled(module), "module not compiled");
    wasm_extern_vec_t imports = WASM_EMPTY_VEC;
    wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    const wasm_func_t* depth = wasm_extern_as_func(exports.data[0]);
    wasm_val_t args[1] = {WASM_I32_VAL(n)};
    wasm_val_t results[1] = {WASM_INIT_VAL};
    wasm_val_vec_t args_vec = WASM_ARRAY_VEC(args), results_vec = WASM_ARRAY_VEC(results);
    wasm_trap_t* trap = wasm_func_call(depth, &args_vec, &results_vec);
    if (!trap) {
      outcome = results[0].of.i32 == n ? 1 : -1;
    } else {
      wasm_message_t message;
      wasm_trap_message(trap, &message);
      outcome = strstr(message.data, "call stack exhausted") ? 0 : -1;
      if (outcome < 0) printf("unexpected trap: %.*s\n", (int)message.size, message.data);
      wasm_byte_vec_delete(&message);
      wasm_trap_delete(trap);
      /* The store still runs code after the trap. */
      wasm_val_t small[1] = {WASM_I32_VAL(3)};
      wasm_val_vec_t small_vec = WASM_ARRAY_VEC(small);
      trap = wasm_func_call(depth, &small_vec, &results_vec);
      CHECK(!trap && results[0].of.i32 == 3, "store unusable after a stack trap");
      if (trap) wasm_trap_delete(trap);
    }
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    wasm_module_delete(module);
  }
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return outcome;
}

int main(void) {
  wasm_config_t* config = wasm_config_new();
  CHECK(!petrel_config_set_max_stack_bytes(config, 1024), "a 1 KiB budget was accepted");
  wasm_config_delete(config);

  const petrel_engine_kind_t kinds[] = {PETREL_ENGINE_INTERPRETER, PETREL_ENGINE_COMPILED};
  const char* names[] = {"interpreted", "compiled"};
  for (int k = 0; k < 2; ++k) {
    int big = run_depth(kinds[k], 32u << 20, 20000);
    int small = run_depth(kinds[k], 64u << 10, 20000);
    CHECK(big == 1, "%s: depth 20000 in 32 MiB: %d", names[k], big);
    CHECK(small == 0, "%s: depth 20000 in 64 KiB did not exhaust the stack: %d", names[k], small);
  }
  if (failures) return 1;
  printf("stack limits: ok\n");
  return 0;
}
