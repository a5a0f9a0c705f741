// Opcodes and their static properties, generated from opcodes.def.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace petrel {

enum class Op : uint16_t {
#define OP(name, text, code, imm, align, params, results) name,
#include "ir/opcodes.def"
#undef OP
  Count_
};

enum class ImmKind : uint8_t {
  None, BlockType, Label, LabelTable, Func, CallIndirect, Local, Global, Table, Memarg, Memory,
  I32, I64, F32, F64, RefType, SelectT, MemoryInit, Data, MemoryCopy, TableInit, Elem, TableCopy,
};

struct OpInfo {
  std::string_view text;
  uint16_t code;
  ImmKind imm;
  uint8_t natural_align;      // log2 of the access size, for memory instructions
  std::string_view params;    // type letters; "*" = typed by hand
  std::string_view results;
};

const OpInfo& op_info(Op op);
// Looks up a binary opcode (0xFC-prefixed as 0xFC00|sub); nullopt for unknown ones.
std::optional<Op> op_from_code(uint16_t code);
// Looks up an instruction's text name; nullopt for unknown ones.
std::optional<Op> op_from_text(std::string_view text);

}  // namespace petrel
