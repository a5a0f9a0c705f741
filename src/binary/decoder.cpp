#include "binary/decoder.hpp"

#include "ir/instr_reader.hpp"
#include "ir/limits.hpp"
#include "support/byte_reader.hpp"

namespace petrel {
namespace {

using limits::kMaxLocals;

enum SectionId : uint8_t {
  kCustom = 0, kType, kImport, kFunction, kTable, kMemory, kGlobal, kExport, kStart, kElement,
  kCode, kData, kDataCount,
};

// The order in which non-custom sections must appear.
int section_rank(uint8_t id) {
  switch (id) {
    case kType: return 1;
    case kImport: return 2;
    case kFunction: return 3;
    case kTable: return 4;
    case kMemory: return 5;
    case kGlobal: return 6;
    case kExport: return 7;
    case kStart: return 8;
    case kElement: return 9;
    case kDataCount: return 10;
    case kCode: return 11;
    case kData: return 12;
  }
  return -1;
}

class Decoder {
 public:
  explicit Decoder(std::span<const uint8_t> bytes) : bytes_(bytes) {}

  Result<Module> run() {
    ByteReader r(bytes_);
    PETREL_TRY(magic, r.bytes(4));
    if (!(magic[0] == 0 && magic[1] == 'a' && magic[2] == 's' && magic[3] == 'm'))
      return malformed("magic header not detected", SourcePos::at_offset(0));
    PETREL_TRY(version, r.bytes(4));
    if (!(version[0] == 1 && version[1] == 0 && version[2] == 0 && version[3] == 0))
      return malformed("unknown binary version", SourcePos::at_offset(4));

    int last_rank = 0;
    bool saw_function = false, saw_code = false;
    uint32_t declared_funcs = 0, code_count = 0;
    while (!r.at_end()) {
      uint64_t section_start = r.offset();
      PETREL_TRY(id, r.u8());
      if (id > kDataCount) return malformed("malformed section id", SourcePos::at_offset(section_start));
      PETREL_TRY(size, r.u32());
      if (size > r.remaining()) return malformed("length out of bounds", SourcePos::at_offset(r.offset()));
      // Like the reference decoder, a section's contents are read from a stream that runs to
      // the end of the module; its declared size is checked afterwards.
      size_t body_start = r.pos();
      ByteReader s(bytes_.subspan(body_start), body_start);
      s.set_eof_message("unexpected end of section or function");
      if (id != kCustom) {
        int rank = section_rank(id);
        if (rank <= last_rank) return malformed("unexpected content after last section", SourcePos::at_offset(section_start));
        last_rank = rank;
      }
      switch (id) {
        case kCustom: {
          ByteReader cs(bytes_.subspan(body_start, size), body_start);
          cs.set_eof_message("unexpected end of section or function");
          PETREL_CHECK(custom(cs));
          s.seek(size);
          break;
        }
        case kType: PETREL_CHECK(types(s)); break;
        case kImport: PETREL_CHECK(imports(s)); break;
        case kFunction: {
          PETREL_CHECK(functions(s));
          saw_function = true;
          declared_funcs = static_cast<uint32_t>(m_.functions.size());
          break;
        }
        case kTable: PETREL_CHECK(tables(s)); break;
        case kMemory: PETREL_CHECK(memories(s)); break;
        case kGlobal: PETREL_CHECK(globals(s)); break;
        case kExport: PETREL_CHECK(exports(s)); break;
        case kStart: {
          PETREL_TRY(idx, s.u32());
          m_.start = idx;
          break;
        }
        case kElement: PETREL_CHECK(elems(s)); break;
        case kDataCount: {
          PETREL_TRY(n, s.u32());
          m_.data_count = n;
          break;
        }
        case kCode: PETREL_CHECK(code(s)); saw_code = true; code_count = code_count_; break;
        case kData: PETREL_CHECK(datas(s)); break;
      }
      if (s.pos() != size) return malformed("section size mismatch", SourcePos::at_offset(s.offset()));
      r.seek(body_start + size);
    }
    (void)saw_function;
    if ((saw_code ? code_count : 0) != declared_funcs)
      return malformed("function and code section have inconsistent lengths");
    if (m_.data_count && *m_.data_count != m_.datas.size())
      return malformed("data count and data section have inconsistent lengths");
    return std::move(m_);
  }

