#include "native/trust.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

namespace petrel::native {
namespace {

namespace fs = std::filesystem;
using Digest = std::array<uint8_t, 32>;  // BLAKE2b-256

// Each use of SHA-256 and of the signature key has its own prefix (domain separation).
constexpr std::string_view kDigestDomain = "petrel.native authenticated code v2";
constexpr std::string_view kSignatureDomain = "petrel.native signature v2:";
constexpr std::string_view kKeyIdDomain = "petrel machine key id";
constexpr std::string_view kPublicTag = "petrel-ed25519-public";
constexpr std::string_view kSecretTag = "petrel-ed25519-secret";
constexpr size_t kMacSize = 32, kSignatureSize = 64;

std::unexpected<Error> io_error(std::string msg) { return std::unexpected(Error{Error::Kind::Io, std::move(msg), {}}); }

// libsodium: its one-time set-up (CPU features, the random source) before any use.
bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::span<const uint8_t> as_bytes(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

// BLAKE2b-256 over the parts, each preceded by its length (no two inputs hash alike).
Digest digest_of(std::initializer_list<std::span<const uint8_t>> parts) {
  sodium_ready();  // never fails but for a missing random source, which hashing does not need
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, sizeof(Digest));
  for (auto part : parts) {
    uint64_t n = part.size();
    crypto_generichash_update(&state, reinterpret_cast<const uint8_t*>(&n), sizeof n);
    crypto_generichash_update(&state, part.data(), part.size());
  }
  Digest d{};
  crypto_generichash_final(&state, d.data(), d.size());
  return d;
}

// What every authenticator of a section covers.
Digest section_digest(std::span<const uint8_t> header, std::span<const uint8_t> module, std::span<const uint8_t> code) {
  return digest_of({as_bytes(kDigestDomain), header, module, code});
}

Digest mac(const MachineKey& key, const Digest& d) {
  static_assert(crypto_auth_hmacsha256_BYTES == sizeof(Digest) && crypto_auth_hmacsha256_KEYBYTES == 32);
  Digest out{};
  crypto_auth_hmacsha256(out.data(), d.data(), d.size(), key.secret.data());
  return out;
}

std::vector<uint8_t> signed_message(const Digest& d) {
  std::vector<uint8_t> m(kSignatureDomain.size() + d.size());
  std::memcpy(m.data(), kSignatureDomain.data(), kSignatureDomain.size());
  std::memcpy(m.data() + kSignatureDomain.size(), d.data(), d.size());
  return m;
}

// The Ed25519 secret key (seed and public key) of a signing key.
std::array<uint8_t, crypto_sign_SECRETKEYBYTES> expand(const SigningKey& key) {
  sodium_ready();
  std::array<uint8_t, crypto_sign_SECRETKEYBYTES> sk{};
  PublicKey pk{};
  crypto_sign_seed_keypair(pk.data(), sk.data(), key.seed.data());
  return sk;
}

std::array<uint8_t, kSignatureSize> sign(const SigningKey& key, const Digest& d) {
  static_assert(crypto_sign_BYTES == kSignatureSize && crypto_sign_PUBLICKEYBYTES == sizeof(PublicKey));
  auto sk = expand(key);
  auto msg = signed_message(d);
  std::array<uint8_t, kSignatureSize> sig{};
  crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), sk.data());
  sodium_memzero(sk.data(), sk.size());
  return sig;
}

bool verify(const PublicKey& key, std::span<const uint8_t> sig, const Digest& d) {
  if (sig.size() != kSignatureSize) return false;
  auto msg = signed_message(d);
  return crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), key.data()) == 0;
}

std::string hex(std::span<const uint8_t> bytes) {
  std::string s;
  for (uint8_t b : bytes) s += fmt::format("{:02x}", b);
  return s;
}

