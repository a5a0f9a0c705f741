#pragma once
#include <memory>
#include <string>

#include "native/trust.hpp"
#include "runtime/instances.hpp"

namespace petrel::tools {

struct ModuleFileOptions {
  bool use_native = true;  // attach the compiled code of a universal wasm
  bool verbose = false;    // say on stderr which engine runs the module, and why
  bool aot = false;        // compile through the compile cache first (petrel run --aot)
  native::TrustPolicy trust = native::TrustPolicy::for_user();  // which embedded code may run
};

// Reads FILE (.wat/.wast text or binary, told apart by the magic bytes), decodes or parses
// it, and validates it. Errors name the file, the position and the reason.
Result<std::shared_ptr<const LoadedModule>> load_module_file(const std::string& path,
                                                             const ModuleFileOptions& options = {});
// The file's bytes, or an Io error naming it.
Result<std::string> read_file_bytes(const std::string& path);

}  // namespace petrel::tools
