#include "text/wat_parser.hpp"

#include "support/leb128_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

#include "ir/limits.hpp"
#include "ir/opcodes.hpp"
#include "support/stack_guard.hpp"
#include "support/utf8.hpp"
#include "text/literals.hpp"

namespace petrel::text {
namespace {

// One index space's symbolic names.
struct Space {
  explicit Space(const char* w) : what(w) {}
  const char* what;
  std::unordered_map<std::string_view, uint32_t> names;
  uint32_t count = 0;
};

// Binary encoding of instructions, shared by bodies and constant expressions.
struct Code {
  std::vector<uint8_t> bytes;
  void byte(uint8_t b) { bytes.push_back(b); }
  void u32(uint64_t v) { write_uleb(bytes, v); }
  void s64(int64_t v) {
    for (;;) {
      uint8_t b = v & 0x7F;
      v >>= 7;
      if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) {
        byte(b);
        return;
      }
      byte(b | 0x80);
    }
  }
  void op(Op o) {
    uint32_t c = op_info(o).code;
    if (c < 0x100) {
      byte(static_cast<uint8_t>(c));
    } else if (c < 0x10000) {
      byte(0xFC);
      u32(c & 0xFF);
    } else {
      byte(0xFD);
      u32(c & 0xFFFF);
    }
  }
  void fixed(uint64_t bits, int n) {
    for (int i = 0; i < n; ++i) byte(static_cast<uint8_t>(bits >> (8 * i)));
  }
};

class Parser {
 public:
  explicit Parser(std::span<const Token> t) : t_(t) {}

  Result<std::pair<uint64_t, uint64_t>> v128_at(size_t& pos) {
    p_ = pos;
    auto r = v128_literal();
    pos = p_;
    return r;
  }

  Result<Module> module(size_t& pos) {
    p_ = pos;
    PETREL_CHECK(expect(TokKind::LParen));
    PETREL_CHECK(keyword("module"));
    if (peek().kind == TokKind::Id) ++p_;
    size_t fields_start = p_;
    PETREL_CHECK(scan_fields());
    p_ = fields_start;
    PETREL_CHECK(parse_fields());
    PETREL_CHECK(expect(TokKind::RParen));
    pos = p_;
    m_.data_count = static_cast<uint32_t>(m_.datas.size());
    return std::move(m_);
  }

  // Bare fields up to end of input (a .wat file without the `(module …)` wrapper).
  Result<Module> bare_fields() {
    p_ = 0;
    PETREL_CHECK(scan_fields());
    p_ = 0;
    PETREL_CHECK(parse_fields());
    if (peek().kind != TokKind::Eof) return fail_here();
    m_.data_count = static_cast<uint32_t>(m_.datas.size());
    return std::move(m_);
  }

 private:
  // ---- token helpers --------------------------------------------------------------------
  const Token& peek(size_t k = 0) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  bool at_keyword(std::string_view kw, size_t k = 0) const {
    return peek(k).kind == TokKind::Keyword && peek(k).text == kw;
  }
  bool at_field(std::string_view kw) const { return peek().kind == TokKind::LParen && at_keyword(kw, 1); }
  std::unexpected<Error> fail(std::string msg, const Token& at) const { return malformed(std::move(msg), at.pos()); }
  std::unexpected<Error> fail(std::string msg) const { return fail(std::move(msg), peek()); }
  // The error for an unexpected token: reserved tokens and unknown keywords are "unknown operator".
  std::unexpected<Error> fail_here() const {
    const Token& t = peek();
    // The script patterns nan:canonical/nan:arithmetic are tokens of their own to the
    // reference parser; any other stray keyword is an unknown operator.
    bool nan_pattern = t.text == "nan:canonical" || t.text == "nan:arithmetic";
    if (t.kind == TokKind::Reserved || t.kind == TokKind::Number || (t.kind == TokKind::Keyword && !nan_pattern))
      return fail(fmt::format("unknown operator {}", t.text));
    if (t.kind == TokKind::Eof) return fail("unexpected end of input");
    return fail(fmt::format("unexpected token {}", t.text));
  }
  Result<void> expect(TokKind k) {
    if (peek().kind != k) return fail_here();
    ++p_;
    return {};
  }
  Result<void> keyword(std::string_view kw) {
    if (!at_keyword(kw)) return fail_here();
    ++p_;
    return {};
  }
  std::optional<std::string_view> opt_id() {
    if (peek().kind == TokKind::Id) return t_[p_++].text;
    return std::nullopt;
  }
  Result<std::string> string() {
    if (peek().kind != TokKind::String) return fail_here();
    return decode_string(t_[p_++]);
  }
  Result<std::string> name() {
    const Token& at = peek();
    PETREL_TRY(s, string());
    if (!is_valid_utf8(s)) return fail("malformed UTF-8 encoding", at);
    return s;
  }
  // Skips a balanced parenthesised group starting at '('.
  Result<void> skip_group() {
    int depth = 0;
    do {
      if (peek().kind == TokKind::Eof) return fail("unexpected end of input");
      if (peek().kind == TokKind::LParen) ++depth;
      if (peek().kind == TokKind::RParen) --depth;
      ++p_;
    } while (depth > 0);
    return {};
  }

  Result<uint32_t> u32_literal(const char* out_of_range = "i32 constant out of range") {
    if (peek().kind != TokKind::Number) return fail_here();
    auto lit = parse_uint(peek().text, 32);
    if (lit.status == LitStatus::Malformed) return fail_here();
    if (lit.status == LitStatus::OutOfRange) return fail(out_of_range);
    ++p_;
    return static_cast<uint32_t>(lit.value);
  }