template <size_t N>
std::optional<std::array<uint8_t, N>> unhex(std::string_view s) {
  if (s.size() != 2 * N) return std::nullopt;
  std::array<uint8_t, N> out{};
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < N; ++i) {
    int hi = nibble(s[2 * i]), lo = nibble(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return out;
}

// Who could change what a key file says. A secret and its folder must be this user's (or
// root's) alone; a public key, or a folder listing trusted keys, must not be writable by
// anyone but its owner; the folder of a public key named by path may also be sticky (as /tmp
// is: nobody can replace another's file there).
enum class KeyPath { Secret, SecretFolder, PublicKey, PublicKeyFolder, TrustedKeysFolder };

std::string unsafe_because(const struct stat& st, KeyPath what) {
  bool own = st.st_uid == geteuid() || st.st_uid == 0;
  bool others_write = (st.st_mode & (S_IWGRP | S_IWOTH)) != 0;
  switch (what) {
    case KeyPath::Secret:
      if (st.st_uid != geteuid()) return "it belongs to another user";
      if (st.st_mode & (S_IRWXG | S_IRWXO)) return "others can read or write it";
      return {};
    case KeyPath::SecretFolder:
    case KeyPath::TrustedKeysFolder:
      if (!own) return "it belongs to another user";
      if (others_write) return "others can write it";
      return {};
    case KeyPath::PublicKey: return others_write ? "others can write it" : "";
    case KeyPath::PublicKeyFolder: return others_write && !(st.st_mode & S_ISVTX) ? "others can write it" : "";
  }
  return {};
}

// The contents of a small key file, refused when it or its folder is not safe.
Result<std::string> read_key_file(const std::string& path, bool secret) {
  struct stat dir_st {};
  std::string dir = fs::path(path).parent_path().string();
  if (stat(dir.empty() ? "." : dir.c_str(), &dir_st) == 0) {
    if (auto why = unsafe_because(dir_st, secret ? KeyPath::SecretFolder : KeyPath::PublicKeyFolder); !why.empty())
      return io_error(fmt::format("{}: not used: its folder is unsafe ({})", path, why));
  }
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return io_error(fmt::format("{}: {}", path, std::strerror(errno)));
  struct stat st {};
  std::string why;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) why = "not a regular file";
  else if (st.st_size > 4096) why = "too large for a key";
  else why = unsafe_because(st, secret ? KeyPath::Secret : KeyPath::PublicKey);
  std::string text(static_cast<size_t>(why.empty() ? st.st_size : 0), '\0');
  if (why.empty() && read(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) why = "cannot read it";
  close(fd);
  if (!why.empty()) return io_error(fmt::format("{}: not used: {}", path, why));
  return text;
}

// "TAG HEX" (with any white space around), or nullopt.
template <size_t N>
std::optional<std::array<uint8_t, N>> parse_tagged(std::string_view text, std::string_view tag) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  text = trim(text);
  if (!text.starts_with(tag)) return std::nullopt;
  std::string_view rest = text.substr(tag.size());
  if (rest.empty() || !std::isspace(static_cast<unsigned char>(rest.front()))) return std::nullopt;
  return unhex<N>(trim(rest));
}

// Writes a new file (never over an existing one) with `mode`.
Result<void> write_new_file(const std::string& path, std::string_view text, mode_t mode) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) return io_error(fmt::format("{}: {}", path, std::strerror(errno)));
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
  close(fd);
  if (!ok) {
    unlink(path.c_str());
    return io_error(fmt::format("{}: cannot write", path));
  }
  return {};
}

MachineKey with_id(const std::array<uint8_t, 32>& secret) {
  MachineKey k;
  k.secret = secret;
  Digest d = digest_of({as_bytes(kKeyIdDomain), secret});
  std::copy_n(d.begin(), k.id.size(), k.id.begin());
  return k;
}

// The public keys in DIR/trusted-keys/*.pub; unsafe or unreadable ones are skipped, with why.
std::vector<PublicKey> trusted_keys_in(const std::string& dir, std::vector<std::string>& notes) {
  std::vector<PublicKey> keys;
  fs::path folder = fs::path(dir) / "trusted-keys";
  std::error_code ec;
  struct stat st {};
  if (stat(folder.c_str(), &st) != 0) return keys;
  if (auto why = unsafe_because(st, KeyPath::TrustedKeysFolder); !why.empty()) {
    notes.push_back(fmt::format("{}: not used: {}", folder.string(), why));
    return keys;
  }
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".pub") continue;
    auto key = read_public_key(entry.path().string());
    if (key) keys.push_back(*key);
    else notes.push_back(key.error().message);
  }
  return keys;
}

}  // namespace

