// Opcodes and their static properties, generated from opcodes.def.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ir/types.hpp"

namespace petrel {

enum class Op : uint16_t {
#define OP(name, text, code, imm, align, params, results, family) name,
#include "ir/opcodes.def"
#undef OP
  Count_
};

enum class ImmKind : uint8_t {
  None, BlockType, Label, LabelTable, Func, CallIndirect, Local, Global, Table, Memarg, Memory,
  I32, I64, F32, F64, RefType, SelectT, MemoryInit, Data, MemoryCopy, TableInit, Elem, TableCopy,
  V128, Shuffle, Lane, MemargLane,
};

// How the engines treat an instruction (the family column of opcodes.def).
enum class OpFamily : uint8_t {
  None, Const, Unary, Binary, Commutative, Load, Store, V128Load, VLoad, VStore, ExtractLane, Simd,
};

struct OpInfo {
  std::string_view text;
  uint32_t code;           // 0xNN, 0xFC00|sub or 0xFD0000|sub
  ImmKind imm;
  uint8_t natural_align;      // log2 of the access size, for memory instructions
  std::string_view params;    // type letters; "*" = typed by hand
  std::string_view results;
  OpFamily family;
  // A scalar numeric operator (unary or binary).
  constexpr bool numeric() const {
    return family == OpFamily::Unary || family == OpFamily::Binary || family == OpFamily::Commutative;
  }
  // A load whose only operand is its address, scalar or v128: [dst|address][offset].
  constexpr bool address_load() const {
    return family == OpFamily::Load || family == OpFamily::V128Load || family == OpFamily::VLoad;
  }
  constexpr bool store() const { return family == OpFamily::Store || family == OpFamily::VStore; }
};

namespace opcode_tables {
extern const std::array<OpInfo, static_cast<size_t>(Op::Count_)> kInfo;
}  // namespace opcode_tables
inline const OpInfo& op_info(Op op) { return opcode_tables::kInfo[static_cast<size_t>(op)]; }
// The type a signature letter of opcodes.def stands for (i, I, f, F, V).
ValType signature_type(char letter);
// Looks up a binary opcode (0xFC00|sub, 0xFD0000|sub for prefixed ones); nullopt if unknown.
inline std::optional<Op> op_from_code(uint32_t code);
// Lanes addressed by a lane immediate of this instruction (16 for i8x16 ops, …).
uint32_t lane_count(Op op);
// Looks up an instruction's text name; nullopt for unknown ones.
std::optional<Op> op_from_text(std::string_view text);

// Opcode → Op tables (-1: no such opcode), filled at compile time: decoding is the hot path of
// loading a module.
namespace opcode_tables {
extern const std::array<int16_t, 256> kByte;
extern const std::array<int16_t, 32> kFC;
extern const std::array<int16_t, 0x120> kFD;
}  // namespace opcode_tables

inline std::optional<Op> op_from_code(uint32_t code) {
  int i = -1;
  if (code < 0x100) i = opcode_tables::kByte[code];
  else if ((code & 0xFFFF00) == 0xFC00 && (code & 0xFF) < 32) i = opcode_tables::kFC[code & 0xFF];
  else if ((code & 0xFF0000) == 0xFD0000 && (code & 0xFFFF) < 0x120) i = opcode_tables::kFD[code & 0xFFFF];
  if (i < 0) return std::nullopt;
  return static_cast<Op>(i);
}

}  // namespace petrel
