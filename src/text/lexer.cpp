#include "text/lexer.hpp"

namespace petrel::text {
namespace {

bool is_idchar(char c) {
  if (c <= 0x20 || c >= 0x7F) return false;
  switch (c) {
    case '"': case ',': case ';': case '(': case ')': case '[': case ']': case '{': case '}':
      return false;
    default:
      return true;
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

Result<std::vector<Token>> tokenize(std::string_view src) {
  std::vector<Token> out;
  size_t i = 0;
  uint32_t line = 1;
  size_t line_start = 0;
  auto pos_at = [&](size_t at) { return SourcePos::at_line(line, static_cast<uint32_t>(at - line_start + 1)); };
  while (i < src.size()) {
    char c = src[i];
    if (c == '\n') {
      ++i;
      ++line;
      line_start = i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == ';' && i + 1 < src.size() && src[i + 1] == ';') {
      while (i < src.size() && src[i] != '\n' && src[i] != '\r') ++i;
      continue;
    }
    if (c == '(' && i + 1 < src.size() && src[i + 1] == ';') {
      size_t start = i;
      int depth = 0;
      do {
        if (i + 1 < src.size() && src[i] == '(' && src[i + 1] == ';') {
          ++depth;
          i += 2;
        } else if (i + 1 < src.size() && src[i] == ';' && src[i + 1] == ')') {
          --depth;
          i += 2;
        } else {
          if (src[i] == '\n') {
            ++line;
            line_start = i + 1;
          }
          ++i;
        }
      } while (depth > 0 && i < src.size());
      if (depth > 0) return malformed("unclosed block comment", pos_at(start));
      continue;
    }
    Token t{TokKind::Eof, {}, line, static_cast<uint32_t>(i - line_start + 1), i};
    if (c == '(' || c == ')') {
      t.kind = c == '(' ? TokKind::LParen : TokKind::RParen;
      t.text = src.substr(i, 1);
      ++i;
      out.push_back(t);
      continue;
    }
    // A run of idchars and strings.
    size_t start = i;
    int strings = 0;
    bool has_idchars = false;
    while (i < src.size()) {
      if (src[i] == '"') {
        ++strings;
        size_t q = i++;
        while (i < src.size() && src[i] != '"') {
          if (src[i] == '\n') return malformed("unexpected end of line in string", pos_at(q));
          if (src[i] == '\\' && i + 1 < src.size()) ++i;
          ++i;
        }
        if (i >= src.size()) return malformed("unclosed string", pos_at(q));
        ++i;
      } else if (is_idchar(src[i])) {
        has_idchars = true;
        ++i;
      } else {
        break;
      }
    }
    if (i == start) {
      return malformed(std::string("unexpected character '") + (c >= 0x20 && c < 0x7F ? std::string(1, c) : "?") + "'",
                       pos_at(i));
    }
    t.text = src.substr(start, i - start);
    if (strings > 0) t.kind = (strings == 1 && !has_idchars) ? TokKind::String : TokKind::Reserved;
    else if (c == '$' && t.text.size() > 1) t.kind = TokKind::Id;
    else if (c >= 'a' && c <= 'z') t.kind = TokKind::Keyword;
    else if ((c >= '0' && c <= '9') || c == '+' || c == '-') t.kind = TokKind::Number;
    else t.kind = TokKind::Reserved;
    out.push_back(t);
  }
  out.push_back(Token{TokKind::Eof, {}, line, static_cast<uint32_t>(i - line_start + 1), i});
  return out;
}

Result<std::string> decode_string(const Token& t) {
  std::string out;
  std::string_view s = t.text.substr(1, t.text.size() - 2);
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return malformed("malformed string: control character", t.pos());
    if (c != '\\') {
      out += static_cast<char>(c);
      continue;
    }
    if (++i >= s.size()) return malformed("malformed string escape", t.pos());
    switch (s[i]) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '"': out += '"'; break;
      case '\'': out += '\''; break;
      case '\\': out += '\\'; break;
      case 'u': {
        if (i + 1 >= s.size() || s[i + 1] != '{') return malformed("malformed string escape", t.pos());
        i += 2;
        uint32_t cp = 0;
        size_t digits = 0;
        while (i < s.size() && s[i] != '}') {
          if (s[i] == '_' && digits > 0) {
            ++i;
            continue;
          }
          int h = hex_value(s[i]);
          if (h < 0) return malformed("malformed string escape", t.pos());
          cp = cp * 16 + static_cast<uint32_t>(h);
          if (cp > 0x10FFFF) return malformed("malformed string escape", t.pos());
          ++digits;
          ++i;
        }
        if (i >= s.size() || digits == 0 || (cp >= 0xD800 && cp < 0xE000))
          return malformed("malformed string escape", t.pos());
        append_utf8(out, cp);
        break;
      }
      default: {
        int h1 = hex_value(s[i]);
        int h2 = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
        if (h1 < 0 || h2 < 0) return malformed("malformed string escape", t.pos());
        out += static_cast<char>(h1 * 16 + h2);
        ++i;
      }
    }
  }
  return out;
}

}  // namespace petrel::text