std::string user_config_dir() {
  if (const char* d = std::getenv("PETREL_CONFIG_DIR"); d && *d) return d;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return (fs::path(xdg) / "petrel").string();
  if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / ".config" / "petrel").string();
  return {};
}

Result<MachineKey> machine_key(const std::string& dir, bool create) {
  if (dir.empty()) return io_error("no configuration folder for the machine key (HOME is not set)");
  std::string path = (fs::path(dir) / "machine.key").string();
  auto parse = [&](const std::string& text) -> Result<MachineKey> {
    auto secret = parse_tagged<32>(text, "petrel-machine-key");
    if (!secret) return io_error(fmt::format("{}: not a Petrel machine key", path));
    return with_id(*secret);
  };
  auto existing = read_key_file(path, true);
  if (existing) return parse(*existing);
  if (!create || access(path.c_str(), F_OK) == 0) return std::unexpected(existing.error());
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return io_error(fmt::format("{}: {}", dir, ec.message()));
  if (!sodium_ready()) return io_error("no random source for a machine key");
  std::array<uint8_t, 32> secret{};
  randombytes_buf(secret.data(), secret.size());
  std::string text = fmt::format("petrel-machine-key {}\n", hex(secret));
  sodium_memzero(secret.data(), secret.size());
  // Made under another name and linked into place: a concurrent first use keeps one key.
  std::string tmp = fmt::format("{}.{}.tmp", path, getpid());
  if (auto w = write_new_file(tmp, text, 0600); !w) return std::unexpected(w.error());
  int linked = link(tmp.c_str(), path.c_str());
  unlink(tmp.c_str());
  if (linked != 0 && errno != EEXIST) return io_error(fmt::format("{}: {}", path, std::strerror(errno)));
  auto made = read_key_file(path, true);
  if (!made) return std::unexpected(made.error());
  return parse(*made);
}

Result<PublicKey> read_public_key(const std::string& path) {
  auto text = read_key_file(path, false);
  if (!text) return std::unexpected(text.error());
  auto key = parse_tagged<32>(*text, kPublicTag);
  if (!key) return io_error(fmt::format("{}: not a Petrel public key (expected \"{} HEX\")", path, kPublicTag));
  return *key;
}

Result<SigningKey> read_signing_key(const std::string& path) {
  auto text = read_key_file(path, true);
  if (!text) return std::unexpected(text.error());
  auto seed = parse_tagged<32>(*text, kSecretTag);
  if (!seed) return io_error(fmt::format("{}: not a Petrel signing key (expected \"{} HEX\")", path, kSecretTag));
  SigningKey k;
  k.seed = *seed;
  auto sk = expand(k);
  std::copy_n(sk.begin() + 32, k.public_key.size(), k.public_key.begin());  // libsodium's sk is seed || pk
  sodium_memzero(sk.data(), sk.size());
  return k;
}

std::string format_public_key(const PublicKey& key) { return fmt::format("{} {}", kPublicTag, hex(key)); }

Result<void> write_key_pair(const std::string& base) {
  if (!sodium_ready()) return io_error("no random source for a key");
  SigningKey k;
  randombytes_buf(k.seed.data(), k.seed.size());
  auto sk = expand(k);
  std::copy_n(sk.begin() + 32, k.public_key.size(), k.public_key.begin());
  sodium_memzero(sk.data(), sk.size());
  std::string secret = fmt::format("{} {}\n", kSecretTag, hex(k.seed));
  sodium_memzero(k.seed.data(), k.seed.size());
  auto written = write_new_file(base + ".key", secret, 0600);
  sodium_memzero(secret.data(), secret.size());
  if (!written) return written;
  return write_new_file(base + ".pub", format_public_key(k.public_key) + "\n", 0644);
}

TrustPolicy TrustPolicy::for_user() {
  TrustPolicy p;
  p.config_dir = user_config_dir();
  return p;
}

