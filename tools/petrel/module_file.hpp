#pragma once
#include <memory>
#include <string>

#include "runtime/instances.hpp"

namespace petrel::tools {

// Reads FILE (.wat/.wast text or binary, told apart by the magic bytes), decodes or parses
// it, and validates it. Errors name the file, the position and the reason.
Result<std::shared_ptr<const LoadedModule>> load_module_file(const std::string& path);

}  // namespace petrel::tools
