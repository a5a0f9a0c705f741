#pragma once
#include <cstdint>
#include <set>

#include "ir/module.hpp"
#include "support/error.hpp"

namespace petrel {

// Validates the body of defined function `index` (0-based among defined functions).
// `declared_refs` is C.refs: the functions ref.func may name.
Result<void> validate_function(const Module& m, uint32_t index, const std::set<uint32_t>& declared_refs);

}  // namespace petrel
