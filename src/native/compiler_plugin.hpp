// Compiling through libpetrel-compiler.so, loaded on first use: the runtime itself links no
// LLVM, and a process that never compiles never loads it.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "support/error.hpp"

namespace petrel::native {

struct CompileRequest {
  unsigned opt_level = 2;
  bool optimize_size = false;
  std::string target = "native";
  bool metered = false;  // fuel counted as the interpreter counts it (for metered stores)
};

// The universal wasm of `wasm`; an Error when the compiler cannot be found or fails.
Result<std::vector<uint8_t>> compile_module(std::span<const uint8_t> wasm, const CompileRequest& request);

// Where the compiler library was found (or the places searched, when it was not).
std::string compiler_location();

}  // namespace petrel::native
