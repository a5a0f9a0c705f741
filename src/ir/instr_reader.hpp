// Decodes one instruction at a time from binary-encoded code: the single instruction decoder
// behind the validator, the interpreter's translator and the compiler.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "ir/opcodes.hpp"
#include "ir/types.hpp"
#include "support/byte_reader.hpp"

namespace petrel {

struct BlockType {
  enum class Kind : uint8_t { Empty, Value, TypeIndex } kind = Kind::Empty;
  ValType value = ValType::I32;
  uint32_t type_index = 0;
};
// A block's parameter and result types, given the module's types: the one reading of a block
// type that the validator, the translator and the compiler share. nullopt when its type index
// is out of range (only the validator sees such code).
std::optional<FuncType> block_signature(std::span<const FuncType> types, const BlockType& bt);

struct Instr {
  Op op = Op::Nop;
  uint64_t offset = 0;     // file offset of the opcode
  BlockType block;         // block, loop, if
  uint32_t a = 0, b = 0;   // indices: label, func, local, global, table, type, memory, data, elem
  uint64_t memarg_offset = 0;
  uint32_t align = 0;      // memarg alignment (log2)
  uint64_t bits = 0;       // constant payload: i32/i64 value or float bits; v128 low half
  uint64_t bits_hi = 0;    // v128 high half; i8x16.shuffle lanes are bits/bits_hi as bytes
  uint8_t lane = 0;        // lane immediate
  ValType type = ValType::I32;  // ref.null type, select's annotated type
  bool has_type = false;        // select with explicit types
  std::span<const uint32_t> labels;  // br_table targets; the default label is in `a`
};

class InstrReader {
 public:
  InstrReader(std::span<const uint8_t> code, uint64_t base_offset) : r_(code, base_offset) {
    r_.set_eof_message("unexpected end of section or function");
  }
  bool at_end() const { return r_.at_end(); }
  size_t pos() const { return r_.pos(); }
  uint64_t offset() const { return r_.offset(); }
  // Decodes the next instruction into `out`; `labels` stays valid until the next call.
  Result<void> next(Instr& out);

 private:
  ByteReader r_;
  std::vector<uint32_t> labels_;
};

}  // namespace petrel
