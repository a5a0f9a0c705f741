#include "text/script.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "text/lexer.hpp"
#include "text/literals.hpp"
#include "text/wat_parser.hpp"

namespace petrel::text {
namespace {

class ScriptParser {
 public:
  explicit ScriptParser(const std::vector<Token>& t) : t_(t) {}

  Result<std::vector<Command>> run() {
    std::vector<Command> out;
    while (peek().kind != TokKind::Eof) {
      PETREL_TRY(cmd, command());
      out.push_back(std::move(cmd));
    }
    return out;
  }

 private:
  const Token& peek(size_t k = 0) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  bool at_keyword(std::string_view kw, size_t k = 0) const {
    return peek(k).kind == TokKind::Keyword && peek(k).text == kw;
  }
  std::unexpected<Error> fail(std::string msg) const { return malformed(std::move(msg), peek().pos()); }
  Result<void> expect(TokKind k) {
    if (peek().kind != k) return fail(fmt::format("unexpected token '{}'", peek().text));
    ++p_;
    return {};
  }
  Result<std::string> string() {
    if (peek().kind != TokKind::String) return fail(fmt::format("expected a string, got '{}'", peek().text));
    return decode_string(t_[p_++]);
  }

  Result<ScriptModule> module() {
    size_t start = p_;
    PETREL_CHECK(expect(TokKind::LParen));
    if (!at_keyword("module")) return fail("expected (module …)");
    ++p_;
    ScriptModule sm;
    if (peek().kind == TokKind::Id) sm.id = std::string(t_[p_++].text);
    if (at_keyword("binary") || at_keyword("quote")) {
      sm.form = at_keyword("binary") ? ScriptModule::Form::Binary : ScriptModule::Form::Quote;
      ++p_;
      while (peek().kind == TokKind::String) {
        PETREL_TRY(s, string());
        if (sm.form == ScriptModule::Form::Quote) sm.bytes += ' ';
        sm.bytes += s;
      }
      PETREL_CHECK(expect(TokKind::RParen));
      return sm;
    }
    sm.form = ScriptModule::Form::Text;
    size_t pos = start;
    // A module with an id: parse it as if the id were absent (the parser skips it).
    sm.text = parse_module(t_, pos);
    // Skip to the end of the module group whatever the outcome.
    p_ = start;
    int depth = 0;
    do {
      if (peek().kind == TokKind::Eof) return fail("unclosed module");
      if (peek().kind == TokKind::LParen) ++depth;
      if (peek().kind == TokKind::RParen) --depth;
      ++p_;
    } while (depth > 0);
    return sm;
  }

  Result<Value> constant(bool allow_patterns, Expected* pattern) {
    PETREL_CHECK(expect(TokKind::LParen));
    if (peek().kind != TokKind::Keyword) return fail("expected a constant");
    std::string_view kw = peek().text;
    ++p_;
    Value v;
    auto number = [&]() -> Result<std::string_view> {
      if (peek().kind != TokKind::Number && peek().kind != TokKind::Keyword) return fail("expected a number");
      return t_[p_++].text;
    };
    if (kw == "i32.const" || kw == "i64.const") {
      PETREL_TRY(text, number());
      unsigned bits = kw == "i32.const" ? 32 : 64;
      auto lit = parse_int(text, bits);
      if (lit.status != LitStatus::Ok) return fail("bad integer constant");
      v = {bits == 32 ? ValType::I32 : ValType::I64, lit.value};
    } else if (kw == "f32.const" || kw == "f64.const") {
      bool f32 = kw == "f32.const";
      v.type = f32 ? ValType::F32 : ValType::F64;
      if (allow_patterns && (at_keyword("nan:canonical") || at_keyword("nan:arithmetic"))) {
        pattern->kind = at_keyword("nan:canonical") ? Expected::Kind::CanonicalNan : Expected::Kind::ArithmeticNan;
        ++p_;
      } else {
        PETREL_TRY(text, number());
        auto lit = f32 ? parse_f32(text) : parse_f64(text);
        if (lit.status != LitStatus::Ok) return fail("bad float constant");
        v.bits = lit.bits;
      }
    } else if (kw == "v128.const") {
      v.type = ValType::V128;
      PETREL_TRY(lanes, v128_lanes(allow_patterns, pattern));
      (void)lanes;
      v.bits = lanes.first;
      v.hi = lanes.second;
    } else if (kw == "ref.null") {
      if (at_keyword("func")) v = {ValType::FuncRef, kNullRef};
      else if (at_keyword("extern")) v = {ValType::ExternRef, kNullRef};
      else return fail("expected func or extern");
      ++p_;
    } else if (kw == "ref.extern" || kw == "ref.func") {
      v.type = kw == "ref.extern" ? ValType::ExternRef : ValType::FuncRef;
      if (peek().kind == TokKind::Number) {
        auto lit = parse_uint(t_[p_++].text, 32);
        if (lit.status != LitStatus::Ok) return fail("bad reference");
        // Host references are numbered from 0; +1 keeps them distinct from null.
        v.bits = lit.value + 1;
      } else {
        if (!allow_patterns) return fail("expected a reference number");
        pattern->kind = Expected::Kind::AnyRef;
      }
    } else {
      return fail(fmt::format("unsupported constant {}", kw));
    }
    PETREL_CHECK(expect(TokKind::RParen));
    return v;
  }

