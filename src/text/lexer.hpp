// Tokens of the text format. A token is a maximal run of identifier characters and string
// literals; a run that mixes them (e.g. `$l"a"`, `0$x`) is a reserved token, as the spec says.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.hpp"

namespace petrel::text {

enum class TokKind : uint8_t { LParen, RParen, Keyword, Id, Number, String, Reserved, Eof };

struct Token {
  TokKind kind;
  std::string_view text;  // raw source text (for strings: including the quotes)
  uint32_t line, column;
  size_t offset;          // byte offset in the source
  SourcePos pos() const { return SourcePos::at_line(line, column); }
};

// Splits `source` into tokens, skipping white space, line comments and nested block comments.
Result<std::vector<Token>> tokenize(std::string_view source);

// Decodes a string literal token (with quotes) into its bytes.
Result<std::string> decode_string(const Token& t);

}  // namespace petrel::text
