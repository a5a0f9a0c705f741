/* The C interface of libpetrel-compiler.so, the LLVM-based compiler that the runtime loads
 * only when asked to compile (so neither the runtime nor a plain `petrel run` loads LLVM). */
#ifndef PETREL_COMPILER_PLUGIN_ABI_H
#define PETREL_COMPILER_PLUGIN_ABI_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PETREL_COMPILER_ENTRY "petrel_compiler_compile_v2"
#define PETREL_COMPILER_FREE "petrel_compiler_free_v2"

typedef struct petrel_compile_request_v2 {
  uint32_t opt_level;     /* 0 to 3 */
  uint32_t optimize_size; /* optimise for size */
  const char* target;     /* native, generic, x86-64-v2, and so on */
  uint32_t metered;       /* count fuel exactly as the interpreter does */
} petrel_compile_request_v2;

/* Compiles `wasm` into a universal wasm. Returns 0 and sets *out and *out_len, or non-zero and
 * sets *error (a NUL-terminated message). Free both with the free entry. */
typedef int (*petrel_compile_fn_v2)(const uint8_t* wasm, size_t wasm_len, const petrel_compile_request_v2* request,
                                     uint8_t** out, size_t* out_len, char** error);
typedef void (*petrel_compiler_free_fn_v2)(void* p);

#ifdef __cplusplus
}
#endif
#endif