  // ---- names -------------------------------------------------------------------------------
  Result<void> define(Space& s, std::optional<std::string_view> id, const Token& at) {
    uint32_t index = s.count++;
    if (!id) return {};
    if (!s.names.emplace(*id, index).second) return fail(fmt::format("duplicate {} {}", s.what, *id), at);
    return {};
  }
  Result<uint32_t> index(const Space& s) {
    if (peek().kind == TokKind::Number) return u32_literal();
    if (peek().kind == TokKind::Id) {
      auto it = s.names.find(peek().text);
      if (it == s.names.end()) return fail(fmt::format("unknown {} {}", s.what, peek().text));
      ++p_;
      return it->second;
    }
    return fail_here();
  }
  bool at_index() const { return peek().kind == TokKind::Number || peek().kind == TokKind::Id; }

  // ---- types --------------------------------------------------------------------------------
  Result<ValType> valtype() {
    if (peek().kind == TokKind::Keyword) {
      auto kw = peek().text;
      std::optional<ValType> t;
      if (kw == "i32") t = ValType::I32;
      else if (kw == "i64") t = ValType::I64;
      else if (kw == "f32") t = ValType::F32;
      else if (kw == "f64") t = ValType::F64;
      else if (kw == "v128") t = ValType::V128;
      else if (kw == "funcref") t = ValType::FuncRef;
      else if (kw == "externref") t = ValType::ExternRef;
      if (t) {
        ++p_;
        return *t;
      }
    }
    return fail_here();
  }
  Result<ValType> reftype() {
    PETREL_TRY(t, valtype());
    if (!is_ref(t)) return fail("malformed reference type", t_[p_ - 1]);
    return t;
  }
  Result<ValType> heaptype() {
    if (at_keyword("func")) {
      ++p_;
      return ValType::FuncRef;
    }
    if (at_keyword("extern")) {
      ++p_;
      return ValType::ExternRef;
    }
    return fail_here();
  }
  // (param $x t) | (param t*), repeated; then (result t*)*. Names go to `names` when given.
  Result<void> params_results(FuncType& ft, std::vector<std::optional<std::string_view>>* names) {
    while (at_field("param")) {
      p_ += 2;
      if (auto id = opt_id()) {
        PETREL_TRY(t, valtype());
        ft.params.push_back(t);
        if (names) names->push_back(id);
      } else {
        while (peek().kind != TokKind::RParen) {
          PETREL_TRY(t, valtype());
          ft.params.push_back(t);
          if (names) names->push_back(std::nullopt);
        }
      }
      PETREL_CHECK(expect(TokKind::RParen));
    }
    while (at_field("result")) {
      p_ += 2;
      while (peek().kind != TokKind::RParen) {
        PETREL_TRY(t, valtype());
        ft.results.push_back(t);
      }
      PETREL_CHECK(expect(TokKind::RParen));
    }
    if (at_field("param")) return fail("unexpected token");
    return {};
  }
  uint32_t find_or_add_type(const FuncType& ft) {
    for (uint32_t i = 0; i < m_.types.size(); ++i)
      if (m_.types[i] == ft) return i;
    m_.types.push_back(ft);
    return static_cast<uint32_t>(m_.types.size() - 1);
  }
  // typeuse: (type x)? (param …)* (result …)*
  Result<uint32_t> typeuse(std::vector<std::optional<std::string_view>>* names) {
    std::optional<uint32_t> explicit_index;
    const Token& at = peek();
    if (at_field("type")) {
      p_ += 2;
      PETREL_TRY(x, index(types_));
      explicit_index = x;
      PETREL_CHECK(expect(TokKind::RParen));
    }
    FuncType ft;
    bool inline_given = at_field("param") || at_field("result");
    PETREL_CHECK(params_results(ft, names));
    if (explicit_index) {
      if (*explicit_index >= m_.types.size()) {
        if (inline_given) return fail("unknown type", at);
        return *explicit_index;  // left for the validator to report
      }
      if (inline_given && !(m_.types[*explicit_index] == ft)) return fail("inline function type", at);
      if (!inline_given && names) names->assign(m_.types[*explicit_index].params.size(), std::nullopt);
      return *explicit_index;
    }
    return find_or_add_type(ft);
  }
  Result<Limits> limits() {
    Limits l;
    PETREL_TRY(min, u32_literal());
    l.min = min;
    if (peek().kind == TokKind::Number) {
      PETREL_TRY(max, u32_literal());
      l.max = max;
    }
    return l;
  }
  Result<GlobalType> global_type() {
    if (at_field("mut")) {
      p_ += 2;
      PETREL_TRY(t, valtype());
      PETREL_CHECK(expect(TokKind::RParen));
      return GlobalType{t, true};
    }
    PETREL_TRY(t, valtype());
    return GlobalType{t, false};
  }

