#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "support/error.hpp"

namespace petrel::compiler {

// Links one relocatable object into a position-independent shared object with LLVM's lld
// (`ld.lld-19`, or $PETREL_LLD), run as a child process in a private temporary folder.
Result<std::vector<uint8_t>> link_shared_object(std::span<const uint8_t> object);

}  // namespace petrel::compiler
