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
  std::unordered_map<std::string_view, Op> by_text;
  Tables() {
    byte_ops.fill(-1);
    fc_ops.fill(-1);
    for (size_t i = 0; i < kInfo.size(); ++i) {
      uint16_t c = kInfo[i].code;
      if (c < 0x100) byte_ops[c] = static_cast<int16_t>(i);
      else fc_ops[c & 0xFF] = static_cast<int16_t>(i);
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

std::optional<Op> op_from_code(uint16_t code) {
  const auto& t = tables();
  int16_t i = -1;
  if (code < 0x100) i = t.byte_ops[code];
  else if ((code & 0xFF00) == 0xFC00 && (code & 0xFF) < t.fc_ops.size()) i = t.fc_ops[code & 0xFF];
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