  // ---- pass 1: names and explicit types --------------------------------------------------
  Result<void> scan_fields() {
    while (peek().kind == TokKind::LParen) {
      const Token& at = peek(1);
      if (at.kind != TokKind::Keyword) {
        ++p_;
        return fail_here();
      }
      std::string_view kw = at.text;
      size_t start = p_;
      if (kw == "type") {
        p_ += 2;
        auto id = opt_id();
        PETREL_CHECK(define(types_, id, at));
        PETREL_CHECK(expect(TokKind::LParen));
        PETREL_CHECK(keyword("func"));
        FuncType ft;
        PETREL_CHECK(params_results(ft, nullptr));
        PETREL_CHECK(expect(TokKind::RParen));
        PETREL_CHECK(expect(TokKind::RParen));
        m_.types.push_back(std::move(ft));
        continue;
      }
      if (kw == "import") {
        p_ += 2;
        PETREL_CHECK(string());
        PETREL_CHECK(string());
        if (peek().kind != TokKind::LParen || peek(1).kind != TokKind::Keyword) return fail_here();
        std::string_view kind = peek(1).text;
        p_ += 2;
        auto id = opt_id();
        Space* s = space_for(kind);
        if (!s) return fail_here();
        PETREL_CHECK(note_import(kind, at));
        PETREL_CHECK(define(*s, id, at));
        p_ = start;
        PETREL_CHECK(skip_group());
        continue;
      }
      if (kw == "func" || kw == "table" || kw == "memory" || kw == "global") {
        p_ += 2;
        auto id = opt_id();
        bool is_import = false;
        while (at_field("export")) PETREL_CHECK(skip_group());
        if (at_field("import")) is_import = true;
        if (is_import) PETREL_CHECK(note_import(kw, at));
        else if (!first_definition_) first_definition_ = kw;
        PETREL_CHECK(define(*space_for(kw), id, at));
        // Inline segments get indices too.
        if (!is_import && kw == "table" && (at_keyword("funcref") || at_keyword("externref"))) elems_.count++;
        if (!is_import && kw == "memory" && at_field("data")) datas_.count++;
        p_ = start;
        PETREL_CHECK(skip_group());
        continue;
      }
      if (kw == "elem" || kw == "data") {
        p_ += 2;
        auto id = opt_id();
        PETREL_CHECK(define(kw == "elem" ? elems_ : datas_, id, at));
        p_ = start;
        PETREL_CHECK(skip_group());
        continue;
      }
      if (kw == "export" || kw == "start") {
        PETREL_CHECK(skip_group());
        continue;
      }
      ++p_;
      return fail_here();
    }
    return {};
  }
  Space* space_for(std::string_view kind) {
    if (kind == "func") return &funcs_;
    if (kind == "table") return &tables_;
    if (kind == "memory") return &mems_;
    if (kind == "global") return &globals_;
    return nullptr;
  }
  Result<void> note_import(std::string_view, const Token& at) {
    if (first_definition_) {
      std::string_view what = *first_definition_ == "func" ? "function" : *first_definition_;
      return fail(fmt::format("import after {}", what), at);
    }
    return {};
  }

  // ---- pass 2 ---------------------------------------------------------------------------------
  Result<void> parse_fields() {
    while (peek().kind == TokKind::LParen) {
      std::string_view kw = peek(1).text;
      if (kw == "type") {
        PETREL_CHECK(skip_group());  // parsed in pass 1
      } else if (kw == "import") {
        PETREL_CHECK(import_field());
      } else if (kw == "func") {
        PETREL_CHECK(func_field());
      } else if (kw == "table") {
        PETREL_CHECK(table_field());
      } else if (kw == "memory") {
        PETREL_CHECK(memory_field());
      } else if (kw == "global") {
        PETREL_CHECK(global_field());
      } else if (kw == "export") {
        PETREL_CHECK(export_field());
      } else if (kw == "start") {
        const Token& at = peek(1);
        p_ += 2;
        if (m_.start) return fail("multiple start sections", at);
        PETREL_TRY(x, index(funcs_));
        m_.start = x;
        PETREL_CHECK(expect(TokKind::RParen));
      } else if (kw == "elem") {
        PETREL_CHECK(elem_field());
      } else if (kw == "data") {
        PETREL_CHECK(data_field());
      } else {
        ++p_;
        return fail_here();
      }
    }
    return {};
  }

  // (export "name")* after a definition's id.
  Result<std::vector<std::string>> inline_exports() {
    std::vector<std::string> names;
    while (at_field("export")) {
      p_ += 2;
      PETREL_TRY(n, name());
      names.push_back(std::move(n));
      PETREL_CHECK(expect(TokKind::RParen));
    }
    return names;
  }
  void add_exports(const std::vector<std::string>& names, ExternKind kind, uint32_t idx) {
    for (const auto& n : names) m_.exports.push_back(Export{n, kind, idx});
  }
  // (import "m" "n") inside a definition.
  Result<std::optional<std::pair<std::string, std::string>>> inline_import() {
    if (!at_field("import")) return std::optional<std::pair<std::string, std::string>>{};
    p_ += 2;
    PETREL_TRY(mod, name());
    PETREL_TRY(nm, name());
    PETREL_CHECK(expect(TokKind::RParen));
    return std::optional{std::pair{std::move(mod), std::move(nm)}};
  }

  Result<void> import_field() {
    p_ += 2;
    Import imp;
    PETREL_TRY(mod, name());
    PETREL_TRY(nm, name());
    imp.module = std::move(mod);
    imp.name = std::move(nm);
    PETREL_CHECK(expect(TokKind::LParen));
    std::string_view kind = peek().text;
    ++p_;
    opt_id();
    if (kind == "func") {
      imp.kind = ExternKind::Func;
      PETREL_TRY(t, typeuse(nullptr));
      imp.func_type = t;
    } else if (kind == "table") {
      imp.kind = ExternKind::Table;
      PETREL_TRY(l, limits());
      PETREL_TRY(t, reftype());
      imp.table = TableType{t, l};
    } else if (kind == "memory") {
      imp.kind = ExternKind::Memory;
      PETREL_TRY(l, limits());
      imp.memory = MemoryType{l};
    } else if (kind == "global") {
      imp.kind = ExternKind::Global;
      PETREL_TRY(g, global_type());
      imp.global = g;
    } else {
      return fail_here();
    }
    PETREL_CHECK(expect(TokKind::RParen));
    PETREL_CHECK(expect(TokKind::RParen));
    m_.add_import(std::move(imp));
    return {};
  }

