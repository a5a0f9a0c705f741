// The compile cache behind `petrel run --aot`: universal wasm files under
// $XDG_CACHE_HOME/petrel (else ~/.cache/petrel), named by a hash of the module bytes, the
// native ABI and the compile options. Entries are authenticated with the machine key
// (native/trust.hpp) and used only when that checks out, so whoever can write the folder cannot
// make Petrel run their code; an entry that fails its checks is rebuilt. Entries are written to
// a temporary file and renamed, so concurrent runs never see a partial entry.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "native/compiler_plugin.hpp"
#include "support/error.hpp"

namespace petrel::native {

struct CacheResult {
  std::vector<uint8_t> universal;
  std::string note;  // what happened: "cache hit: PATH", "compiled into PATH", ...
};

// The universal wasm for `wasm`: from the cache when a valid entry exists, else compiled and
// stored (a cache that cannot be written is reported in `note`, not an error). The result was
// checked or made by this process: load it with LoadOptions::made_here.
Result<CacheResult> compile_cached(std::span<const uint8_t> wasm, const CompileRequest& request = {});

// The cache folder in use.
std::string cache_dir();

}  // namespace petrel::native
