#pragma once
#include <memory>

#include "interp/code.hpp"
#include "ir/module.hpp"

namespace petrel::interp {

// Translates a validated function body into threaded code. `handlers` maps each IOp to the
// executor's label address.
std::unique_ptr<CompiledFunction> translate(const Module& m, uint32_t defined_index, const void* const* handlers);

}  // namespace petrel::interp
