/* Limits: a runaway guest stopped by fuel, then by a deadline. */
#include <stdio.h>
#include <string.h>

#include <petrel.h>

static const char* kWat = "(module (func (export \"spin\") (loop $l (br $l))))";

int main(void) {
  wasm_config_t* config = wasm_config_new();
  petrel_config_set_metering(config, true);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = petrel_module_new_from_wat(store, kWat, strlen(kWat), NULL);
  wasm_extern_vec_t none_imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &none_imports, NULL);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_func_t* spin = wasm_extern_as_func(exports.data[0]);
  wasm_val_vec_t none = WASM_EMPTY_VEC;

  petrel_store_set_fuel(store, 1000000);
  wasm_trap_t* trap = wasm_func_call(spin, &none, &none);
  petrel_stats_t stats;
  petrel_store_stats(store, &stats);
  printf("fuel: %s after %llu instructions\n", petrel_trap_kind(trap) == PETREL_TRAP_FUEL_EXHAUSTED ? "stopped" : "?",
         (unsigned long long)stats.fuel_consumed);
  wasm_trap_delete(trap);

  petrel_store_set_fuel(store, UINT64_MAX);
  petrel_store_set_deadline(store, 20 * 1000 * 1000);
  trap = wasm_func_call(spin, &none, &none);
  printf("deadline: %s\n", petrel_trap_kind(trap) == PETREL_TRAP_DEADLINE ? "stopped" : "?");
  wasm_trap_delete(trap);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return 0;
}
