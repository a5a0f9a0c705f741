/* Linear memory shared by host and guest, and a trap with its message. */
#include <stdio.h>
#include <string.h>

#include <petrel.h>

static const char* kWat =
    "(module (memory (export \"mem\") 1 2)"
    "  (func (export \"sum\") (param i32 i32) (result i32) (local $s i32)"
    "    (block $done (loop $l"
    "      (br_if $done (i32.eqz (local.get 1)))"
    "      (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get 0))))"
    "      (local.set 0 (i32.add (local.get 0) (i32.const 1)))"
    "      (local.set 1 (i32.sub (local.get 1) (i32.const 1)))"
    "      (br $l)))"
    "    (local.get $s)))";

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = petrel_module_new_from_wat(store, kWat, strlen(kWat), NULL);
  wasm_extern_vec_t no_imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &no_imports, NULL);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_memory_t* memory = wasm_extern_as_memory(exports.data[0]);
  wasm_func_t* sum = wasm_extern_as_func(exports.data[1]);

  byte_t* data = wasm_memory_data(memory);
  for (int i = 0; i < 10; ++i) data[100 + i] = (byte_t)(i + 1);
  wasm_val_t args[] = {WASM_I32_VAL(100), WASM_I32_VAL(10)};
  wasm_val_t results[] = {WASM_INIT_VAL};
  wasm_val_vec_t arg_vec = WASM_ARRAY_VEC(args), res_vec = WASM_ARRAY_VEC(results);
  wasm_func_call(sum, &arg_vec, &res_vec);
  printf("sum of 1..10 in guest memory: %d\n", results[0].of.i32);

  wasm_val_t bad[] = {WASM_I32_VAL(65530), WASM_I32_VAL(10)};
  wasm_val_vec_t bad_vec = WASM_ARRAY_VEC(bad);
  wasm_trap_t* trap = wasm_func_call(sum, &bad_vec, &res_vec);
  wasm_message_t message;
  wasm_trap_message(trap, &message);
  printf("reading past the end: trap \"%s\"\n", message.data);
  wasm_byte_vec_delete(&message);
  wasm_trap_delete(trap);
  wasm_memory_pages_t pages = wasm_memory_size(memory);
  bool grew_1 = wasm_memory_grow(memory, 1);
  bool grew_5 = wasm_memory_grow(memory, 5);  /* the maximum is 2 pages */
  printf("memory: %u page(s), growing by 1: %s, by 5: %s\n", pages, grew_1 ? "ok" : "refused", grew_5 ? "ok" : "refused");

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return 0;
}
