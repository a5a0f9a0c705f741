// Appends LEB128 numbers (the binary format's integers): the one writer the text front end,
// the binary encoder and the native section share.
#pragma once
#include <cstdint>
#include <vector>

namespace petrel {

inline void write_uleb(std::vector<uint8_t>& out, uint64_t v) {
  do {
    uint8_t b = v & 0x7F;
    v >>= 7;
    out.push_back(v ? (b | 0x80) : b);
  } while (v);
}

}  // namespace petrel