  // `SHAPE lane…` of a v128.const; lane patterns (nan:canonical, …) go to `pattern->lanes`.
  Result<std::pair<uint64_t, uint64_t>> v128_lanes(bool allow_patterns, Expected* pattern) {
    if (peek().kind != TokKind::Keyword) return fail("expected a v128 shape");
    std::string_view shape = peek().text;
    unsigned bits;
    bool is_float = shape[0] == 'f';
    if (shape == "i8x16") bits = 8;
    else if (shape == "i16x8") bits = 16;
    else if (shape == "i32x4" || shape == "f32x4") bits = 32;
    else if (shape == "i64x2" || shape == "f64x2") bits = 64;
    else return fail("bad v128 shape");
    ++p_;
    uint8_t bytes[16] = {};
    if (pattern) pattern->lane_bits = bits;
    for (unsigned i = 0; i < 128 / bits; ++i) {
      Expected lane;
      lane.value.type = is_float ? (bits == 32 ? ValType::F32 : ValType::F64) : (bits == 64 ? ValType::I64 : ValType::I32);
      uint64_t v = 0;
      if (is_float && allow_patterns && (at_keyword("nan:canonical") || at_keyword("nan:arithmetic"))) {
        lane.kind = at_keyword("nan:canonical") ? Expected::Kind::CanonicalNan : Expected::Kind::ArithmeticNan;
        ++p_;
      } else {
        if (peek().kind != TokKind::Number && peek().kind != TokKind::Keyword) return fail("expected a lane value");
        std::string_view text = t_[p_++].text;
        if (is_float) {
          auto lit = bits == 32 ? parse_f32(text) : parse_f64(text);
          if (lit.status != LitStatus::Ok) return fail("bad float lane");
          v = lit.bits;
        } else {
          auto lit = parse_int(text, bits);
          if (lit.status != LitStatus::Ok) return fail("bad integer lane");
          v = lit.value;
        }
      }
      lane.value.bits = v;
      for (unsigned b = 0; b < bits / 8; ++b) bytes[i * bits / 8 + b] = static_cast<uint8_t>(v >> (8 * b));
      if (pattern) pattern->lanes.push_back(lane);
    }
    uint64_t lo, hi;
    std::memcpy(&lo, bytes, 8);
    std::memcpy(&hi, bytes + 8, 8);
    return std::pair{lo, hi};
  }

  Result<Expected> expected() {
    Expected e;
    if (peek().kind == TokKind::LParen && at_keyword("either", 1)) {
      p_ += 2;
      e.kind = Expected::Kind::Either;
      while (peek().kind == TokKind::LParen) {
        PETREL_TRY(alt, expected());
        e.alternatives.push_back(std::move(alt));
      }
      PETREL_CHECK(expect(TokKind::RParen));
      return e;
    }
    PETREL_TRY(v, constant(true, &e));
    e.value = v;
    return e;
  }