  Result<void> func_field() {
    p_ += 2;
    auto id = opt_id();
    uint32_t idx = m_.total_funcs();
    if (id && id->size() > 1) m_.func_names[idx] = std::string(id->substr(1));
    PETREL_TRY(exports, inline_exports());
    PETREL_TRY(imp, inline_import());
    std::vector<std::optional<std::string_view>> names;
    PETREL_TRY(type, typeuse(&names));
    add_exports(exports, ExternKind::Func, idx);
    if (imp) {
      Import i;
      i.module = imp->first;
      i.name = imp->second;
      i.kind = ExternKind::Func;
      i.func_type = type;
      m_.add_import(std::move(i));
      return expect(TokKind::RParen);
    }
    Function f;
    f.type = type;
    locals_.clear();
    for (uint32_t i = 0; i < names.size(); ++i)
      if (names[i] && !locals_.emplace(*names[i], i).second) return fail("duplicate local");
    uint32_t nlocals = static_cast<uint32_t>(names.size());
    if (type < m_.types.size()) nlocals = static_cast<uint32_t>(m_.types[type].params.size());
    while (at_field("local")) {
      p_ += 2;
      if (auto id = opt_id()) {
        PETREL_TRY(t, valtype());
        f.locals.push_back(t);
        if (!locals_.emplace(*id, nlocals).second) return fail("duplicate local", t_[p_ - 2]);
        ++nlocals;
      } else {
        while (peek().kind != TokKind::RParen) {
          PETREL_TRY(t, valtype());
          f.locals.push_back(t);
          ++nlocals;
        }
      }
      PETREL_CHECK(expect(TokKind::RParen));
    }
    Code code;
    labels_.clear();
    PETREL_CHECK(instrs(code));
    code.op(Op::End);
    PETREL_CHECK(expect(TokKind::RParen));
    f.body_offset = 0;
    f.body_begin = static_cast<uint32_t>(m_.code.size());
    m_.code.insert(m_.code.end(), code.bytes.begin(), code.bytes.end());
    f.body_end = static_cast<uint32_t>(m_.code.size());
    m_.functions.push_back(std::move(f));
    return {};
  }

  Result<void> table_field() {
    p_ += 2;
    opt_id();
    uint32_t idx = m_.total_tables();
    PETREL_TRY(exports, inline_exports());
    PETREL_TRY(imp, inline_import());
    add_exports(exports, ExternKind::Table, idx);
    if (!imp && (at_keyword("funcref") || at_keyword("externref"))) {
      // (table reftype (elem …)): a table exactly as large as its inline segment.
      PETREL_TRY(t, reftype());
      PETREL_CHECK(expect(TokKind::LParen));
      PETREL_CHECK(keyword("elem"));
      ElemSegment seg;
      seg.type = t;
      seg.table = idx;
      PETREL_CHECK(elem_items(seg, /*allow_bare_indices=*/true));
      PETREL_CHECK(expect(TokKind::RParen));
      Code off;
      off.op(Op::I32Const);
      off.byte(0);
      off.op(Op::End);
      seg.offset.code = std::move(off.bytes);
      uint64_t n = seg.items.size();
      m_.tables.push_back(TableType{t, {n, n}});
      m_.elems.push_back(std::move(seg));
      return expect(TokKind::RParen);
    }
    PETREL_TRY(l, limits());
    PETREL_TRY(t, reftype());
    PETREL_CHECK(expect(TokKind::RParen));
    if (imp) {
      Import i{imp->first, imp->second, ExternKind::Table, 0, TableType{t, l}, {}, {}};
      m_.add_import(std::move(i));
    } else {
      m_.tables.push_back(TableType{t, l});
    }
    return {};
  }

  Result<void> memory_field() {
    p_ += 2;
    opt_id();
    uint32_t idx = m_.total_memories();
    PETREL_TRY(exports, inline_exports());
    PETREL_TRY(imp, inline_import());
    add_exports(exports, ExternKind::Memory, idx);
    if (!imp && at_field("data")) {
      p_ += 2;
      DataSegment seg;
      seg.memory = idx;
      while (peek().kind == TokKind::String) {
        PETREL_TRY(s, string());
        seg.bytes.insert(seg.bytes.end(), s.begin(), s.end());
      }
      PETREL_CHECK(expect(TokKind::RParen));
      Code off;
      off.op(Op::I32Const);
      off.byte(0);
      off.op(Op::End);
      seg.offset.code = std::move(off.bytes);
      uint64_t pages = (seg.bytes.size() + kPageSize - 1) / kPageSize;
      m_.memories.push_back(MemoryType{{pages, pages}});
      m_.datas.push_back(std::move(seg));
      return expect(TokKind::RParen);
    }
    PETREL_TRY(l, limits());
    PETREL_CHECK(expect(TokKind::RParen));
    if (imp) {
      Import i{imp->first, imp->second, ExternKind::Memory, 0, {}, MemoryType{l}, {}};
      m_.add_import(std::move(i));
    } else {
      m_.memories.push_back(MemoryType{l});
    }
    return {};
  }

  Result<void> global_field() {
    p_ += 2;
    opt_id();
    uint32_t idx = m_.total_globals();
    PETREL_TRY(exports, inline_exports());
    PETREL_TRY(imp, inline_import());
    add_exports(exports, ExternKind::Global, idx);
    PETREL_TRY(gt, global_type());
    if (imp) {
      Import i{imp->first, imp->second, ExternKind::Global, 0, {}, {}, gt};
      m_.add_import(std::move(i));
      return expect(TokKind::RParen);
    }
    PETREL_TRY(init, const_expr_until_rparen());
    PETREL_CHECK(expect(TokKind::RParen));
    m_.globals.push_back(Global{gt, std::move(init)});
    return {};
  }

  Result<void> export_field() {
    p_ += 2;
    Export e;
    PETREL_TRY(n, name());
    e.name = std::move(n);
    PETREL_CHECK(expect(TokKind::LParen));
    std::string_view kind = peek().text;
    ++p_;
    Space* s = space_for(kind);
    if (!s) return fail_here();
    e.kind = kind == "func" ? ExternKind::Func
           : kind == "table" ? ExternKind::Table
           : kind == "memory" ? ExternKind::Memory : ExternKind::Global;
    PETREL_TRY(x, index(*s));
    e.index = x;
    PETREL_CHECK(expect(TokKind::RParen));
    PETREL_CHECK(expect(TokKind::RParen));
    m_.exports.push_back(std::move(e));
    return {};
  }

