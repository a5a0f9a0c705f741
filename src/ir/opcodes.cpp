#include "ir/opcodes.hpp"

#include <array>
#include <string>
#include <unordered_map>

namespace petrel {
namespace opcode_tables {
constexpr std::array<OpInfo, static_cast<size_t>(Op::Count_)> kInfo = {{
#define OP(name, text, code, imm, align, params, results, family) {text, code, ImmKind::imm, align, params, results, OpFamily::family},
#include "ir/opcodes.def"
#undef OP
}};
}  // namespace opcode_tables
namespace {

using opcode_tables::kInfo;

// One opcode space's table: the Op of each code in [base, base + N), -1 elsewhere.
template <size_t N>
constexpr std::array<int16_t, N> opcode_table(uint32_t base, uint32_t mask) {
  std::array<int16_t, N> t{};
  for (auto& v : t) v = -1;
  for (size_t i = 0; i < kInfo.size(); ++i) {
    uint32_t c = kInfo[i].code;
    if ((c & ~mask) == base && (c & mask) < N) t[c & mask] = static_cast<int16_t>(i);
  }
  return t;
}

struct TextTable {
  std::unordered_map<std::string_view, Op> by_text;
  TextTable() {
    for (size_t i = 0; i < kInfo.size(); ++i)
      // SelectT shares the text name "select"; the parser picks it from its immediate.
      if (static_cast<Op>(i) != Op::SelectT) by_text.emplace(kInfo[i].text, static_cast<Op>(i));
  }
};

const TextTable& text_table() {
  static const TextTable t;
  return t;
}

}  // namespace

namespace opcode_tables {
constexpr std::array<int16_t, 256> kByte = opcode_table<256>(0, 0xFF);
constexpr std::array<int16_t, 32> kFC = opcode_table<32>(0xFC00, 0xFF);
constexpr std::array<int16_t, 0x120> kFD = opcode_table<0x120>(0xFD0000, 0xFFFF);
}  // namespace opcode_tables


ValType signature_type(char letter) {
  switch (letter) {
    case 'i': return ValType::I32;
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    case 'V': return ValType::V128;
    default: return ValType::F64;
  }
}

std::optional<Op> op_from_text(std::string_view text) {
  const auto& t = text_table();
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
