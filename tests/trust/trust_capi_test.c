/* The C API's trust in native code (petrel.h): a compiled engine ignores a universal wasm's
 * foreign code unless its policy trusts it; an interpreter engine never loads any.
 * Usage: petrel_trust_capi_test FORGED.wasm SIGNED.wasm SIGNER.pub (made by native_trust.sh,
 * with PETREL_TEST_MARKER naming the file the foreign code's constructor writes). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "petrel.h"

static int passed = 0, failed = 0;
static void check(int cond, const char* what) {
  if (cond) {
    ++passed;
  } else {
    ++failed;
    fprintf(stderr, "FAILED: %s\n", what);
  }
}

/* Whether loading FILE in an engine configured by `configure` ran the foreign code. */
static int foreign_code_ran(const char* file, petrel_engine_kind_t kind, petrel_native_trust_t trust, const char* key) {
  const char* marker = getenv("PETREL_TEST_MARKER");
  unlink(marker);
  wasm_config_t* config = wasm_config_new();
  petrel_config_set_engine(config, kind);
  petrel_config_set_native_trust(config, trust);
  if (key) {
    wasm_message_t error;
    check(petrel_config_add_trusted_key_file(config, key, &error), "a key file is accepted");
  }
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = petrel_module_new_from_file(store, file, NULL);
  check(module != NULL, "the module loads (interpreted or compiled)");
  if (module) wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return access(marker, F_OK) == 0;
}

int main(int argc, char** argv) {
  if (argc != 4 || !getenv("PETREL_TEST_MARKER")) {
    fprintf(stderr, "usage: PETREL_TEST_MARKER=FILE %s FORGED.wasm SIGNED.wasm SIGNER.pub\n", argv[0]);
    return 2;
  }
  const char *forged = argv[1], *signed_file = argv[2], *key = argv[3];
  check(!foreign_code_ran(forged, PETREL_ENGINE_COMPILED, PETREL_NATIVE_TRUST_AUTHENTICATED, NULL),
        "compiled engine, default trust: forged code is not loaded");
  check(!foreign_code_ran(signed_file, PETREL_ENGINE_COMPILED, PETREL_NATIVE_TRUST_AUTHENTICATED, NULL),
        "compiled engine: code signed by a key not trusted is not loaded");
  check(!foreign_code_ran(signed_file, PETREL_ENGINE_COMPILED, PETREL_NATIVE_TRUST_NONE, key),
        "trust NONE: not even trusted signed code is loaded");
  check(foreign_code_ran(signed_file, PETREL_ENGINE_COMPILED, PETREL_NATIVE_TRUST_AUTHENTICATED, key),
        "code signed by a trusted key is loaded");
  check(foreign_code_ran(forged, PETREL_ENGINE_COMPILED, PETREL_NATIVE_TRUST_ANY_UNSAFE, NULL),
        "ANY_UNSAFE loads any code (as documented)");
  check(!foreign_code_ran(forged, PETREL_ENGINE_INTERPRETER, PETREL_NATIVE_TRUST_ANY_UNSAFE, NULL),
        "an interpreter engine never loads native code");

  wasm_config_t* config = wasm_config_new();
  wasm_message_t error;
  check(!petrel_config_add_trusted_key_file(config, "/nonexistent/key.pub", &error), "a missing key file is refused");
  check(error.size > 0 && error.data[error.size - 1] == '\0', "with a message");
  wasm_byte_vec_delete(&error);
  wasm_config_delete(config);

  printf("C API native trust: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
