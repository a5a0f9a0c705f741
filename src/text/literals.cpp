#include "text/literals.hpp"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace petrel::text {
namespace {

bool is_digit(char c, bool hex) {
  return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}
unsigned digit_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  return static_cast<unsigned>(c - 'A' + 10);
}

// Checks a digit run with optional single underscores between digits; returns its length.
size_t digit_run(std::string_view s, size_t i, bool hex) {
  size_t start = i;
  if (i >= s.size() || !is_digit(s[i], hex)) return 0;
  while (i < s.size()) {
    if (is_digit(s[i], hex)) {
      ++i;
    } else if (s[i] == '_' && i + 1 < s.size() && is_digit(s[i + 1], hex)) {
      ++i;
    } else {
      break;
    }
  }
  return i - start;
}

std::string strip_underscores(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

// Unsigned magnitude of a (sign-less) integer literal; false on bad syntax, sets `overflow`.
bool magnitude(std::string_view s, uint64_t& out, bool& overflow) {
  bool hex = s.size() > 2 && s[0] == '0' && s[1] == 'x';
  size_t i = hex ? 2 : 0;
  size_t n = digit_run(s, i, hex);
  if (n == 0 || i + n != s.size()) return false;
  uint64_t v = 0;
  overflow = false;
  unsigned base = hex ? 16 : 10;
  for (; i < s.size(); ++i) {
    if (s[i] == '_') continue;
    unsigned d = digit_value(s[i]);
    if (v > (UINT64_MAX - d) / base) overflow = true;
    v = v * base + d;
  }
  out = v;
  return true;
}

// Validates float syntax (after an optional sign); nan/inf handled by the caller.
bool valid_float_syntax(std::string_view s) {
  bool hex = s.size() > 2 && s[0] == '0' && s[1] == 'x';
  size_t i = hex ? 2 : 0;
  size_t n = digit_run(s, i, hex);
  if (n == 0) return false;
  i += n;
  if (i < s.size() && s[i] == '.') {
    ++i;
    i += digit_run(s, i, hex);
  }
  if (i < s.size() && (hex ? (s[i] == 'p' || s[i] == 'P') : (s[i] == 'e' || s[i] == 'E'))) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t e = digit_run(s, i, false);
    if (e == 0) return false;
    i += e;
  }
  return i == s.size();
}

template <typename F, typename Bits>
FloatLit parse_float(std::string_view text) {
  constexpr unsigned kMantBits = sizeof(F) == 4 ? 23 : 52;
  constexpr Bits kExpMask = static_cast<Bits>(sizeof(F) == 4 ? 0x7F800000ull : 0x7FF0000000000000ull);
  constexpr Bits kSign = Bits{1} << (sizeof(F) * 8 - 1);
  FloatLit r;
  bool neg = false;
  std::string_view s = text;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  Bits sign = neg ? kSign : 0;
  if (s == "inf") {
    r.status = LitStatus::Ok;
    r.bits = sign | kExpMask;
    return r;
  }
  if (s == "nan") {
    r.status = LitStatus::Ok;
    r.bits = sign | kExpMask | (Bits{1} << (kMantBits - 1));
    return r;
  }
  if (s.starts_with("nan:0x")) {
    uint64_t payload;
    bool overflow;
    if (!magnitude(s.substr(4), payload, overflow)) return r;
    if (overflow || payload == 0 || payload >= (uint64_t{1} << kMantBits)) {
      r.status = LitStatus::OutOfRange;
      return r;
    }
    r.status = LitStatus::Ok;
    r.bits = sign | kExpMask | static_cast<Bits>(payload);
    return r;
  }
  if (!valid_float_syntax(s)) return r;
  std::string clean = strip_underscores(s);
  errno = 0;
  F v;
  if constexpr (sizeof(F) == 4) v = std::strtof(clean.c_str(), nullptr);
  else v = std::strtod(clean.c_str(), nullptr);
  if (std::isinf(v)) {
    r.status = LitStatus::OutOfRange;
    return r;
  }
  r.status = LitStatus::Ok;
  r.bits = std::bit_cast<Bits>(v) | sign;
  return r;
}

}  // namespace

IntLit parse_uint(std::string_view text, unsigned bits) {
  IntLit r;
  uint64_t v;
  bool overflow;
  if (!magnitude(text, v, overflow)) return r;
  if (overflow || (bits < 64 && v >> bits)) {
    r.status = LitStatus::OutOfRange;
    return r;
  }
  r.status = LitStatus::Ok;
  r.value = v;
  return r;
}

IntLit parse_int(std::string_view text, unsigned bits) {
  IntLit r;
  bool neg = false, has_sign = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    neg = text[0] == '-';
    has_sign = true;
    text.remove_prefix(1);
  }
  uint64_t v;
  bool overflow;
  if (!magnitude(text, v, overflow)) return r;
  uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  uint64_t min_mag = uint64_t{1} << (bits - 1);  // |-2^(bits-1)|
  if (overflow || (neg ? v > min_mag : v > mask)) {
    r.status = LitStatus::OutOfRange;
    return r;
  }
  (void)has_sign;
  r.status = LitStatus::Ok;
  r.value = (neg ? (~v + 1) : v) & mask;
  return r;
}

FloatLit parse_f32(std::string_view text) { return parse_float<float, uint32_t>(text); }
FloatLit parse_f64(std::string_view text) { return parse_float<double, uint64_t>(text); }

}  // namespace petrel::text
