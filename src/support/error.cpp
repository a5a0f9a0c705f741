#include "support/error.hpp"

#include <fmt/format.h>

namespace petrel {

std::string SourcePos::to_string() const {
  switch (kind) {
    case Kind::Offset: return fmt::format("offset 0x{:x}", offset);
    case Kind::LineCol: return fmt::format("{}:{}", line, column);
    case Kind::None: break;
  }
  return {};
}

std::string Error::describe() const {
  if (pos.kind == SourcePos::Kind::None) return message;
  return fmt::format("{}: {}", pos.to_string(), message);
}

}  // namespace petrel