  // Instructions up to the closing parenthesis, plus `end`.
  Result<ConstExpr> const_expr_until_rparen() {
    Code c;
    labels_.clear();
    PETREL_CHECK(instrs(c));
    c.op(Op::End);
    ConstExpr e;
    e.code = std::move(c.bytes);
    return e;
  }
  // An offset: (offset instr*) or one folded instruction.
  Result<ConstExpr> offset_expr() {
    if (at_field("offset")) {
      p_ += 2;
      PETREL_TRY(e, const_expr_until_rparen());
      PETREL_CHECK(expect(TokKind::RParen));
      return e;
    }
    Code c;
    labels_.clear();
    if (peek().kind != TokKind::LParen) return fail_here();
    PETREL_CHECK(folded(c));
    c.op(Op::End);
    ConstExpr e;
    e.code = std::move(c.bytes);
    return e;
  }
  ConstExpr ref_func_expr(uint32_t f) {
    Code c;
    c.op(Op::RefFunc);
    c.u32(f);
    c.op(Op::End);
    ConstExpr e;
    e.code = std::move(c.bytes);
    return e;
  }
  // elemlist: `func idx*` | reftype item* | (when allowed) bare function indices.
  Result<void> elem_items(ElemSegment& seg, bool allow_bare_indices) {
    if (at_keyword("func")) {
      ++p_;
      seg.type = ValType::FuncRef;
      while (at_index()) {
        PETREL_TRY(x, index(funcs_));
        seg.items.push_back(ref_func_expr(x));
      }
      return {};
    }
    if (at_keyword("funcref") || at_keyword("externref")) {
      PETREL_TRY(t, reftype());
      seg.type = t;
      while (peek().kind == TokKind::LParen) {
        if (at_field("item")) {
          p_ += 2;
          PETREL_TRY(e, const_expr_until_rparen());
          PETREL_CHECK(expect(TokKind::RParen));
          seg.items.push_back(std::move(e));
        } else {
          Code c;
          labels_.clear();
          PETREL_CHECK(folded(c));
          c.op(Op::End);
          ConstExpr e;
          e.code = std::move(c.bytes);
          seg.items.push_back(std::move(e));
        }
      }
      return {};
    }
    if (allow_bare_indices && peek().kind == TokKind::LParen) {
      // Inline table segments may list expressions without naming the type.
      while (peek().kind == TokKind::LParen) {
        Code c;
        labels_.clear();
        if (at_field("item")) {
          p_ += 2;
          PETREL_CHECK(instrs(c));
          PETREL_CHECK(expect(TokKind::RParen));
        } else {
          PETREL_CHECK(folded(c));
        }
        c.op(Op::End);
        ConstExpr e;
        e.code = std::move(c.bytes);
        seg.items.push_back(std::move(e));
      }
      return {};
    }
    if (allow_bare_indices) {
      seg.type = ValType::FuncRef;
      while (at_index()) {
        PETREL_TRY(x, index(funcs_));
        seg.items.push_back(ref_func_expr(x));
      }
      return {};
    }
    return fail_here();
  }

  Result<void> elem_field() {
    p_ += 2;
    opt_id();
    ElemSegment seg;
    if (at_keyword("declare")) {
      ++p_;
      seg.mode = SegmentMode::Declarative;
      PETREL_CHECK(elem_items(seg, false));
    } else if (peek().kind == TokKind::LParen) {
      seg.mode = SegmentMode::Active;
      bool explicit_table = false;
      if (at_field("table")) {
        p_ += 2;
        PETREL_TRY(x, index(tables_));
        seg.table = x;
        PETREL_CHECK(expect(TokKind::RParen));
        explicit_table = true;
      } else if (at_index()) {
        PETREL_TRY(x, index(tables_));
        seg.table = x;
      }
      PETREL_TRY(off, offset_expr());
      seg.offset = std::move(off);
      (void)explicit_table;
      PETREL_CHECK(elem_items(seg, true));
    } else if (at_index() && peek(1).kind == TokKind::LParen) {
      // Legacy `(elem tableidx (offset …) …)`.
      PETREL_TRY(x, index(tables_));
      seg.table = x;
      PETREL_TRY(off, offset_expr());
      seg.offset = std::move(off);
      PETREL_CHECK(elem_items(seg, true));
    } else {
      seg.mode = SegmentMode::Passive;
      PETREL_CHECK(elem_items(seg, false));
    }
    PETREL_CHECK(expect(TokKind::RParen));
    m_.elems.push_back(std::move(seg));
    return {};
  }

  Result<void> data_field() {
    p_ += 2;
    opt_id();
    DataSegment seg;
    if (peek().kind == TokKind::LParen || at_index()) {
      seg.mode = SegmentMode::Active;
      if (at_field("memory")) {
        p_ += 2;
        PETREL_TRY(x, index(mems_));
        seg.memory = x;
        PETREL_CHECK(expect(TokKind::RParen));
      } else if (at_index()) {
        PETREL_TRY(x, index(mems_));
        seg.memory = x;
      }
      PETREL_TRY(off, offset_expr());
      seg.offset = std::move(off);
    } else {
      seg.mode = SegmentMode::Passive;
    }
    while (peek().kind == TokKind::String) {
      PETREL_TRY(s, string());
      seg.bytes.insert(seg.bytes.end(), s.begin(), s.end());
    }
    PETREL_CHECK(expect(TokKind::RParen));
    m_.datas.push_back(std::move(seg));
    return {};
  }

