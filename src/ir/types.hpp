// WebAssembly types, as the spec's "types" chapter defines them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace petrel {

enum class ValType : uint8_t {
  I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, V128 = 0x7B, FuncRef = 0x70, ExternRef = 0x6F,
};

inline bool is_ref(ValType t) { return t == ValType::FuncRef || t == ValType::ExternRef; }
inline bool is_valtype_byte(uint8_t b) {
  return (b >= 0x7B && b <= 0x7F) || b == 0x70 || b == 0x6F;
}
const char* valtype_name(ValType t);

struct FuncType {
  std::vector<ValType> params, results;
  bool operator==(const FuncType&) const = default;
};
std::string to_string(const FuncType& t);

struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
  bool operator==(const Limits&) const = default;
};
// Import matching: `actual` may be used where `expected` is declared.
bool limits_match(const Limits& actual, const Limits& expected);

struct TableType {
  ValType elem = ValType::FuncRef;
  Limits limits;
};
struct MemoryType {
  Limits limits;
};
struct GlobalType {
  ValType type = ValType::I32;
  bool mut = false;
  bool operator==(const GlobalType&) const = default;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
const char* extern_kind_name(ExternKind k);

constexpr uint64_t kPageSize = 65536;
constexpr uint64_t kMaxPages = 65536;

}  // namespace petrel
