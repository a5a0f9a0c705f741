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
  bool metered = false;    // the store counts fuel: --aot compiles metered code
  native::TrustPolicy trust = native::TrustPolicy::for_user();  // which embedded code may run
};

// What loading found out, for `petrel run --stats`.
struct ModuleFileReport {
  bool native = false;     // compiled code is attached (instantiation may still refuse it)
  std::string why_not;     // when it is not: why
  uint64_t compile_ns = 0;  // --aot: compiling, or finding the module in the compile cache
};

// Reads FILE (.wat/.wast text or binary, told apart by the magic bytes), decodes or parses
// it, and validates it. Errors name the file, the position and the reason.
Result<std::shared_ptr<const LoadedModule>> load_module_file(const std::string& path,
                                                             const ModuleFileOptions& options = {},
                                                             ModuleFileReport* report = nullptr);
// The file's bytes, or an Io error naming it.
Result<std::string> read_file_bytes(const std::string& path);
// Writes `bytes` to a temporary file beside `path`, then renames it: readers never see a
// partial file. An Io error names the file.
Result<void> write_file_atomically(const std::string& path, std::span<const uint8_t> bytes);

}  // namespace petrel::tools
