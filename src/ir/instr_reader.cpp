#include "ir/instr_reader.hpp"

namespace petrel {

std::optional<FuncType> block_signature(std::span<const FuncType> types, const BlockType& bt) {
  switch (bt.kind) {
    case BlockType::Kind::Empty: return FuncType{};
    case BlockType::Kind::Value: return FuncType{{}, {bt.value}};
    case BlockType::Kind::TypeIndex:
      if (bt.type_index >= types.size()) return std::nullopt;
      return types[bt.type_index];
  }
  return std::nullopt;
}

Result<void> InstrReader::next(Instr& in) {
  in.offset = r_.offset();
  uint8_t byte;
  PETREL_TRY_ASSIGN(byte, r_.u8());
  uint32_t code = byte;
  if (byte == 0xFC || byte == 0xFD) {
    uint32_t sub;
    PETREL_TRY_ASSIGN(sub, r_.u32());
    if (sub > 0xFFFF) return malformed("illegal opcode", SourcePos::at_offset(in.offset));
    code = (byte == 0xFC ? 0xFC00u : 0xFD0000u) | sub;
    if (byte == 0xFC && sub > 0xFF) return malformed("illegal opcode", SourcePos::at_offset(in.offset));
  }
  auto op = op_from_code(code);
  if (!op) return malformed("illegal opcode", SourcePos::at_offset(in.offset));
  in.op = *op;
  in.has_type = false;
  auto zero_byte = [&]() -> Result<void> {
    uint8_t z;
    PETREL_TRY_ASSIGN(z, r_.u8());
    if (z != 0) return r_.fail("zero byte expected");
    return {};
  };
  switch (op_info(in.op).imm) {
    case ImmKind::None: break;
    case ImmKind::BlockType: {
      // s33: negative values are the single-byte value types / empty; otherwise a type index.
      int64_t v;
      PETREL_TRY_ASSIGN(v, r_.s33());
      if (v == -64) {
        in.block.kind = BlockType::Kind::Empty;
      } else if (v < 0) {
        uint8_t b = static_cast<uint8_t>(v & 0x7F);
        if (!is_valtype_byte(b)) return malformed("malformed value type", SourcePos::at_offset(in.offset + 1));
        in.block.kind = BlockType::Kind::Value;
        in.block.value = static_cast<ValType>(b);
      } else {
        in.block.kind = BlockType::Kind::TypeIndex;
        in.block.type_index = static_cast<uint32_t>(v);
      }
      break;
    }
    case ImmKind::Label:
    case ImmKind::Func:
    case ImmKind::Local:
    case ImmKind::Global:
    case ImmKind::Table:
    case ImmKind::Data:
    case ImmKind::Elem:
      PETREL_TRY_ASSIGN(in.a, r_.u32());
      break;
    case ImmKind::LabelTable: {
      uint32_t n;
      PETREL_TRY_ASSIGN(n, r_.u32());
      if (n > r_.remaining()) return r_.fail("unexpected end of section or function");
      labels_.resize(n);
      for (uint32_t i = 0; i < n; ++i) PETREL_TRY_ASSIGN(labels_[i], r_.u32());
      PETREL_TRY_ASSIGN(in.a, r_.u32());
      in.labels = labels_;
      break;
    }
    case ImmKind::CallIndirect:
      PETREL_TRY_ASSIGN(in.a, r_.u32());  // type index
      PETREL_TRY_ASSIGN(in.b, r_.u32());  // table index (was a zero byte before reference types)
      break;
    case ImmKind::Memarg:
    case ImmKind::MemargLane: {
      uint32_t flags;
      PETREL_TRY_ASSIGN(flags, r_.u32());
      // Alignment exponents of 32 or more cannot be encoded (bit 6 selects a memory index
      // in the multi-memory proposal, which WebAssembly 2.0 lacks).
      if (flags >= 32) return r_.fail("malformed memop flags");
      in.align = flags;
      in.b = 0;
      PETREL_TRY_ASSIGN(in.memarg_offset, r_.u32());
      if (op_info(in.op).imm == ImmKind::MemargLane) PETREL_TRY_ASSIGN(in.lane, r_.u8());
      break;
    }
    case ImmKind::Lane: PETREL_TRY_ASSIGN(in.lane, r_.u8()); break;
    case ImmKind::V128:
    case ImmKind::Shuffle:
      PETREL_TRY_ASSIGN(in.bits, r_.f64_bits());
      PETREL_TRY_ASSIGN(in.bits_hi, r_.f64_bits());
      break;
    case ImmKind::Memory: {
      auto z = zero_byte();
      if (!z) return z;
      in.a = 0;
      break;
    }
    case ImmKind::I32: {
      int32_t v;
      PETREL_TRY_ASSIGN(v, r_.s32());
      in.bits = static_cast<uint32_t>(v);
      break;
    }
    case ImmKind::I64: {
      int64_t v;
      PETREL_TRY_ASSIGN(v, r_.s64());
      in.bits = static_cast<uint64_t>(v);
      break;
    }
    case ImmKind::F32: PETREL_TRY_ASSIGN(in.bits, r_.f32_bits()); break;
    case ImmKind::F64: PETREL_TRY_ASSIGN(in.bits, r_.f64_bits()); break;
    case ImmKind::RefType: {
      uint8_t b;
      PETREL_TRY_ASSIGN(b, r_.u8());
      if (b != 0x70 && b != 0x6F) return malformed("malformed reference type", SourcePos::at_offset(r_.offset() - 1));
      in.type = static_cast<ValType>(b);
      break;
    }
    case ImmKind::SelectT: {
      uint32_t n;
      PETREL_TRY_ASSIGN(n, r_.u32());
      if (n != 1) return invalid("invalid result arity", SourcePos::at_offset(in.offset));
      uint8_t b;
      PETREL_TRY_ASSIGN(b, r_.u8());
      if (!is_valtype_byte(b)) return malformed("malformed value type", SourcePos::at_offset(r_.offset() - 1));
      in.type = static_cast<ValType>(b);
      in.has_type = true;
      break;
    }
    case ImmKind::MemoryInit: {
      PETREL_TRY_ASSIGN(in.a, r_.u32());
      auto z = zero_byte();
      if (!z) return z;
      break;
    }
    case ImmKind::MemoryCopy: {
      auto z = zero_byte();
      if (!z) return z;
      z = zero_byte();
      if (!z) return z;
      break;
    }
    case ImmKind::TableInit:  // elem index, table index
      PETREL_TRY_ASSIGN(in.a, r_.u32());
      PETREL_TRY_ASSIGN(in.b, r_.u32());
      break;
    case ImmKind::TableCopy:  // destination table, source table
      PETREL_TRY_ASSIGN(in.a, r_.u32());
      PETREL_TRY_ASSIGN(in.b, r_.u32());
      break;
  }
  return {};
}

}  // namespace petrel