  Result<Action> action() {
    PETREL_CHECK(expect(TokKind::LParen));
    Action a;
    if (at_keyword("invoke")) a.kind = Action::Kind::Invoke;
    else if (at_keyword("get")) a.kind = Action::Kind::Get;
    else return fail("expected invoke or get");
    ++p_;
    if (peek().kind == TokKind::Id) a.module = std::string(t_[p_++].text);
    PETREL_TRY(name, string());
    a.name = std::move(name);
    while (peek().kind == TokKind::LParen) {
      PETREL_TRY(v, constant(false, nullptr));
      a.args.push_back(v);
    }
    PETREL_CHECK(expect(TokKind::RParen));
    return a;
  }

  Result<Command> command() {
    Command c{};
    c.line = peek().line;
    if (peek().kind != TokKind::LParen || peek(1).kind != TokKind::Keyword) return fail("expected a command");
    std::string_view kw = peek(1).text;
    if (kw == "module") {
      c.kind = Command::Kind::Module;
      PETREL_TRY(m, module());
      c.module = std::move(m);
      c.has_module = true;
      return c;
    }
    if (kw == "invoke" || kw == "get") {
      c.kind = Command::Kind::Action;
      PETREL_TRY(a, action());
      c.action = std::move(a);
      return c;
    }
    p_ += 2;
    if (kw == "register") {
      c.kind = Command::Kind::Register;
      PETREL_TRY(name, string());
      c.message = std::move(name);
      if (peek().kind == TokKind::Id) c.register_module = std::string(t_[p_++].text);
    } else if (kw == "assert_return") {
      c.kind = Command::Kind::AssertReturn;
      PETREL_TRY(a, action());
      c.action = std::move(a);
      while (peek().kind == TokKind::LParen) {
        PETREL_TRY(e, expected());
        c.expected.push_back(std::move(e));
      }
    } else if (kw == "assert_trap" || kw == "assert_exhaustion") {
      c.kind = kw == "assert_trap" ? Command::Kind::AssertTrap : Command::Kind::AssertExhaustion;
      if (at_keyword("module", 1)) {
        PETREL_TRY(m, module());
        c.module = std::move(m);
        c.has_module = true;
      } else {
        PETREL_TRY(a, action());
        c.action = std::move(a);
      }
      PETREL_TRY(msg, string());
      c.message = std::move(msg);
    } else if (kw == "assert_malformed" || kw == "assert_invalid" || kw == "assert_unlinkable" ||
               kw == "assert_uninstantiable") {
      c.kind = kw == "assert_malformed" ? Command::Kind::AssertMalformed
             : kw == "assert_invalid" ? Command::Kind::AssertInvalid
             : kw == "assert_unlinkable" ? Command::Kind::AssertUnlinkable : Command::Kind::AssertUninstantiable;
      PETREL_TRY(m, module());
      c.module = std::move(m);
      c.has_module = true;
      PETREL_TRY(msg, string());
      c.message = std::move(msg);
    } else {
      return fail(fmt::format("unknown command {}", kw));
    }
    PETREL_CHECK(expect(TokKind::RParen));
    return c;
  }

  const std::vector<Token>& t_;
  size_t p_ = 0;
};

}  // namespace

Result<std::vector<Command>> parse_script(std::string_view source) {
  auto tokens = tokenize(source);
  if (!tokens) return std::unexpected(tokens.error());
  const auto& t = *tokens;
  // A script may be a bare module body (`(func) (memory 0) …`): one module, nothing else.
  static constexpr std::string_view kFields[] = {"type", "import", "func", "table", "memory",
                                                 "global", "export", "start", "elem", "data"};
  if (t.size() > 1 && t[1].kind == TokKind::Keyword &&
      std::find(std::begin(kFields), std::end(kFields), t[1].text) != std::end(kFields)) {
    Command c{};
    c.kind = Command::Kind::Module;
    c.line = t[0].line;
    c.has_module = true;
    c.module.form = ScriptModule::Form::Quote;
    c.module.bytes = std::string(source);
    return std::vector<Command>{std::move(c)};
  }
  return ScriptParser(t).run();
}

}  // namespace petrel::text
