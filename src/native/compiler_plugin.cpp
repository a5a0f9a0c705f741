#include "native/compiler_plugin.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "native/compiler_plugin_abi.h"

namespace petrel::native {
namespace {

namespace fs = std::filesystem;
constexpr const char* kPluginName = "libpetrel-compiler.so";

struct Plugin {
  petrel_compile_fn_v2 compile = nullptr;
  petrel_compiler_free_fn_v2 release = nullptr;
  std::string location;  // the file loaded, or what was tried
};

std::vector<fs::path> candidates() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv("PETREL_COMPILER_PLUGIN"); env && *env) out.emplace_back(env);
  // Next to the binary holding this code: build/bin/petrel → build/lib; prefix/bin → prefix/lib.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&compile_module), &info) && info.dli_fname) {
    std::error_code ec;
    fs::path self = fs::canonical(info.dli_fname, ec);
    if (ec) self = fs::path("/proc/self/exe");
    fs::path dir = fs::canonical(self, ec).parent_path();
    out.push_back(dir / kPluginName);
    out.push_back(dir.parent_path() / "lib" / kPluginName);
    out.push_back(dir.parent_path() / "lib" / "petrel" / kPluginName);
  }
#ifdef PETREL_INSTALL_LIBDIR
  out.push_back(fs::path(PETREL_INSTALL_LIBDIR) / kPluginName);
#endif
  return out;
}

const Plugin& plugin() {
  static Plugin p;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string tried;
    for (const auto& c : candidates()) {
      if (access(c.c_str(), R_OK) != 0) {
        tried += (tried.empty() ? "" : ", ") + c.string();
        continue;
      }
      void* h = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!h) {
        tried += (tried.empty() ? "" : ", ") + c.string() + " (" + dlerror() + ")";
        continue;
      }
      p.compile = reinterpret_cast<petrel_compile_fn_v2>(dlsym(h, PETREL_COMPILER_ENTRY));
      p.release = reinterpret_cast<petrel_compiler_free_fn_v2>(dlsym(h, PETREL_COMPILER_FREE));
      if (p.compile && p.release) {
        p.location = c.string();
        return;
      }
      tried += (tried.empty() ? "" : ", ") + c.string() + " (not a Petrel compiler)";
    }
    p.location = "not found; tried " + tried;
  });
  return p;
}

}  // namespace

std::string compiler_location() { return plugin().location; }

Result<std::vector<uint8_t>> compile_module(std::span<const uint8_t> wasm, const CompileRequest& request) {
  const Plugin& p = plugin();
  if (!p.compile)
    return std::unexpected(Error{Error::Kind::Io,
                                 "the compiler (" + std::string(kPluginName) + ") is " + p.location +
                                     " (set PETREL_COMPILER_PLUGIN, or build with LLVM)",
                                 {}});
  petrel_compile_request_v2 req{request.opt_level, request.optimize_size ? 1u : 0u, request.target.c_str(),
                                request.metered ? 1u : 0u};
  uint8_t* out = nullptr;
  size_t out_len = 0;
  char* error = nullptr;
  if (p.compile(wasm.data(), wasm.size(), &req, &out, &out_len, &error) != 0) {
    std::string msg = error ? error : "compilation failed";
    p.release(error);
    return std::unexpected(Error{Error::Kind::Invalid, msg, {}});
  }
  std::vector<uint8_t> bytes(out, out + out_len);
  p.release(out);
  return bytes;
}

}  // namespace petrel::native
