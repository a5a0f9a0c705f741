// Bounds-checked reading of the binary format's primitives (bytes, LEB128, floats, names).
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

#include "support/error.hpp"

namespace petrel {

class ByteReader {
 public:
  // `base` is the offset of data[0] in the whole file, so errors name file offsets.
  explicit ByteReader(std::span<const uint8_t> data, uint64_t base = 0) : data_(data), base_(base) {}

  size_t pos() const { return pos_; }
  uint64_t offset() const { return base_ + pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ >= data_.size(); }
  void seek(size_t p) { pos_ = p; }
  std::span<const uint8_t> data() const { return data_; }

  // The message used when input ends early; the decoder switches it inside sections.
  void set_eof_message(const char* m) { eof_message_ = m; }

  Result<uint8_t> u8() {
    if (at_end()) return eof();
    return data_[pos_++];
  }
  Result<std::span<const uint8_t>> bytes(size_t n) {
    if (remaining() < n) return eof();
    auto s = data_.subspan(pos_, n);
    pos_ += n;
    return s;
  }
  // LEB128; most values in code fit in one byte, read without the general loop.
  Result<uint32_t> u32() {
    if (pos_ < data_.size() && data_[pos_] < 0x80) return data_[pos_++];
    return uleb<uint32_t, 32>();
  }
  Result<uint64_t> u64() { return uleb<uint64_t, 64>(); }
  Result<int32_t> s32() {
    if (pos_ < data_.size() && data_[pos_] < 0x80) return one_byte_signed();
    return sleb<int32_t, 32>();
  }
  Result<int64_t> s64() {
    if (pos_ < data_.size() && data_[pos_] < 0x80) return one_byte_signed();
    return sleb<int64_t, 64>();
  }
  Result<int64_t> s33() {
    if (pos_ < data_.size() && data_[pos_] < 0x80) return one_byte_signed();
    return sleb<int64_t, 33>();
  }
  Result<uint32_t> f32_bits() {
    auto b = bytes(4);
    if (!b) return std::unexpected(b.error());
    uint32_t v;
    std::memcpy(&v, b->data(), 4);
    return v;
  }
  Result<uint64_t> f64_bits() {
    auto b = bytes(8);
    if (!b) return std::unexpected(b.error());
    uint64_t v;
    std::memcpy(&v, b->data(), 8);
    return v;
  }
  // A name: u32 length then UTF-8 bytes.
  Result<std::string> name();

  std::unexpected<Error> fail(std::string msg) const { return malformed(std::move(msg), SourcePos::at_offset(offset())); }
  std::unexpected<Error> eof() const { return fail(eof_message_); }

 private:
  // A signed LEB128 value of one byte: its 7 bits, sign-extended.
  int32_t one_byte_signed() { return static_cast<int8_t>(static_cast<uint8_t>(data_[pos_++] << 1)) >> 1; }
  template <typename T, unsigned Bits>
  Result<T> uleb() {
    T result = 0;
    unsigned shift = 0;
    constexpr unsigned max_bytes = (Bits + 6) / 7;
    for (unsigned i = 0;; ++i) {
      if (at_end()) return eof();
      uint8_t b = data_[pos_++];
      if (i == max_bytes - 1) {
        // Last permitted byte: no continuation, and unused bits must be zero.
        if (b & 0x80) return fail("integer representation too long");
        unsigned used = Bits - shift;
        if (used < 7 && (b >> used) != 0) return fail("integer too large");
      }
      result |= static_cast<T>(b & 0x7F) << shift;
      if (!(b & 0x80)) return result;
      shift += 7;
    }
  }
  template <typename T, unsigned Bits>
  Result<T> sleb() {
    using U = std::make_unsigned_t<T>;
    U result = 0;
    unsigned shift = 0;
    constexpr unsigned max_bytes = (Bits + 6) / 7;
    for (unsigned i = 0;; ++i) {
      if (at_end()) return eof();
      uint8_t b = data_[pos_++];
      if (i == max_bytes - 1) {
        if (b & 0x80) return fail("integer representation too long");
        unsigned used = Bits - shift;  // bits of the value still to fill, incl. the sign bit
        if (used < 7) {
          // The unused high bits must all equal the sign bit.
          int8_t sb = static_cast<int8_t>(b << 1) >> 1;  // sign-extend 7 bits
          int8_t top = static_cast<int8_t>(sb >> (used - 1));
          if (top != 0 && top != -1) return fail("integer too large");
        }
      }
      result |= static_cast<U>(b & 0x7F) << shift;
      shift += 7;
      if (!(b & 0x80)) {
        if (shift < sizeof(T) * 8 && (b & 0x40)) result |= ~U{0} << shift;
        return static_cast<T>(result);
      }
    }
  }

  std::span<const uint8_t> data_;
  uint64_t base_;
  size_t pos_ = 0;
  const char* eof_message_ = "unexpected end";
};

}  // namespace petrel
