// A strict reader of one JSON object (RFC 8259 syntax), for checking the machine-readable
// output of `petrel run --stats=json` and `petrel inspect --json`: the top-level members'
// values come back as their JSON text (strings unquoted and unescaped only when simple).
#pragma once
#include <cctype>
#include <map>
#include <optional>
#include <string>

namespace petrel::test {

class JsonReader {
 public:
  explicit JsonReader(const std::string& text) : s_(text) {}

  // The object's members, or nullopt when the text is not exactly one JSON object.
  std::optional<std::map<std::string, std::string>> object_members() {
    std::map<std::string, std::string> members;
    skip_space();
    if (!eat('{')) return std::nullopt;
    skip_space();
    if (!eat('}')) {
      do {
        skip_space();
        std::string key;
        if (!string(&key)) return std::nullopt;
        skip_space();
        if (!eat(':')) return std::nullopt;
        skip_space();
        size_t start = i_;
        if (!value()) return std::nullopt;
        std::string raw = s_.substr(start, i_ - start);
        if (raw.size() >= 2 && raw.front() == '"' && raw.find('\\') == std::string::npos)
          raw = raw.substr(1, raw.size() - 2);
        if (!members.emplace(key, raw).second) return std::nullopt;  // duplicate key
        skip_space();
      } while (eat(','));
      if (!eat('}')) return std::nullopt;
    }
    skip_space();
    if (i_ != s_.size()) return std::nullopt;
    return members;
  }

 private:
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool literal(const char* word) {
    std::string w(word);
    if (s_.compare(i_, w.size(), w) != 0) return false;
    i_ += w.size();
    return true;
  }
  bool digits() {
    size_t start = i_;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    return i_ > start;
  }
  bool number() {
    eat('-');
    if (!eat('0') && !digits()) return false;
    if (eat('.') && !digits()) return false;
    if (eat('e') || eat('E')) {
      if (!eat('+')) eat('-');
      if (!digits()) return false;
    }
    return true;
  }
  bool string(std::string* out) {
    if (!eat('"')) return false;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c == '\\') {
        if (i_ >= s_.size()) return false;
        char e = s_[i_++];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k)
            if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_++]))) return false;
        } else if (std::string("\"\\/bfnrt").find(e) == std::string::npos) {
          return false;
        }
      }
      if (out) *out += c;
    }
    return eat('"');
  }
  bool value() {
    skip_space();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '"') return string(nullptr);
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++i_;
      skip_space();
      if (eat(close)) return true;
      do {
        skip_space();
        if (c == '{') {
          if (!string(nullptr)) return false;
          skip_space();
          if (!eat(':')) return false;
        }
        if (!value()) return false;
        skip_space();
      } while (eat(','));
      return eat(close);
    }
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    return number();
  }

  const std::string& s_;
  size_t i_ = 0;
};

// The last line of `text` that is a JSON object's (starts with '{'): `--stats=json` prints
// one line last, but a sanitizer's report at exit (LeakSanitizer's suppressions) may follow.
inline std::string last_json_line(const std::string& text) {
  size_t end = text.size();
  while (end > 0) {
    size_t start = text.rfind('\n', end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    if (start < end && text[start] == '{') return text.substr(start, end - start);
    if (start == 0) break;
    end = start - 1;
  }
  return {};
}

}  // namespace petrel::test
