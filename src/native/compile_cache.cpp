#include "native/compile_cache.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "native/native_code.hpp"
#include "native/section.hpp"
#include "runtime/native_abi.hpp"

namespace petrel::native {
namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), {});
}

// A cached entry is usable when its native section checks out for this module and host.
bool entry_valid(std::span<const uint8_t> entry, std::span<const uint8_t> module) {
  auto found = find_native_section(entry);
  if (!found || !found->is_last || found->truncated) return false;
  if (found->module_end != module.size() || !std::equal(module.begin(), module.end(), entry.begin())) return false;
  auto section = parse_native_section(found->payload);
  if (!section) return false;
  const auto& h = section->header;
  return h.abi_version == kAbiVersion && h.platform == kHostPlatform && host_supports_cpu(h.cpu) &&
         hash_bytes(section->code) == h.code_hash && hash_bytes(module) == h.module_hash;
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
    if (entry_valid(bytes, module)) {
      result.universal = std::move(bytes);
      result.note = "cache hit: " + entry.string();
      return result;
    }
    result.note = "cache entry " + entry.string() + " was corrupt; rebuilt; ";
  }
  auto compiled = compile_module(module, request);
  if (!compiled) return std::unexpected(compiled.error());
  result.universal = std::move(*compiled);
  fs::create_directories(dir, ec);
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
