// Running a WASI command module (`_start`) to its end: what `petrel run` does without
// options, and what an embedding tool (the OCI runtime) does for a container's process.
#pragma once
#include <memory>

#include "host/wasi/wasi.hpp"

namespace petrel::wasi {

// Links the module's WASI imports, instantiates it in `store`, calls `_start` and returns the
// guest's exit status: 0 when `_start` returns, else the status given to `proc_exit`. A trap,
// or a module that cannot be linked or instantiated, comes back as the error. When the module
// carries compiled code that cannot be used, `native_fallback` (if given) receives why.
Result<int> run_command(Store& store, const std::shared_ptr<const LoadedModule>& module, Options options,
                        std::string* native_fallback = nullptr);

}  // namespace petrel::wasi
