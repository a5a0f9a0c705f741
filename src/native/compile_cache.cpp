#include "native/compile_cache.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "native/native_code.hpp"
#include "native/section.hpp"
#include "native/trust.hpp"
#include "runtime/native_abi.hpp"

namespace petrel::native {
namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), {});
}

// Why a cached entry cannot be used for `module` (empty when it can): it must be `module` with
// a native section for this host, authenticated by this machine's key — a cache folder that
// someone else can write must not become a way to run their code.
std::string entry_problem(std::span<const uint8_t> entry, std::span<const uint8_t> module) {
  auto found = find_native_section(entry);
  if (!found || !found->is_last || found->truncated) return "no complete native section";
  if (found->module_end != module.size() || !std::equal(module.begin(), module.end(), entry.begin()))
    return "it holds another module";
  auto section = parse_native_section(found->payload);
  if (!section) return section.error().message;
  if (auto why = header_mismatch(section->header, module, section->code); !why.empty()) return why;
  TrustPolicy own_code_only;
  own_code_only.config_dir = user_config_dir();
  return why_untrusted(*section, module, own_code_only);
}

}  // namespace

std::string cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return (fs::path(xdg) / "petrel").string();
  if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / ".cache" / "petrel").string();
  return (fs::temp_directory_path() / "petrel-cache").string();
}

Result<CacheResult> compile_cached(std::span<const uint8_t> wasm, const CompileRequest& request) {
  // A module that already carries native code is cached by its plain part.
  std::span<const uint8_t> module = wasm;
  if (auto found = find_native_section(wasm); found && found->is_last) module = wasm.subspan(0, found->module_end);
  std::string key_text = fmt::format("abi{}:{}:O{}{}:{}{}", kAbiVersion, kHostPlatform, request.opt_level,
                                     request.optimize_size ? "s" : "", request.target, request.metered ? ":metered" : "");
  std::vector<uint8_t> key_bytes(module.begin(), module.end());
  key_bytes.insert(key_bytes.end(), key_text.begin(), key_text.end());
  fs::path dir = cache_dir();
  fs::path entry = dir / (to_hex(hash_bytes(key_bytes)) + ".wasm");

  CacheResult result;
  std::error_code ec;
  if (fs::exists(entry, ec)) {
    auto bytes = read_all(entry);
    std::string problem = entry_problem(bytes, module);
    if (problem.empty()) {
      result.universal = std::move(bytes);
      result.note = "cache hit: " + entry.string();
      return result;
    }
    result.note = fmt::format("cache entry {} not used ({}); rebuilt; ", entry.string(), problem);
  }
  auto compiled = compile_module(module, request);
  if (!compiled) return std::unexpected(compiled.error());
  result.universal = std::move(*compiled);
  auto key = machine_key(user_config_dir(), true);
  if (!key) {
    result.note += "compiled (not cached: " + key.error().message + ")";
    return result;
  }
  auto authenticated = authenticate(result.universal, &*key, nullptr);
  if (!authenticated) return std::unexpected(authenticated.error());
  result.universal = std::move(*authenticated);
  if (!fs::exists(dir, ec) && fs::create_directories(dir, ec)) fs::permissions(dir, fs::perms::owner_all, ec);
  fs::path tmp = dir / fmt::format(".{}.{}.tmp", entry.filename().string(), getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(result.universal.data()),
              static_cast<std::streamsize>(result.universal.size()));
    if (!out) {
      fs::remove(tmp, ec);
      result.note += "compiled (cache folder " + dir.string() + " not writable)";
      return result;
    }
  }
  fs::rename(tmp, entry, ec);  // atomic: readers see the old entry or the whole new one
  if (ec) {
    fs::remove(tmp, ec);
    result.note += "compiled (cannot store in " + dir.string() + ")";
  } else {
    result.note += "compiled into " + entry.string();
  }
  return result;
}

}  // namespace petrel::native
