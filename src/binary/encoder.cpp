#include "binary/encoder.hpp"

#include <string_view>

#include "support/leb128_writer.hpp"

namespace petrel {
namespace {

class Writer {
 public:
  std::vector<uint8_t> out;

  void byte(uint8_t b) { out.push_back(b); }
  void u32(uint64_t v) { write_uleb(out, v); }
  void bytes(std::span<const uint8_t> b) { out.insert(out.end(), b.begin(), b.end()); }
  void name(std::string_view s) {
    u32(s.size());
    out.insert(out.end(), s.begin(), s.end());
  }
  void valtype(ValType t) { byte(static_cast<uint8_t>(t)); }
  void limits(const Limits& l) {
    byte(l.max ? 1 : 0);
    u32(l.min);
    if (l.max) u32(*l.max);
  }
  void table_type(const TableType& t) {
    valtype(t.elem);
    limits(t.limits);
  }
  void global_type(const GlobalType& g) {
    valtype(g.type);
    byte(g.mut ? 1 : 0);
  }
  // Appends `body` as section `id`, preceded by its size.
  void section(uint8_t id, const Writer& body) {
    byte(id);
    u32(body.out.size());
    bytes(body.out);
  }
};

void encode_elem(Writer& w, const ElemSegment& seg) {
  // Always the expression forms (flags 4-7): they carry any element type.
  bool plain_active = seg.mode == SegmentMode::Active && seg.table == 0 && seg.type == ValType::FuncRef;
  if (plain_active) {
    w.byte(4);
    w.bytes(seg.offset.code);
  } else if (seg.mode == SegmentMode::Active) {
    w.byte(6);
    w.u32(seg.table);
    w.bytes(seg.offset.code);
    w.valtype(seg.type);
  } else {
    w.byte(seg.mode == SegmentMode::Passive ? 5 : 7);
    w.valtype(seg.type);
  }
  w.u32(seg.items.size());
  for (const auto& item : seg.items) w.bytes(item.code);
}

void encode_body(Writer& w, const Module& m, const Function& f) {
  Writer body;
  // Locals as runs of equal types.
  std::vector<std::pair<uint32_t, ValType>> runs;
  for (ValType t : f.locals) {
    if (!runs.empty() && runs.back().second == t)
      ++runs.back().first;
    else
      runs.emplace_back(1, t);
  }
  body.u32(runs.size());
  for (auto [n, t] : runs) {
    body.u32(n);
    body.valtype(t);
  }
  body.bytes(m.body(f));
  w.u32(body.out.size());
  w.bytes(body.out);
}

}  // namespace

std::vector<uint8_t> encode_module(const Module& m) {
  Writer w;
  w.bytes(std::vector<uint8_t>{0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
  if (!m.types.empty()) {
    Writer s;
    s.u32(m.types.size());
    for (const auto& t : m.types) {
      s.byte(0x60);
      s.u32(t.params.size());
      for (ValType v : t.params) s.valtype(v);
      s.u32(t.results.size());
      for (ValType v : t.results) s.valtype(v);
    }
    w.section(1, s);
  }
  if (!m.imports.empty()) {
    Writer s;
    s.u32(m.imports.size());
    for (const auto& imp : m.imports) {
      s.name(imp.module);
      s.name(imp.name);
      s.byte(static_cast<uint8_t>(imp.kind));
      switch (imp.kind) {
        case ExternKind::Func: s.u32(imp.func_type); break;
        case ExternKind::Table: s.table_type(imp.table); break;
        case ExternKind::Memory: s.limits(imp.memory.limits); break;
        case ExternKind::Global: s.global_type(imp.global); break;
      }
    }
    w.section(2, s);
  }
  if (!m.functions.empty()) {
    Writer s;
    s.u32(m.functions.size());
    for (const auto& f : m.functions) s.u32(f.type);
    w.section(3, s);
  }
  if (!m.tables.empty()) {
    Writer s;
    s.u32(m.tables.size());
    for (const auto& t : m.tables) s.table_type(t);
    w.section(4, s);
  }
  if (!m.memories.empty()) {
    Writer s;
    s.u32(m.memories.size());
    for (const auto& mem : m.memories) s.limits(mem.limits);
    w.section(5, s);
  }
  if (!m.globals.empty()) {
    Writer s;
    s.u32(m.globals.size());
    for (const auto& g : m.globals) {
      s.global_type(g.type);
      s.bytes(g.init.code);
    }
    w.section(6, s);
  }
  if (!m.exports.empty()) {
    Writer s;
    s.u32(m.exports.size());
    for (const auto& e : m.exports) {
      s.name(e.name);
      s.byte(static_cast<uint8_t>(e.kind));
      s.u32(e.index);
    }
    w.section(7, s);
  }
  if (m.start) {
    Writer s;
    s.u32(*m.start);
    w.section(8, s);
  }
  if (!m.elems.empty()) {
    Writer s;
    s.u32(m.elems.size());
    for (const auto& seg : m.elems) encode_elem(s, seg);
    w.section(9, s);
  }
  if (m.data_count) {
    Writer s;
    s.u32(*m.data_count);
    w.section(12, s);
  }
  if (!m.functions.empty()) {
    Writer s;
    s.u32(m.functions.size());
    for (const auto& f : m.functions) encode_body(s, m, f);
    w.section(10, s);
  }
  if (!m.datas.empty()) {
    Writer s;
    s.u32(m.datas.size());
    for (const auto& seg : m.datas) {
      if (seg.mode == SegmentMode::Passive) {
        s.byte(1);
      } else if (seg.memory == 0) {
        s.byte(0);
        s.bytes(seg.offset.code);
      } else {
        s.byte(2);
        s.u32(seg.memory);
        s.bytes(seg.offset.code);
      }
      s.u32(seg.bytes.size());
      s.bytes(seg.bytes);
    }
    w.section(11, s);
  }
  bool has_name_section = false;
  for (const auto& c : m.customs) {
    if (c.name == "name") has_name_section = true;
    Writer s;
    s.name(c.name);
    s.bytes(c.bytes);
    w.section(0, s);
  }
  if (!has_name_section && !m.func_names.empty()) {
    Writer names;
    names.u32(m.func_names.size());
    for (const auto& [index, name] : m.func_names) {
      names.u32(index);
      names.name(name);
    }
    Writer s;
    s.name("name");
    s.byte(1);  // function names
    s.u32(names.out.size());
    s.bytes(names.out);
    w.section(0, s);
  }
  return std::move(w.out);
}

}  // namespace petrel
