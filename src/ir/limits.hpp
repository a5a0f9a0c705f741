// Implementation limits: inputs beyond them are refused with a clear error instead of
// exhausting memory or the native stack. Documented in the README.
#pragma once
#include <cstdint>

namespace petrel::limits {

// Nested blocks/loops/ifs in one function, and nested folded expressions in text.
constexpr uint32_t kMaxNesting = 10000;
// Locals declared by one function.
constexpr uint64_t kMaxLocals = 50000;

}  // namespace petrel::limits