  // ---- instructions ------------------------------------------------------------------------
  bool at_instr_end() const {
    auto k = peek().kind;
    return k == TokKind::RParen || k == TokKind::Eof || at_keyword("end") || at_keyword("else");
  }
  Result<void> instrs(Code& c) {
    while (!at_instr_end()) {
      if (peek().kind == TokKind::LParen) {
        PETREL_CHECK(folded(c));
      } else {
        PETREL_CHECK(plain(c));
      }
    }
    return {};
  }
  Result<uint32_t> label_index() {
    if (peek().kind == TokKind::Id) {
      for (size_t i = labels_.size(); i-- > 0;) {
        if (labels_[i] && *labels_[i] == peek().text) {
          ++p_;
          return static_cast<uint32_t>(labels_.size() - 1 - i);
        }
      }
      return fail(fmt::format("unknown label {}", peek().text));
    }
    return u32_literal();
  }
  // blocktype: (type x)? (param…)* (result…)*, encoded as the binary's s33.
  Result<void> block_type(Code& c) {
    bool has_type = at_field("type");
    if (!has_type && !at_field("param")) {
      FuncType ft;
      PETREL_CHECK(params_results(ft, nullptr));
      if (ft.results.empty()) c.byte(0x40);
      else if (ft.results.size() == 1) c.byte(static_cast<uint8_t>(ft.results[0]));
      else c.s64(find_or_add_type(ft));
      return {};
    }
    std::vector<std::optional<std::string_view>> names;
    PETREL_TRY(x, typeuse(&names));
    for (const auto& n : names)
      if (n) return fail("unexpected token");
    c.s64(x);
    return {};
  }
  Result<void> end_label(std::optional<std::string_view> label) {
    if (peek().kind == TokKind::Id) {
      if (!label || *label != peek().text) return fail("mismatching label");
      ++p_;
    }
    return {};
  }

  // Counts nesting of folded expressions and blocks, which the parser handles recursively.
  struct DepthGuard {
    uint32_t& depth;
    explicit DepthGuard(uint32_t& d) : depth(++d) {}
    ~DepthGuard() { --depth; }
  };
  Result<void> check_depth() {
    if (depth_ > limits::kMaxNesting || native_stack_low())
      return fail("expressions nested too deeply (implementation limit 10000)");
    return {};
  }

  Result<void> folded(Code& c) {
    DepthGuard guard(depth_);
    PETREL_CHECK(check_depth());
    PETREL_CHECK(expect(TokKind::LParen));
    if (peek().kind != TokKind::Keyword) return fail_here();
    std::string_view kw = peek().text;
    if (kw == "block" || kw == "loop") {
      ++p_;
      auto label = opt_id();
      c.op(kw == "block" ? Op::Block : Op::Loop);
      PETREL_CHECK(block_type(c));
      labels_.push_back(label);
      PETREL_CHECK(instrs(c));
      labels_.pop_back();
      c.op(Op::End);
      return expect(TokKind::RParen);
    }
    if (kw == "if") {
      ++p_;
      auto label = opt_id();
      Code bt;
      PETREL_CHECK(block_type(bt));
      while (peek().kind == TokKind::LParen && !at_keyword("then", 1)) PETREL_CHECK(folded(c));
      c.op(Op::If);
      c.bytes.insert(c.bytes.end(), bt.bytes.begin(), bt.bytes.end());
      labels_.push_back(label);
      if (!at_field("then")) return fail("unexpected token");
      p_ += 2;
      PETREL_CHECK(instrs(c));
      PETREL_CHECK(expect(TokKind::RParen));
      if (at_field("else")) {
        p_ += 2;
        c.op(Op::Else);
        PETREL_CHECK(instrs(c));
        PETREL_CHECK(expect(TokKind::RParen));
      }
      labels_.pop_back();
      c.op(Op::End);
      return expect(TokKind::RParen);
    }
    if (kw == "param" || kw == "result" || kw == "local" || kw == "type" || kw == "export" || kw == "import")
      return fail("unexpected token");
    // (op immediates folded-operands*)
    Code op_code;
    PETREL_CHECK(plain(op_code));
    while (peek().kind == TokKind::LParen) PETREL_CHECK(folded(c));
    c.bytes.insert(c.bytes.end(), op_code.bytes.begin(), op_code.bytes.end());
    return expect(TokKind::RParen);
  }

  // Tokens that may be meant as a numeric literal: numbers, reserved tokens, inf and nan.
  static bool looks_like_literal(const Token& t) {
    if (t.kind == TokKind::Number || t.kind == TokKind::Reserved) return true;
    return t.kind == TokKind::Keyword && (t.text == "inf" || t.text.starts_with("nan"));
  }

  // A lane index: an unsigned 8-bit literal.
  Result<uint8_t> lane_index() {
    if (peek().kind != TokKind::Number) return fail("unexpected token");
    auto lit = parse_uint(peek().text, 8);
    if (lit.status == LitStatus::Malformed) return fail("unexpected token");
    if (lit.status == LitStatus::OutOfRange) return fail("malformed lane index");
    ++p_;
    return static_cast<uint8_t>(lit.value);
  }

