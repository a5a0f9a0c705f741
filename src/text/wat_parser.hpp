#pragma once
#include <span>
#include <string_view>

#include "ir/module.hpp"
#include "text/lexer.hpp"

namespace petrel::text {

// Parses `(module $id? field*)` starting at tokens[pos] (the opening parenthesis) and leaves
// `pos` after the closing one. Errors carry line:column and the spec's wording.
Result<Module> parse_module(std::span<const Token> tokens, size_t& pos);

// Parses `SHAPE lane…` of a v128.const starting at tokens[pos]; returns the low and high halves.
Result<std::pair<uint64_t, uint64_t>> parse_v128_literal(std::span<const Token> tokens, size_t& pos);

// Parses a whole .wat source: one `(module …)`, or bare module fields.
Result<Module> parse_wat(std::string_view source);

}  // namespace petrel::text
