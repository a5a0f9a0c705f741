// Loading compiled code: checks a universal wasm's native section against this host and the
// module, maps the shared object (memfd + dlopen: no compiler, no LLVM) and attaches its
// functions to each instance.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "native/trust.hpp"
#include "runtime/instances.hpp"

namespace petrel::native {

struct LoadReport {
  bool had_section = false;  // the module carried compiled code
  bool native = false;       // ... and it will be used
  std::string why_not;       // when it carried code that will not be used
};

struct LoadOptions {
  bool use_native = true;  // false: ignore any native section
  TrustPolicy trust = TrustPolicy::for_user();
  // The bytes were compiled, or checked, by this process just now (the compile cache's
  // result): their section needs no authentication.
  bool made_here = false;
};

// Decodes and validates `bytes` (the module without any native section), then attaches its
// compiled code as attach_native does.
Result<std::shared_ptr<const LoadedModule>> load_module(std::span<const uint8_t> bytes, const LoadOptions& options,
                                                        LoadReport* report = nullptr);
// Attaches the compiled code of the native section of `bytes` (the file `module` was loaded
// from) when the section matches this host and module and is trusted under `options`; only
// then is the code mapped and run (its initialisers too). A mismatching, untrusted or broken
// section never fails: the module runs interpreted, and `report` says why.
void attach_native(const std::shared_ptr<const LoadedModule>& module, std::span<const uint8_t> bytes,
                   const LoadOptions& options, LoadReport& report);

// attach_native in two steps, for a process that confines itself in between (petrel-oci):
// check_native decides (reading key files, running nothing of the code); load_native maps the
// code it accepted. The span points into `bytes`, which must outlive the pair.
struct CheckedCode {
  std::span<const uint8_t> code;
  bool metered = false;
};
std::optional<CheckedCode> check_native(std::span<const uint8_t> bytes, const LoadOptions& options, LoadReport& report);
// The code goes into a sealed memfd that the dynamic loader opens as FD_DIR/N: a process
// without /proc (a container after pivot_root) names a directory it kept open, relative to its
// working directory.
void load_native(const std::shared_ptr<const LoadedModule>& module, const CheckedCode& code, LoadReport& report,
                 std::string_view fd_dir = "/proc/self/fd");

// Why code with header `h`, compiled from `module`, cannot run on this host; empty when it can.
std::string header_mismatch(const SectionHeader& h, std::span<const uint8_t> module, std::span<const uint8_t> code);

// Whether this host can run code compiled for `cpu` (an x86-64 level name).
bool host_supports_cpu(const std::string& cpu);

}  // namespace petrel::native