 public:
  // `v128.const` operands: a shape, then one literal per lane. Also used by the script parser.
  Result<std::pair<uint64_t, uint64_t>> v128_literal() {
    if (peek().kind != TokKind::Keyword) return fail("unexpected token");
    std::string_view shape = peek().text;
    unsigned lane_bits;
    bool is_float = false;
    if (shape == "i8x16") lane_bits = 8;
    else if (shape == "i16x8") lane_bits = 16;
    else if (shape == "i32x4") lane_bits = 32;
    else if (shape == "i64x2") lane_bits = 64;
    else if (shape == "f32x4") lane_bits = 32, is_float = true;
    else if (shape == "f64x2") lane_bits = 64, is_float = true;
    else return fail("unexpected token");
    ++p_;
    uint8_t bytes[16] = {};
    unsigned lanes = 128 / lane_bits;
    // Like the reference parser, count the literals before reading any of them.
    size_t count = 0;
    while (looks_like_literal(peek(count))) ++count;
    if (count != lanes) return fail("wrong number of lane literals");
    for (unsigned i = 0; i < lanes; ++i) {
      if (peek().kind == TokKind::Reserved) return fail_here();
      uint64_t v;
      if (is_float) {
        auto lit = lane_bits == 32 ? parse_f32(peek().text) : parse_f64(peek().text);
        if (lit.status == LitStatus::Malformed) return fail_here();
        if (lit.status == LitStatus::OutOfRange) return fail("constant out of range");
        v = lit.bits;
      } else {
        auto lit = parse_int(peek().text, lane_bits);
        if (lit.status == LitStatus::Malformed) return fail_here();
        if (lit.status == LitStatus::OutOfRange) return fail("constant out of range");
        v = lit.value;
      }
      ++p_;
      for (unsigned b = 0; b < lane_bits / 8; ++b) bytes[i * lane_bits / 8 + b] = static_cast<uint8_t>(v >> (8 * b));
    }
    uint64_t lo, hi;
    std::memcpy(&lo, bytes, 8);
    std::memcpy(&hi, bytes + 8, 8);
    return std::pair{lo, hi};
  }

 private:
  Result<void> memarg(Code& c, uint32_t natural_align) {
    uint64_t offset = 0;
    uint32_t align = natural_align;
    if (peek().kind == TokKind::Keyword && peek().text.starts_with("offset=")) {
      auto lit = parse_uint(peek().text.substr(7), 32);
      if (lit.status == LitStatus::Malformed) return fail_here();
      if (lit.status == LitStatus::OutOfRange) return fail("i32 constant out of range");
      offset = lit.value;
      ++p_;
    }
    if (peek().kind == TokKind::Keyword && peek().text.starts_with("align=")) {
      auto lit = parse_uint(peek().text.substr(6), 32);
      if (lit.status != LitStatus::Ok) return fail_here();
      if (lit.value == 0 || (lit.value & (lit.value - 1))) return fail("alignment must be a power of two");
      align = static_cast<uint32_t>(std::countr_zero(lit.value));
      ++p_;
    }
    c.u32(align);
    c.u32(offset);
    return {};
  }

