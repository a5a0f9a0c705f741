// Encodes module IR back into the binary format: modules written as text reach the compiler
// (which takes binary modules) and serialisation through this one encoder.
#pragma once
#include <cstdint>
#include <vector>

#include "ir/module.hpp"

namespace petrel {

// The module in the binary format, sections in the spec's order; function names (from the
// text format's $ids or a decoded name section) go into a "name" section.
std::vector<uint8_t> encode_module(const Module& m);

}  // namespace petrel
