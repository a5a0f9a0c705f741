/* Embedding Petrel: a host function called from wasm. */
#include <stdio.h>
#include <string.h>

#include <petrel.h>

static const char* kWat =
    "(module (import \"env\" \"log\" (func $log (param i32)))"
    "  (func (export \"run\") (param i32) (call $log (i32.mul (local.get 0) (i32.const 2)))))";

static wasm_trap_t* log_i32(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)results;
  printf("hello from wasm: %d\n", args->data[0].of.i32);
  return NULL;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_message_t error;
  wasm_module_t* module = petrel_module_new_from_wat(store, kWat, strlen(kWat), &error);
  if (!module) {
    fprintf(stderr, "%s\n", error.data);
    return 1;
  }
  wasm_functype_t* type = wasm_functype_new_1_0(wasm_valtype_new_i32());
  wasm_func_t* log = wasm_func_new(store, type, log_i32);
  wasm_extern_t* imports[] = {wasm_func_as_extern(log)};
  wasm_extern_vec_t import_vec = WASM_ARRAY_VEC(imports);
  wasm_instance_t* instance = wasm_instance_new(store, module, &import_vec, NULL);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_val_t args[] = {WASM_I32_VAL(21)};
  wasm_val_vec_t arg_vec = WASM_ARRAY_VEC(args), no_results = WASM_EMPTY_VEC;
  wasm_trap_t* trap = wasm_func_call(wasm_extern_as_func(exports.data[0]), &arg_vec, &no_results);
  int status = trap ? 1 : 0;
  if (trap) wasm_trap_delete(trap);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(log);
  wasm_functype_delete(type);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return status;
}
