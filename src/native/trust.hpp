// Which compiled code Petrel runs. A universal wasm's native section is a shared object: loading
// it runs its code with the user's rights, so it is used only when it is authenticated —
//   * made on this machine: a MAC (HMAC-SHA256) with a secret key kept in the user's
//     configuration folder (machine.key, 0600, created on first compile), or
//   * signed (Ed25519) by a key the user trusts: `--trust KEY.pub`, or a KEY.pub in the
//     configuration folder's trusted-keys/.
// Both cover one BLAKE2b-256 digest of the section header, the module and the code (libsodium).
// Anything else is ignored (the module runs interpreted, or is compiled afresh), unless the
// policy says Any (`--allow-unsigned-native`: WasmEdge's behaviour, dangerous).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "native/section.hpp"
#include "support/error.hpp"

namespace petrel::native {

using PublicKey = std::array<uint8_t, 32>;

// An Ed25519 key pair for signing compiled code.
struct SigningKey {
  std::array<uint8_t, 32> seed{};
  PublicKey public_key{};
};

// A machine's secret for authenticating the code compiled on it.
struct MachineKey {
  std::array<uint8_t, 32> secret{};
  std::array<uint8_t, 8> id{};  // names the key in sections without revealing it
};

// The user's configuration folder: $PETREL_CONFIG_DIR, else $XDG_CONFIG_HOME/petrel, else
// ~/.config/petrel.
std::string user_config_dir();

// DIR/machine.key; when `create` and there is none, a new random key is made (0600, in a
// folder made 0700). A key file that others could read or replace is refused.
Result<MachineKey> machine_key(const std::string& dir, bool create);

// Key files: "petrel-ed25519-public HEX" (KEY.pub) and "petrel-ed25519-secret HEX" (KEY.key,
// 0600). `write_key_pair` makes both from BASE (BASE.key, BASE.pub), refusing to overwrite.
Result<PublicKey> read_public_key(const std::string& path);
Result<SigningKey> read_signing_key(const std::string& path);
Result<void> write_key_pair(const std::string& base);
std::string format_public_key(const PublicKey& key);

struct TrustPolicy {
  enum class Mode {
    Authenticated,  // made on this machine, or signed by a trusted key (the default)
    Never,          // never run a module's own native code
    Any,            // any section that matches this host (dangerous: --allow-unsigned-native)
  };
  Mode mode = Mode::Authenticated;
  std::string config_dir;               // machine.key and trusted-keys/*.pub, read when needed
  std::vector<PublicKey> trusted_keys;  // beyond those in trusted-keys/
  std::optional<MachineKey> machine;    // beyond config_dir's

  // The default for a user's process: their configuration folder.
  static TrustPolicy for_user();
  // The keys of `dir` read now (for a process that loses access to them, as petrel-oci's
  // container does at pivot_root); `notes` gets the key files refused, and why.
  static TrustPolicy read_now(const std::string& dir, std::vector<std::string>& notes);
};

// Empty when the native section of `module` is trusted under `policy`; else why not.
std::string why_untrusted(const NativeSection& section, std::span<const uint8_t> module, const TrustPolicy& policy);

// `universal` with its native section authenticated by `machine` and/or signed by `signer`
// (the authenticators it had are replaced).
Result<std::vector<uint8_t>> authenticate(std::span<const uint8_t> universal, const MachineKey* machine,
                                          const SigningKey* signer);

}  // namespace petrel::native
