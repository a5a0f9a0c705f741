#pragma once
#include <memory>

#include "interp/code.hpp"
#include "ir/module.hpp"

namespace petrel::interp {

// Translates a validated function body into threaded code. `handlers` maps each IOp to the
// executor's label address. Metered code starts every straight-line segment (function entry,
// loop heads, code after a label or a conditional branch) with a Fuel instruction charging
// the segment's wasm instruction count: one unit of fuel per instruction, deterministically.
std::unique_ptr<CompiledFunction> translate(const Module& m, uint32_t defined_index, const void* const* handlers,
                                            bool metered = false);

}  // namespace petrel::interp
