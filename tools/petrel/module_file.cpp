#include "module_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "runtime/instantiate.hpp"
#include "text/wat_parser.hpp"

namespace petrel::tools {

Result<std::shared_ptr<const LoadedModule>> load_module_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error{Error::Kind::Io, fmt::format("{}: cannot open file", path), {}});
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  Result<std::shared_ptr<const LoadedModule>> lm;
  if (data.size() >= 4 && data.compare(0, 4, std::string("\0asm", 4)) == 0) {
    lm = load_binary(std::span(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
  } else {
    auto m = text::parse_wat(data);
    if (!m) lm = std::unexpected(m.error());
    else lm = load_ir(std::move(*m));
  }
  if (!lm) {
    Error e = lm.error();
    e.message = fmt::format("{}: {}", path, e.describe());
    e.pos = {};
    return std::unexpected(e);
  }
  return lm;
}

}  // namespace petrel::tools
