#pragma once
#include <cstdint>
#include <string_view>

namespace petrel {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points above 0x10FFFF),
// as the spec requires of names.
bool is_valid_utf8(std::string_view s);

}  // namespace petrel
