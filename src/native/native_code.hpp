// Loading compiled code: checks a universal wasm's native section against this host and the
// module, maps the shared object (memfd + dlopen: no compiler, no LLVM) and attaches its
// functions to each instance.
#pragma once
#include <memory>
#include <span>
#include <string>

#include "runtime/instances.hpp"

namespace petrel::native {

struct LoadReport {
  bool had_section = false;  // the module carried compiled code
  bool native = false;       // ... and it will be used
  std::string why_not;       // when it carried code that will not be used
};

// Decodes and validates `bytes` (the module without any native section); unless `use_native`
// is false, attaches the compiled code of a matching native section. A mismatching or broken
// section never fails the load: the module runs interpreted, and `report` says why.
Result<std::shared_ptr<const LoadedModule>> load_module(std::span<const uint8_t> bytes, bool use_native,
                                                        LoadReport* report = nullptr);

// Whether this host can run code compiled for `cpu` (an x86-64 level name).
bool host_supports_cpu(const std::string& cpu);

}  // namespace petrel::native
