// `petrel compile`: wasm bytes in, universal wasm bytes out (the module plus its native code).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "support/error.hpp"

namespace petrel::compiler {

struct CompileOptions {
  unsigned opt_level = 2;  // 0-3
  bool optimize_size = false;
  // native (the best x86-64 level this host has), generic (x86-64), or a level: x86-64-v2,
  // x86-64-v3, x86-64-v4. Levels are what the loader can check on the running host.
  std::string target = "native";
  // Count fuel per straight-line segment, exactly as the metered interpreter does.
  bool metered = false;
};

Result<std::vector<uint8_t>> compile_universal(std::span<const uint8_t> wasm, const CompileOptions& options);

}  // namespace petrel::compiler