 private:
  // Reads a vector length and rejects counts that cannot fit in what is left (each element takes
  // at least one byte), so a forged count never drives a huge allocation.
  Result<uint32_t> count(ByteReader& s) {
    PETREL_TRY(n, s.u32());
    if (n > s.remaining()) return s.fail("unexpected end of section or function");
    return n;
  }

  Result<ValType> valtype(ByteReader& s) {
    uint64_t at = s.offset();
    PETREL_TRY(b, s.u8());
    if (!is_valtype_byte(b)) return malformed("malformed value type", SourcePos::at_offset(at));
    return static_cast<ValType>(b);
  }
  Result<ValType> reftype(ByteReader& s) {
    uint64_t at = s.offset();
    PETREL_TRY(b, s.u8());
    if (b != 0x70 && b != 0x6F) return malformed("malformed reference type", SourcePos::at_offset(at));
    return static_cast<ValType>(b);
  }
  Result<Limits> limits(ByteReader& s, bool memory) {
    uint64_t at = s.offset();
    PETREL_TRY(flags, s.u8());
    Limits l;
    // The flag is a LEB-encoded integer to the reference decoder: a continuation bit makes
    // it too long, other values beyond 1 too large (shared memories need the threads proposal).
    (void)memory;
    if (flags & 0x80) return malformed("integer representation too long", SourcePos::at_offset(at));
    if (flags > 1) return malformed("integer too large", SourcePos::at_offset(at));
    PETREL_TRY(min, s.u32());
    l.min = min;
    if (flags & 1) {
      PETREL_TRY(max, s.u32());
      l.max = max;
    }
    return l;
  }
  Result<TableType> table_type(ByteReader& s) {
    PETREL_TRY(t, reftype(s));
    PETREL_TRY(l, limits(s, false));
    return TableType{t, l};
  }
  Result<GlobalType> global_type(ByteReader& s) {
    PETREL_TRY(t, valtype(s));
    uint64_t at = s.offset();
    PETREL_TRY(mut, s.u8());
    if (mut > 1) return malformed("malformed mutability", SourcePos::at_offset(at));
    return GlobalType{t, mut == 1};
  }
  // A constant expression: instructions up to and including the first `end`.
  Result<ConstExpr> const_expr(ByteReader& s) {
    ConstExpr e;
    e.offset = s.offset();
    size_t start = s.pos();
    InstrReader ir(s.data().subspan(start), s.offset());
    Instr in;
    for (;;) {
      PETREL_CHECK(ir.next(in));
      if (in.op == Op::End) break;
    }
    auto bytes = s.data().subspan(start, ir.pos());
    e.code.assign(bytes.begin(), bytes.end());
    s.seek(start + ir.pos());
    return e;
  }

  Result<void> custom(ByteReader& s) {
    CustomSection c;
    PETREL_TRY(name, s.name());
    c.name = std::move(name);
    auto rest = *s.bytes(s.remaining());
    c.bytes.assign(rest.begin(), rest.end());
    if (c.name == "name") read_function_names(c.bytes);
    m_.customs.push_back(std::move(c));
    return {};
  }
  // The name section's function names (subsection 1), for messages only: a malformed name
  // section is ignored, as the spec allows.
  void read_function_names(const std::vector<uint8_t>& bytes) {
    ByteReader r(bytes);
    while (!r.at_end()) {
      auto id = r.u8();
      auto size = r.u32();
      if (!id || !size || *size > r.remaining()) return;
      size_t end = r.pos() + *size;
      if (*id == 1) {
        auto n = r.u32();
        if (!n) return;
        for (uint32_t i = 0; i < *n && r.pos() < end; ++i) {
          auto idx = r.u32();
          auto name = r.name();
          if (!idx || !name) return;
          m_.func_names[*idx] = std::move(*name);
        }
      }
      r.seek(end);
    }
  }

