// The module IR that both front ends (binary, text) produce and every later layer consumes.
// Function bodies and constant expressions stay in the binary encoding: the InstrReader
// decodes them for the validator and the engines, so there is one decoding of instructions.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ir/types.hpp"

namespace petrel {

// A constant expression, as bytes ending with `end` (0x0B).
struct ConstExpr {
  std::vector<uint8_t> code;
  uint64_t offset = 0;  // file offset, for messages
};

struct Import {
  std::string module, name;
  ExternKind kind = ExternKind::Func;
  uint32_t func_type = 0;
  TableType table;
  MemoryType memory;
  GlobalType global;
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::Func;
  uint32_t index = 0;
};

struct Function {
  uint32_t type = 0;
  std::vector<ValType> locals;  // declared locals, expanded (params not included)
  uint32_t body_begin = 0;      // [begin, end) in Module::code: instructions, ending with `end`
  uint32_t body_end = 0;
  uint64_t body_offset = 0;     // file offset of the body, for messages
};

struct Global {
  GlobalType type;
  ConstExpr init;
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElemSegment {
  SegmentMode mode = SegmentMode::Active;
  ValType type = ValType::FuncRef;
  uint32_t table = 0;
  ConstExpr offset;
  std::vector<ConstExpr> items;
};

struct DataSegment {
  SegmentMode mode = SegmentMode::Active;
  uint32_t memory = 0;
  ConstExpr offset;
  std::vector<uint8_t> bytes;
};

struct CustomSection {
  std::string name;
  std::vector<uint8_t> bytes;
};

struct Module {
  std::vector<FuncType> types;
  std::vector<Import> imports;
  std::vector<Function> functions;  // defined functions (imports not included)
  std::vector<TableType> tables;
  std::vector<MemoryType> memories;
  std::vector<Global> globals;
  std::vector<Export> exports;
  std::optional<uint32_t> start;
  std::vector<ElemSegment> elems;
  std::vector<DataSegment> datas;
  std::optional<uint32_t> data_count;
  std::vector<CustomSection> customs;
  std::vector<uint8_t> code;  // every function body, back to back
  std::map<uint32_t, std::string> func_names;  // from the "name" custom section (or text $ids)

  // Counts of imports per kind, kept up to date by the front ends.
  uint32_t num_imported_funcs = 0, num_imported_tables = 0, num_imported_memories = 0,
           num_imported_globals = 0;

  uint32_t total_funcs() const { return num_imported_funcs + static_cast<uint32_t>(functions.size()); }
  uint32_t total_tables() const { return num_imported_tables + static_cast<uint32_t>(tables.size()); }
  uint32_t total_memories() const { return num_imported_memories + static_cast<uint32_t>(memories.size()); }
  uint32_t total_globals() const { return num_imported_globals + static_cast<uint32_t>(globals.size()); }

  // Type of function `index` in the function index space (imports first); caller checks range.
  uint32_t func_type_index(uint32_t index) const;
  TableType table_type(uint32_t index) const;
  MemoryType memory_type(uint32_t index) const;
  GlobalType global_type(uint32_t index) const;

  std::span<const uint8_t> body(const Function& f) const {
    return std::span<const uint8_t>(code).subspan(f.body_begin, f.body_end - f.body_begin);
  }
  void add_import(Import imp);
};

}  // namespace petrel