TrustPolicy TrustPolicy::read_now(const std::string& dir, std::vector<std::string>& notes) {
  TrustPolicy p;
  p.trusted_keys = trusted_keys_in(dir, notes);
  if (access((fs::path(dir) / "machine.key").c_str(), F_OK) == 0) {
    auto key = machine_key(dir, false);
    if (key) p.machine = *key;
    else notes.push_back(key.error().message);
  }
  return p;
}

std::string why_untrusted(const NativeSection& section, std::span<const uint8_t> module, const TrustPolicy& policy) {
  switch (policy.mode) {
    case TrustPolicy::Mode::Never: return "compiled code embedded in modules is not trusted here";
    case TrustPolicy::Mode::Any: return {};
    case TrustPolicy::Mode::Authenticated: break;
  }
  if (section.authenticators.empty()) return "it is not authenticated (neither compiled on this machine nor signed)";
  Digest digest = section_digest(section.header_bytes, module, section.code);
  std::vector<std::string> notes;
  std::optional<Result<MachineKey>> machine;  // read when first needed
  std::optional<std::vector<PublicKey>> trusted;
  for (const Authenticator& a : section.authenticators) {
    if (a.kind == AuthKind::MachineMac && a.data.size() == 8 + kMacSize) {
      if (!machine) machine = policy.machine ? Result<MachineKey>(*policy.machine) : machine_key(policy.config_dir, false);
      if (!*machine) {
        notes.push_back(fmt::format("it was compiled on a machine whose key is not available here ({})",
                                    machine->error().message));
        continue;
      }
      const MachineKey& key = **machine;
      if (!std::equal(key.id.begin(), key.id.end(), a.data.begin())) {
        notes.push_back("it was compiled on another machine (or by another user)");
        continue;
      }
      Digest expected = mac(key, digest);
      if (sodium_memcmp(expected.data(), a.data.data() + 8, kMacSize) == 0) return {};
      notes.push_back("its authentication by this machine's key does not match: it was altered after compiling");
    } else if (a.kind == AuthKind::Ed25519 && a.data.size() == 32 + kSignatureSize) {
      PublicKey key{};
      std::copy_n(a.data.begin(), key.size(), key.begin());
      if (!trusted) {
        trusted = policy.trusted_keys;
        if (!policy.config_dir.empty()) {
          auto more = trusted_keys_in(policy.config_dir, notes);
          trusted->insert(trusted->end(), more.begin(), more.end());
        }
      }
      if (std::find(trusted->begin(), trusted->end(), key) == trusted->end()) {
        notes.push_back(fmt::format("it is signed by a key that is not trusted here ({})", hex(key)));
        continue;
      }
      if (verify(key, std::span(a.data).subspan(32), digest)) return {};
      notes.push_back(fmt::format("its signature by trusted key {} does not verify: it was altered after signing", hex(key)));
    } else {
      notes.push_back("it carries an authenticator of an unknown kind");
    }
  }
  std::string why;
  for (const auto& n : notes) why += (why.empty() ? "" : "; ") + n;
  return why;
}

Result<std::vector<uint8_t>> authenticate(std::span<const uint8_t> universal, const MachineKey* machine,
                                          const SigningKey* signer) {
  auto found = find_native_section(universal);
  if (!found || !found->is_last || found->truncated) return io_error("no petrel.native section to authenticate");
  auto section = parse_native_section(found->payload);
  if (!section) return std::unexpected(section.error());
  auto module = universal.subspan(0, found->module_end);
  Digest digest = section_digest(section->header_bytes, module, section->code);
  std::vector<Authenticator> auths;
  if (machine) {
    Digest m = mac(*machine, digest);
    Authenticator a{AuthKind::MachineMac, {machine->id.begin(), machine->id.end()}};
    a.data.insert(a.data.end(), m.begin(), m.end());
    auths.push_back(std::move(a));
  }
  if (signer) {
    auto sig = sign(*signer, digest);
    Authenticator a{AuthKind::Ed25519, {signer->public_key.begin(), signer->public_key.end()}};
    a.data.insert(a.data.end(), sig.begin(), sig.end());
    auths.push_back(std::move(a));
  }
  return make_universal(module, section->header, section->code, auths);
}

}  // namespace petrel::native
