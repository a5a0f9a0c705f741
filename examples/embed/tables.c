/* Tables: the host reads a module's function table, grows it, stores a host function in the
 * new slot, and wasm calls it through call_indirect; an empty slot traps. */
#include <stdio.h>
#include <string.h>

#include <petrel.h>

static const char* kWat =
    "(module"
    "  (type $i2i (func (param i32) (result i32)))"
    "  (table (export \"table\") 2 10 funcref)"
    "  (elem (i32.const 0) $double $square)"
    "  (func $double (type $i2i) (i32.mul (local.get 0) (i32.const 2)))"
    "  (func $square (type $i2i) (i32.mul (local.get 0) (local.get 0)))"
    "  (func (export \"apply\") (param i32 i32) (result i32)"
    "    (call_indirect (type $i2i) (local.get 1) (local.get 0))))";

static wasm_trap_t* negate(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = -args->data[0].of.i32;
  return NULL;
}

static void apply(const wasm_func_t* fn, int slot, int x) {
  wasm_val_t in[] = {WASM_I32_VAL(slot), WASM_I32_VAL(x)}, out[] = {WASM_I32_VAL(0)};
  wasm_val_vec_t args = WASM_ARRAY_VEC(in), results = WASM_ARRAY_VEC(out);
  wasm_trap_t* trap = wasm_func_call(fn, &args, &results);
  if (trap) {
    wasm_message_t msg;
    wasm_trap_message(trap, &msg);
    printf("slot %d: trap \"%s\"\n", slot, msg.data);
    wasm_byte_vec_delete(&msg);
    wasm_trap_delete(trap);
  } else {
    printf("slot %d applied to %d: %d\n", slot, x, out[0].of.i32);
  }
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_message_t error;
  wasm_module_t* module = petrel_module_new_from_wat(store, kWat, strlen(kWat), &error);
  if (!module) return fprintf(stderr, "%s\n", error.data), 1;
  wasm_extern_vec_t none = WASM_EMPTY_VEC, exports;
  wasm_instance_t* instance = wasm_instance_new(store, module, &none, NULL);
  wasm_instance_exports(instance, &exports);
  wasm_table_t* table = wasm_extern_as_table(exports.data[0]);
  const wasm_func_t* apply_fn = wasm_extern_as_func(exports.data[1]);

  printf("table size: %u\n", wasm_table_size(table));
  apply(apply_fn, 0, 21);
  apply(apply_fn, 1, 7);
  bool grown = wasm_table_grow(table, 2, NULL);
  printf("grown by 2: %s, size %u; past the maximum: %s\n", grown ? "ok" : "refused", wasm_table_size(table),
         wasm_table_grow(table, 100, NULL) ? "ok" : "refused");
  wasm_functype_t* type = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
  wasm_func_t* host = wasm_func_new(store, type, negate);
  wasm_table_set(table, 2, wasm_func_as_ref(host));
  apply(apply_fn, 2, 5);
  apply(apply_fn, 3, 5);

  wasm_func_delete(host);
  wasm_functype_delete(type);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return 0;
}