  Result<void> plain(Code& c) {
    if (peek().kind != TokKind::Keyword) return fail_here();
    const Token& at = peek();
    std::string_view kw = at.text;
    if (kw == "block" || kw == "loop" || kw == "if") {
      DepthGuard guard(depth_);
      PETREL_CHECK(check_depth());
      ++p_;
      auto label = opt_id();
      c.op(kw == "block" ? Op::Block : kw == "loop" ? Op::Loop : Op::If);
      PETREL_CHECK(block_type(c));
      labels_.push_back(label);
      PETREL_CHECK(instrs(c));
      if (kw == "if" && at_keyword("else")) {
        ++p_;
        PETREL_CHECK(end_label(label));
        c.op(Op::Else);
        PETREL_CHECK(instrs(c));
      }
      PETREL_CHECK(keyword("end"));
      PETREL_CHECK(end_label(label));
      labels_.pop_back();
      c.op(Op::End);
      return {};
    }
    auto op = op_from_text(kw);
    if (!op) return fail(fmt::format("unknown operator {}", kw));
    ++p_;
    const OpInfo& info = op_info(*op);
    if (*op == Op::Select) {
      if (at_field("result")) {
        FuncType ft;
        PETREL_CHECK(params_results(ft, nullptr));
        c.op(Op::SelectT);
        c.u32(ft.results.size());
        for (auto t : ft.results) c.byte(static_cast<uint8_t>(t));
        return {};
      }
      c.op(Op::Select);
      return {};
    }
    switch (info.imm) {
      case ImmKind::None:
        c.op(*op);
        return {};
      case ImmKind::Label: {
        PETREL_TRY(l, label_index());
        c.op(*op);
        c.u32(l);
        return {};
      }
      case ImmKind::LabelTable: {
        std::vector<uint32_t> ls;
        while (at_index()) {
          PETREL_TRY(l, label_index());
          ls.push_back(l);
        }
        if (ls.empty()) return fail_here();
        c.op(*op);
        c.u32(ls.size() - 1);
        for (uint32_t l : ls) c.u32(l);
        return {};
      }
      case ImmKind::Func: {
        PETREL_TRY(x, index(funcs_));
        c.op(*op);
        c.u32(x);
        return {};
      }
      case ImmKind::CallIndirect: {
        uint32_t table = 0;
        if (at_index()) {
          PETREL_TRY(x, index(tables_));
          table = x;
        }
        std::vector<std::optional<std::string_view>> names;
        PETREL_TRY(type, typeuse(&names));
        for (const auto& n : names)
          if (n) return fail("unexpected token");
        c.op(*op);
        c.u32(type);
        c.u32(table);
        return {};
      }
      case ImmKind::Local: {
        uint32_t x;
        if (peek().kind == TokKind::Id) {
          auto it = locals_.find(peek().text);
          if (it == locals_.end()) return fail(fmt::format("unknown local {}", peek().text));
          x = it->second;
          ++p_;
        } else {
          PETREL_TRY(n, u32_literal());
          x = n;
        }
        c.op(*op);
        c.u32(x);
        return {};
      }
      case ImmKind::Global: {
        PETREL_TRY(x, index(globals_));
        c.op(*op);
        c.u32(x);
        return {};
      }
      case ImmKind::Table: {
        uint32_t x = 0;
        if (at_index()) {
          PETREL_TRY(t, index(tables_));
          x = t;
        }
        c.op(*op);
        c.u32(x);
        return {};
      }
      case ImmKind::Memarg:
        c.op(*op);
        return memarg(c, info.natural_align);
      case ImmKind::Memory:
        c.op(*op);
        c.byte(0);
        return {};
      case ImmKind::I32:
      case ImmKind::I64: {
        if (peek().kind != TokKind::Number) return fail_here();
        unsigned bits = info.imm == ImmKind::I32 ? 32 : 64;
        auto lit = parse_int(peek().text, bits);
        if (lit.status == LitStatus::Malformed) return fail_here();
        if (lit.status == LitStatus::OutOfRange) return fail("constant out of range");
        ++p_;
        c.op(*op);
        int64_t v = bits == 32 ? static_cast<int64_t>(static_cast<int32_t>(lit.value)) : static_cast<int64_t>(lit.value);
        c.s64(v);
        return {};
      }
      case ImmKind::F32:
      case ImmKind::F64: {
        if (peek().kind != TokKind::Number && peek().kind != TokKind::Keyword) return fail_here();
        bool f32 = info.imm == ImmKind::F32;
        auto lit = f32 ? parse_f32(peek().text) : parse_f64(peek().text);
        if (lit.status == LitStatus::Malformed) return fail_here();
        if (lit.status == LitStatus::OutOfRange) return fail("constant out of range");
        ++p_;
        c.op(*op);
        c.fixed(lit.bits, f32 ? 4 : 8);
        return {};
      }
      case ImmKind::RefType: {
        PETREL_TRY(t, heaptype());
        c.op(*op);
        c.byte(static_cast<uint8_t>(t));
        return {};
      }
      case ImmKind::SelectT: break;  // not reached: "select" maps to Op::Select
      case ImmKind::MemoryInit: {
        PETREL_TRY(x, index(datas_));
        c.op(*op);
        c.u32(x);
        c.byte(0);
        return {};
      }
      case ImmKind::Data: {
        PETREL_TRY(x, index(datas_));
        c.op(*op);
        c.u32(x);
        return {};
      }
      case ImmKind::Elem: {
        PETREL_TRY(x, index(elems_));
        c.op(*op);
        c.u32(x);
        return {};
      }
      case ImmKind::MemoryCopy:
        c.op(*op);
        c.byte(0);
        c.byte(0);
        return {};
      case ImmKind::TableInit: {
        // table.init elem | table.init table elem
        uint32_t table = 0, elem;
        size_t save = p_;
        if (at_index()) ++p_;
        bool two = at_index();
        p_ = save;
        if (two) {
          PETREL_TRY(t, index(tables_));
          table = t;
        }
        PETREL_TRY(e, index(elems_));
        elem = e;
        c.op(*op);
        c.u32(elem);
        c.u32(table);
        return {};
      }
      case ImmKind::TableCopy: {
        uint32_t dst = 0, src = 0;
        if (at_index()) {
          PETREL_TRY(d, index(tables_));
          PETREL_TRY(s, index(tables_));
          dst = d;
          src = s;
        }
        c.op(*op);
        c.u32(dst);
        c.u32(src);
        return {};
      }
      case ImmKind::V128: {
        PETREL_TRY(v, v128_literal());
        c.op(*op);
        c.fixed(v.first, 8);
        c.fixed(v.second, 8);
        return {};
      }
      case ImmKind::Shuffle: {
        size_t count = 0;
        while (looks_like_literal(peek(count))) ++count;
        if (count != 16) return fail("invalid lane length");
        std::vector<uint8_t> lanes;
        for (int i = 0; i < 16; ++i) {
          auto lit = parse_uint(peek().text, 8);
          if (lit.status != LitStatus::Ok) return fail("malformed lane index");
          lanes.push_back(static_cast<uint8_t>(lit.value));
          ++p_;
        }
        c.op(*op);
        for (uint8_t l : lanes) c.byte(l);
        return {};
      }
      case ImmKind::Lane: {
        PETREL_TRY(l, lane_index());
        c.op(*op);
        c.byte(l);
        return {};
      }
      case ImmKind::MemargLane: {
        c.op(*op);
        PETREL_CHECK(memarg(c, info.natural_align));
        PETREL_TRY(l, lane_index());
        c.byte(l);
        return {};
      }
      case ImmKind::BlockType: break;
    }
    return fail(fmt::format("unknown operator {}", kw), at);
  }

  std::span<const Token> t_;
  size_t p_ = 0;
  Module m_;
  Space types_{"type"}, funcs_{"function"}, tables_{"table"}, mems_{"memory"}, globals_{"global"},
      elems_{"elem segment"}, datas_{"data segment"};
  std::optional<std::string_view> first_definition_;
  std::unordered_map<std::string_view, uint32_t> locals_;
  std::vector<std::optional<std::string_view>> labels_;
  uint32_t depth_ = 0;
};

}  // namespace

Result<Module> parse_module(std::span<const Token> tokens, size_t& pos) { return Parser(tokens).module(pos); }

Result<std::pair<uint64_t, uint64_t>> parse_v128_literal(std::span<const Token> tokens, size_t& pos) {
  Parser p(tokens);
  return p.v128_at(pos);
}

Result<Module> parse_wat(std::string_view source) {
  auto tokens = tokenize(source);
  if (!tokens) return std::unexpected(tokens.error());
  const auto& t = *tokens;
  if (t.size() >= 2 && t[0].kind == TokKind::LParen && t[1].kind == TokKind::Keyword && t[1].text == "module") {
    size_t pos = 0;
    auto m = parse_module(t, pos);
    if (!m) return m;
    if (t[pos].kind != TokKind::Eof) return malformed("unexpected token after module", t[pos].pos());
    return m;
  }
  return Parser(t).bare_fields();
}

}  // namespace petrel::text
