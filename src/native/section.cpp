#include "native/section.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>
#include <string_view>

#include "runtime/native_abi.hpp"
#include "support/byte_reader.hpp"
#include "support/leb128_writer.hpp"

namespace petrel::native {
namespace {

constexpr char kMagic[8] = {'P', 'E', 'T', 'R', 'E', 'L', 'N', '2'};
// The format before authenticators (Petrel 0.1): recognised only to say so.
constexpr char kUnauthenticatedMagic[8] = {'P', 'E', 'T', 'R', 'E', 'L', 'N', 'C'};
constexpr uint32_t kMaxAuthenticators = 16;
constexpr uint32_t kMaxAuthenticatorSize = 256;

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void put_u64(std::vector<uint8_t>& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void put_string(std::vector<uint8_t>& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

// Reads the fixed-width fields of the payload, failing cleanly on truncation.
class PayloadReader {
 public:
  explicit PayloadReader(std::span<const uint8_t> p) : p_(p) {}
  bool bytes(void* out, size_t n) {
    if (n > p_.size() - pos_) return false;
    std::memcpy(out, p_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool u32(uint32_t& v) {
    uint8_t b[4];
    if (!bytes(b, 4)) return false;
    v = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<uint32_t>(b[3]) << 24);
    return true;
  }
  bool u64(uint64_t& v) {
    uint32_t lo, hi;
    if (!u32(lo) || !u32(hi)) return false;
    v = lo | (static_cast<uint64_t>(hi) << 32);
    return true;
  }
  bool string(std::string& s) {
    uint32_t n;
    if (!u32(n) || n > 256 || n > p_.size() - pos_) return false;
    s.assign(reinterpret_cast<const char*>(p_.data() + pos_), n);
    pos_ += n;
    return true;
  }
  bool u8(uint8_t& v) { return bytes(&v, 1); }
  bool span(std::span<const uint8_t>& out, size_t n) {
    if (n > p_.size() - pos_) return false;
    out = p_.subspan(pos_, n);
    pos_ += n;
    return true;
  }
  std::span<const uint8_t> rest() const { return p_.subspan(pos_); }
  size_t pos() const { return pos_; }

 private:
  std::span<const uint8_t> p_;
  size_t pos_ = 0;
};

}  // namespace

Hash128 hash_bytes(std::span<const uint8_t> bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, h);
  Hash128 out;
  std::memcpy(out.data(), c.digest, 16);
  return out;
}

std::string to_hex(const Hash128& h) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (uint8_t b : h) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

std::optional<FoundSection> find_native_section(std::span<const uint8_t> module) {
  if (module.size() < 8) return std::nullopt;
  ByteReader r(module.subspan(8), 8);
  std::optional<FoundSection> found;
  while (!r.at_end()) {
    size_t start = 8 + r.pos();
    auto id = r.u8();
    auto size = id ? r.u32() : Result<uint32_t>(std::unexpected(id.error()));
    if (!size) return std::nullopt;
    size_t body = r.pos();
    if (*size > r.remaining()) {
      // A native section cut short (a truncated download, say): the module before it is whole.
      ByteReader nr(r.data().subspan(body));
      auto len = nr.u32();
      if (*id == 0 && len && *len == kSectionName.size() && *len <= nr.remaining() &&
          std::memcmp(nr.data().data() + nr.pos(), kSectionName.data(), *len) == 0)
        return FoundSection{start, true, true, {}};
      return std::nullopt;
    }
    if (*id == 0) {
      ByteReader nr(r.data().subspan(body, *size));
      auto len = nr.u32();
      if (len && *len <= nr.remaining()) {
        std::string_view name(reinterpret_cast<const char*>(nr.data().data() + nr.pos()), *len);
        if (name == kSectionName) {
          size_t payload_at = body + nr.pos() + *len;
          found = FoundSection{start, false, false, r.data().subspan(payload_at, body + *size - payload_at)};
        }
      }
    }
    r.seek(body + *size);
    if (found && found->module_end == start) found->is_last = r.at_end();
  }
  return found;
}

Result<NativeSection> parse_native_section(std::span<const uint8_t> payload) {
  auto bad = [](const char* what) {
    return std::unexpected(Error{Error::Kind::Malformed, std::string("petrel.native section: ") + what, {}});
  };
  PayloadReader r(payload);
  char magic[8];
  NativeSection s;
  uint32_t flags = 0;
  uint64_t code_size = 0;
  if (!r.bytes(magic, 8)) return bad("bad magic");
  if (std::memcmp(magic, kUnauthenticatedMagic, 8) == 0)
    return bad("made by an older Petrel, in a format without authentication (compile it again)");
  if (std::memcmp(magic, kMagic, 8) != 0) return bad("bad magic");
  if (!r.u32(s.header.abi_version) || !r.u32(flags)) return bad("truncated header");
  if (!r.string(s.header.platform) || !r.string(s.header.cpu)) return bad("truncated header");
  if (!r.bytes(s.header.module_hash.data(), 16) || !r.bytes(s.header.code_hash.data(), 16)) return bad("truncated header");
  s.header_bytes = payload.subspan(0, r.pos());
  uint32_t count = 0;
  if (!r.u32(count)) return bad("truncated header");
  if (count > kMaxAuthenticators) return bad("too many authenticators");
  for (uint32_t i = 0; i < count; ++i) {
    uint8_t kind = 0;
    uint32_t len = 0;
    std::span<const uint8_t> data;
    if (!r.u8(kind) || !r.u32(len) || len > kMaxAuthenticatorSize || !r.span(data, len)) return bad("truncated authenticator");
    s.authenticators.push_back({static_cast<AuthKind>(kind), {data.begin(), data.end()}});
  }
  if (!r.u64(code_size)) return bad("truncated header");
  if (code_size != r.rest().size()) return bad("code size does not match the section size (truncated?)");
  if (flags & ~1u) return bad("unknown flags");
  s.header.metered = (flags & 1u) != 0;
  s.code = r.rest();
  return s;
}

SectionHeader header_for(std::span<const uint8_t> module, std::span<const uint8_t> code, std::string cpu, bool metered) {
  SectionHeader h;
  h.abi_version = kAbiVersion;
  h.platform = std::string(kHostPlatform);
  h.cpu = std::move(cpu);
  h.module_hash = hash_bytes(module);
  h.code_hash = hash_bytes(code);
  h.metered = metered;
  return h;
}

std::vector<uint8_t> encode_header(const SectionHeader& h) {
  std::vector<uint8_t> out;
  for (char c : kMagic) out.push_back(static_cast<uint8_t>(c));
  put_u32(out, h.abi_version);
  put_u32(out, h.metered ? 1u : 0u);
  put_string(out, h.platform);
  put_string(out, h.cpu);
  out.insert(out.end(), h.module_hash.begin(), h.module_hash.end());
  out.insert(out.end(), h.code_hash.begin(), h.code_hash.end());
  return out;
}

std::vector<uint8_t> make_universal(std::span<const uint8_t> original, const SectionHeader& h,
                                    std::span<const uint8_t> code, std::span<const Authenticator> authenticators) {
  std::vector<uint8_t> payload;
  payload.reserve(256 + code.size());
  write_uleb(payload, kSectionName.size());
  for (char c : kSectionName) payload.push_back(static_cast<uint8_t>(c));
  auto header = encode_header(h);
  payload.insert(payload.end(), header.begin(), header.end());
  put_u32(payload, static_cast<uint32_t>(authenticators.size()));
  for (const Authenticator& a : authenticators) {
    payload.push_back(static_cast<uint8_t>(a.kind));
    put_u32(payload, static_cast<uint32_t>(a.data.size()));
    payload.insert(payload.end(), a.data.begin(), a.data.end());
  }
  put_u64(payload, code.size());
  payload.insert(payload.end(), code.begin(), code.end());
  std::vector<uint8_t> out(original.begin(), original.end());
  out.push_back(0);
  write_uleb(out, payload.size());
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

}  // namespace petrel::native
