#include "ir/opcodes.hpp"

#include <array>
#include <string>
#include <unordered_map>

namespace petrel {
namespace {

constexpr std::array<OpInfo, static_cast<size_t>(Op::Count_)> kInfo = {{
#define OP(name, text, code, imm, align, params, results) {text, code, ImmKind::imm, align, params, results},
#include "ir/opcodes.def"
#undef OP
}};

struct Tables {
  std::array<int16_t, 256> byte_ops{};
  std::array<int16_t, 32> fc_ops{};
  std::array<int16_t, 0x120> fd_ops{};
  std::unordered_map<std::string_view, Op> by_text;
  Tables() {
    byte_ops.fill(-1);
    fc_ops.fill(-1);
    fd_ops.fill(-1);
    for (size_t i = 0; i < kInfo.size(); ++i) {
      uint32_t c = kInfo[i].code;
      if (c < 0x100) byte_ops[c] = static_cast<int16_t>(i);
      else if (c < 0x10000) fc_ops[c & 0xFF] = static_cast<int16_t>(i);
      else fd_ops[c & 0xFFFF] = static_cast<int16_t>(i);
      // SelectT shares the text name "select"; the parser picks it from its immediate.
      if (static_cast<Op>(i) != Op::SelectT) by_text.emplace(kInfo[i].text, static_cast<Op>(i));
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

const OpInfo& op_info(Op op) { return kInfo[static_cast<size_t>(op)]; }

ValType signature_type(char letter) {
  switch (letter) {
    case 'i': return ValType::I32;
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    case 'V': return ValType::V128;
    default: return ValType::F64;
  }
}

std::optional<Op> op_from_code(uint32_t code) {
  const auto& t = tables();
  int16_t i = -1;
  if (code < 0x100) i = t.byte_ops[code];
  else if ((code & 0xFFFF00) == 0xFC00 && (code & 0xFF) < t.fc_ops.size()) i = t.fc_ops[code & 0xFF];
  else if ((code & 0xFF0000) == 0xFD0000 && (code & 0xFFFF) < t.fd_ops.size()) i = t.fd_ops[code & 0xFFFF];
  if (i < 0) return std::nullopt;
  return static_cast<Op>(i);
}

std::optional<Op> op_from_text(std::string_view text) {
  const auto& t = tables();
  auto it = t.by_text.find(text);
  if (it == t.by_text.end()) return std::nullopt;
  return it->second;
}

}  // namespace petrel

namespace petrel {

uint32_t lane_count(Op op) {
  const OpInfo& info = op_info(op);
  if (info.imm == ImmKind::MemargLane) return 16u >> info.natural_align;
  if (info.imm == ImmKind::Shuffle) return 32;
  // The shape prefix of the text name: i8x16, i16x8, i32x4, i64x2, f32x4, f64x2.
  auto x = info.text.find('x');
  auto dot = info.text.find('.');
  if (x == std::string_view::npos || dot == std::string_view::npos || x > dot) return 0;
  uint32_t n = 0;
  for (size_t i = x + 1; i < dot; ++i) n = n * 10 + static_cast<uint32_t>(info.text[i] - '0');
  return n;
}

}  // namespace petrel
