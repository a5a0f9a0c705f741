#include "support/byte_reader.hpp"

#include "support/utf8.hpp"

namespace petrel {

Result<std::string> ByteReader::name() {
  auto len = u32();
  if (!len) return std::unexpected(len.error());
  if (*len > remaining()) return fail("length out of bounds");
  auto b = bytes(*len);
  std::string s(reinterpret_cast<const char*>(b->data()), b->size());
  if (!is_valid_utf8(s)) return fail("malformed UTF-8 encoding");
  return s;
}

}  // namespace petrel
