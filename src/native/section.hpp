// The "petrel.native" custom section of a universal wasm: a header that says what the code was
// compiled for and from, then a shared object with the compiled code. Other runtimes skip the
// section; Petrel uses it only when every header field matches this host and module.
//
// Payload layout (after the section name; integers little-endian):
//   "PETRELN2"  u32 abi_version  u32 flags (bit 0: metered code)
//   u32 len + platform ("x86_64-linux")   u32 len + cpu level ("x86-64-v3")
//   16 bytes XXH3-128 of the module bytes before this section
//   16 bytes XXH3-128 of the shared object
//   (the header ends here: it is what authenticators cover, with the module and the code)
//   u32 count, then per authenticator: u8 kind, u32 len, len bytes (native/trust.hpp)
//   u64 shared object size, then its bytes
// The XXH3 hashes detect corruption and stale pairings quickly; only an authenticator (a MAC
// with this machine's key, or an Ed25519 signature by a trusted key) makes the code trusted.
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

// Proof of who made a section's code (checked in native/trust.cpp).
enum class AuthKind : uint8_t {
  MachineMac = 1,  // 8-byte key id, then HMAC-SHA256 with a machine's secret key
  Ed25519 = 2,     // 32-byte public key, then a 64-byte Ed25519 signature
};
struct Authenticator {
  AuthKind kind{};
  std::vector<uint8_t> data;
};

struct NativeSection {
  SectionHeader header;
  std::vector<Authenticator> authenticators;
  std::span<const uint8_t> header_bytes;  // the encoded header, as the authenticators cover it
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
// The header of code compiled for this platform from `module`.
SectionHeader header_for(std::span<const uint8_t> module, std::span<const uint8_t> code, std::string cpu, bool metered);
// The header as encoded in a section (the bytes authenticators cover).
std::vector<uint8_t> encode_header(const SectionHeader& header);
// `original` plus a native section holding `code` and `authenticators`.
std::vector<uint8_t> make_universal(std::span<const uint8_t> original, const SectionHeader& header,
                                    std::span<const uint8_t> code, std::span<const Authenticator> authenticators = {});

}  // namespace petrel::native
