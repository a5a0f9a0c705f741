// The "petrel.native" custom section of a universal wasm: a header that says what the code was
// compiled for and from, then a shared object with the compiled code. Other runtimes skip the
// section; Petrel uses it only when every header field matches this host and module.
//
// Payload layout (after the section name; integers little-endian):
//   "PETRELNC"  u32 abi_version  u32 flags (bit 0: metered code)
//   u32 len + platform ("x86_64-linux")   u32 len + cpu level ("x86-64-v3")
//   16 bytes XXH3-128 of the module bytes before this section
//   16 bytes XXH3-128 of the shared object
//   u64 shared object size, then its bytes
// The hashes detect corruption and stale pairings, not tampering: a universal wasm carries
// native code, so it deserves the trust one would give a native library.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "support/error.hpp"

namespace petrel::native {

using Hash128 = std::array<uint8_t, 16>;
Hash128 hash_bytes(std::span<const uint8_t> bytes);
std::string to_hex(const Hash128& h);

struct SectionHeader {
  uint32_t abi_version = 0;
  std::string platform;
  std::string cpu;
  Hash128 module_hash{};
  Hash128 code_hash{};
  bool metered = false;  // the code counts fuel (and suits metered stores)
};

struct NativeSection {
  SectionHeader header;
  std::span<const uint8_t> code;
};

// Where a module's native section is: `module_end` is where the module proper ends (the
// section's first byte); `payload` follows the section's name.
struct FoundSection {
  size_t module_end = 0;
  bool is_last = false;
  bool truncated = false;  // the file ends inside the section (the module before it is intact)
  std::span<const uint8_t> payload;
};
// Scans the section headers of a binary module; nullopt when there is no native section or the
// framing is broken (the decoder reports that properly).
std::optional<FoundSection> find_native_section(std::span<const uint8_t> module);

Result<NativeSection> parse_native_section(std::span<const uint8_t> payload);
// `original` plus a native section holding `code`.
std::vector<uint8_t> make_universal(std::span<const uint8_t> original, const SectionHeader& header,
                                    std::span<const uint8_t> code);

}  // namespace petrel::native
