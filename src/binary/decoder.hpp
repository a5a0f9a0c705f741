#pragma once
#include <cstdint>
#include <span>

#include "ir/module.hpp"
#include "support/error.hpp"

namespace petrel {

// Decodes a module in the binary format. Malformed input yields an Error carrying the spec's
// message and the byte offset; no input makes it crash, hang or allocate without bound.
Result<Module> decode_module(std::span<const uint8_t> bytes);

}  // namespace petrel
