// The exported C entry points of libpetrel-compiler.so (see native/compiler_plugin_abi.h).
#include <cstdlib>
#include <cstring>

#include "compiler/compiler.hpp"
#include "native/compiler_plugin_abi.h"

namespace {
char* copy_string(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p) std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}
}  // namespace

extern "C" __attribute__((visibility("default"))) int petrel_compiler_compile_v2(
    const uint8_t* wasm, size_t wasm_len, const petrel_compile_request_v2* request, uint8_t** out, size_t* out_len,
    char** error) {
  petrel::compiler::CompileOptions options;
  if (request) {
    options.opt_level = request->opt_level > 3 ? 3 : request->opt_level;
    options.optimize_size = request->optimize_size != 0;
    if (request->target) options.target = request->target;
    options.metered = request->metered != 0;
  }
  auto result = petrel::compiler::compile_universal(std::span<const uint8_t>(wasm, wasm_len), options);
  if (!result) {
    *error = copy_string(result.error().describe());
    return 1;
  }
  *out_len = result->size();
  *out = static_cast<uint8_t*>(std::malloc(result->size()));
  if (!*out) {
    *error = copy_string("out of memory");
    return 1;
  }
  std::memcpy(*out, result->data(), result->size());
  return 0;
}

extern "C" __attribute__((visibility("default"))) void petrel_compiler_free_v2(void* p) { std::free(p); }
