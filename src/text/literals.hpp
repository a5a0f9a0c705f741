// Numeric literals of the text format: integers (decimal, hex, underscores, signs) and floats
// (decimal, hex, inf, nan, nan:0x payloads), converted with correct rounding.
#pragma once
#include <cstdint>
#include <string_view>

namespace petrel::text {

enum class LitStatus { Ok, Malformed, OutOfRange };

struct IntLit {
  LitStatus status = LitStatus::Malformed;
  uint64_t value = 0;  // two's complement of the literal in `bits` bits
};

// An unsigned literal (no sign), such as an index or `offset=`, that must fit in `bits` bits.
IntLit parse_uint(std::string_view text, unsigned bits);
// An iN.const literal: signed or unsigned, in [-2^(bits-1), 2^bits - 1].
IntLit parse_int(std::string_view text, unsigned bits);

struct FloatLit {
  LitStatus status = LitStatus::Malformed;
  uint64_t bits = 0;  // IEEE-754 bits of the f32 (low 32) or f64
};
FloatLit parse_f32(std::string_view text);
FloatLit parse_f64(std::string_view text);

}  // namespace petrel::text