  Result<void> types(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t at = s.offset();
      PETREL_TRY(form, s.u8());
      if (form != 0x60) return malformed("integer representation too long", SourcePos::at_offset(at));
      FuncType t;
      PETREL_TRY(np, count(s));
      for (uint32_t j = 0; j < np; ++j) {
        PETREL_TRY(v, valtype(s));
        t.params.push_back(v);
      }
      PETREL_TRY(nr, count(s));
      for (uint32_t j = 0; j < nr; ++j) {
        PETREL_TRY(v, valtype(s));
        t.results.push_back(v);
      }
      m_.types.push_back(std::move(t));
    }
    return {};
  }
  Result<void> imports(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      Import imp;
      PETREL_TRY(mod, s.name());
      PETREL_TRY(name, s.name());
      imp.module = std::move(mod);
      imp.name = std::move(name);
      uint64_t at = s.offset();
      PETREL_TRY(kind, s.u8());
      switch (kind) {
        case 0: {
          PETREL_TRY(t, s.u32());
          imp.func_type = t;
          break;
        }
        case 1: {
          PETREL_TRY(t, table_type(s));
          imp.table = t;
          break;
        }
        case 2: {
          PETREL_TRY(l, limits(s, true));
          imp.memory = MemoryType{l};
          break;
        }
        case 3: {
          PETREL_TRY(g, global_type(s));
          imp.global = g;
          break;
        }
        default: return malformed("malformed import kind", SourcePos::at_offset(at));
      }
      imp.kind = static_cast<ExternKind>(kind);
      m_.add_import(std::move(imp));
    }
    return {};
  }
  Result<void> functions(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      PETREL_TRY(t, s.u32());
      Function f;
      f.type = t;
      m_.functions.push_back(std::move(f));
    }
    return {};
  }
  Result<void> tables(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      PETREL_TRY(t, table_type(s));
      m_.tables.push_back(t);
    }
    return {};
  }
  Result<void> memories(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      PETREL_TRY(l, limits(s, true));
      m_.memories.push_back(MemoryType{l});
    }
    return {};
  }
  Result<void> globals(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      PETREL_TRY(t, global_type(s));
      PETREL_TRY(init, const_expr(s));
      m_.globals.push_back(Global{t, std::move(init)});
    }
    return {};
  }
  Result<void> exports(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      Export e;
      PETREL_TRY(name, s.name());
      e.name = std::move(name);
      uint64_t at = s.offset();
      PETREL_TRY(kind, s.u8());
      if (kind > 3) return malformed("malformed export kind", SourcePos::at_offset(at));
      e.kind = static_cast<ExternKind>(kind);
      PETREL_TRY(idx, s.u32());
      e.index = idx;
      m_.exports.push_back(std::move(e));
    }
    return {};
  }
  static ConstExpr ref_func_expr(uint32_t idx) {
    ConstExpr e;
    e.code.push_back(0xD2);
    do {
      uint8_t b = idx & 0x7F;
      idx >>= 7;
      e.code.push_back(idx ? (b | 0x80) : b);
    } while (idx);
    e.code.push_back(0x0B);
    return e;
  }
  Result<void> elems(ByteReader& s) {
    PETREL_TRY(n, count(s));
    for (uint32_t i = 0; i < n; ++i) {
      ElemSegment seg;
      uint64_t at = s.offset();
      PETREL_TRY(flags, s.u32());
      if (flags > 7) return malformed("malformed elements segment kind", SourcePos::at_offset(at));
      bool passive_or_decl = flags & 1;
      bool explicit_table = flags & 2;
      bool uses_exprs = flags & 4;
      if (!passive_or_decl) {
        seg.mode = SegmentMode::Active;
        if (explicit_table) {
          PETREL_TRY(t, s.u32());
          seg.table = t;
        }
        PETREL_TRY(off, const_expr(s));
        seg.offset = std::move(off);
      } else {
        seg.mode = explicit_table ? SegmentMode::Declarative : SegmentMode::Passive;
      }
      // Flags 0 and 4 imply funcref; the others name an element kind or reference type.
      if (passive_or_decl || explicit_table) {
        if (uses_exprs) {
          PETREL_TRY(t, reftype(s));
          seg.type = t;
        } else {
          uint64_t kat = s.offset();
          PETREL_TRY(kind, s.u8());
          if (kind != 0) return malformed("malformed element kind", SourcePos::at_offset(kat));
          seg.type = ValType::FuncRef;
        }
      }
      PETREL_TRY(items, count(s));
      for (uint32_t j = 0; j < items; ++j) {
        if (uses_exprs) {
          PETREL_TRY(e, const_expr(s));
          seg.items.push_back(std::move(e));
        } else {
          uint64_t iat = s.offset();
          PETREL_TRY(idx, s.u32());
          auto e = ref_func_expr(idx);
          e.offset = iat;
          seg.items.push_back(std::move(e));
        }
      }
      m_.elems.push_back(std::move(seg));
    }
    return {};
  }
  Result<void> code(ByteReader& s) {
    PETREL_TRY(n, count(s));
    code_count_ = n;
    for (uint32_t i = 0; i < n; ++i) {
      PETREL_TRY(size, s.u32());
      if (size > s.remaining()) return malformed("length out of bounds", SourcePos::at_offset(s.offset()));
      size_t start = s.pos();
      if (i >= m_.functions.size()) m_.functions.emplace_back();
      Function& f = m_.functions[i];
      PETREL_TRY(groups, count(s));
      uint64_t total = 0;
      std::vector<std::pair<uint32_t, ValType>> decls;
      for (uint32_t g = 0; g < groups; ++g) {
        PETREL_TRY(c, s.u32());
        PETREL_TRY(t, valtype(s));
        total += c;
        if (total > kMaxLocals) return malformed("too many locals", SourcePos::at_offset(s.offset()));
        decls.emplace_back(c, t);
      }
      for (auto [c, t] : decls) f.locals.insert(f.locals.end(), c, t);
      size_t instr_start = s.pos();
      PETREL_CHECK(skip_body(s));
      if (s.pos() != start + size) return malformed("section size mismatch", SourcePos::at_offset(s.offset()));
      auto instrs = s.data().subspan(instr_start, s.pos() - instr_start);
      f.body_offset = s.offset() - instrs.size();
      f.body_begin = static_cast<uint32_t>(m_.code.size());
      m_.code.insert(m_.code.end(), instrs.begin(), instrs.end());
      f.body_end = static_cast<uint32_t>(m_.code.size());
    }
    return {};
  }
  // Decodes a body's instructions up to its final `end`, checking that they are well formed
  // and properly nested.
  Result<void> skip_body(ByteReader& s) {
    InstrReader ir(s.data().subspan(s.pos()), s.offset());
    Instr in;
    std::vector<Op> blocks{Op::Block};
    while (!blocks.empty()) {
      PETREL_CHECK(ir.next(in));
      switch (in.op) {
        case Op::Block:
        case Op::Loop:
        case Op::If:
          if (blocks.size() > limits::kMaxNesting)
            return malformed("blocks nested too deeply (implementation limit 10000)", SourcePos::at_offset(in.offset));
          blocks.push_back(in.op);
          break;
        case Op::Else:
          if (blocks.back() != Op::If) return malformed("END opcode expected", SourcePos::at_offset(in.offset));
          blocks.back() = Op::Else;
          break;
        case Op::End: blocks.pop_back(); break;
        default: break;
      }
    }
    s.seek(s.pos() + ir.pos());
    return {};
  }
  Result<void> datas(ByteReader& s) {
    PETREL_TRY(n, count(s));
    if (m_.data_count && *m_.data_count != n)
      return malformed("data count and data section have inconsistent lengths", SourcePos::at_offset(s.offset()));
    for (uint32_t i = 0; i < n; ++i) {
      DataSegment seg;
      uint64_t at = s.offset();
      PETREL_TRY(flags, s.u32());
      if (flags > 2) return malformed("malformed data segment kind", SourcePos::at_offset(at));
      if (flags == 1) {
        seg.mode = SegmentMode::Passive;
      } else {
        if (flags == 2) {
          PETREL_TRY(mem, s.u32());
          seg.memory = mem;
        }
        PETREL_TRY(off, const_expr(s));
        seg.offset = std::move(off);
      }
      PETREL_TRY(len, s.u32());
      if (len > s.remaining()) return s.fail("unexpected end of section or function");
      auto b = *s.bytes(len);
      seg.bytes.assign(b.begin(), b.end());
      m_.datas.push_back(std::move(seg));
    }
    return {};
  }

  std::span<const uint8_t> bytes_;
  Module m_;
  uint32_t code_count_ = 0;
};

}  // namespace

Result<Module> decode_module(std::span<const uint8_t> bytes) { return Decoder(bytes).run(); }

}  // namespace petrel
