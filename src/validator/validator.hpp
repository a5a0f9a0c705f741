#pragma once
#include "ir/module.hpp"
#include "support/error.hpp"

namespace petrel {

// Validates a decoded or parsed module as the spec's validation chapter prescribes; errors use
// the spec's wording ("type mismatch", "unknown local 3", ...) and name the byte offset.
Result<void> validate_module(const Module& m);

}  // namespace petrel
