// Runtime values. Inside engines values are untyped 64-bit slots; at the API boundary a Value
// pairs a slot with its type.
#pragma once
#include <bit>
#include <cstdint>

#include "ir/types.hpp"

namespace petrel {

struct FuncInstance;

// A reference: 0 is null; a funcref is a FuncInstance*; an externref is an opaque host word.
using Ref = uint64_t;
constexpr Ref kNullRef = 0;

struct Value {
  ValType type = ValType::I32;
  uint64_t bits = 0;  // i32/f32 in the low 32 bits (zero-extended), i64/f64 whole, refs as Ref,
                      // v128's low half
  uint64_t hi = 0;    // v128's high half

  static Value i32(uint32_t v) { return {ValType::I32, v}; }
  static Value i64(uint64_t v) { return {ValType::I64, v}; }
  static Value f32_bits(uint32_t v) { return {ValType::F32, v}; }
  static Value f64_bits(uint64_t v) { return {ValType::F64, v}; }
  static Value f32(float v) { return {ValType::F32, std::bit_cast<uint32_t>(v)}; }
  static Value f64(double v) { return {ValType::F64, std::bit_cast<uint64_t>(v)}; }
  static Value ref(ValType t, Ref r) { return {t, r}; }
  static Value zero(ValType t) { return {t, 0}; }
  static Value v128(uint64_t lo, uint64_t hi) { return {ValType::V128, lo, hi}; }
};

// Engines and host functions see values as 64-bit slots; a v128 takes two (low half first).
inline uint32_t slot_count(ValType t) { return t == ValType::V128 ? 2 : 1; }
template <typename Types>
uint32_t slot_count(const Types& types) {
  uint32_t n = 0;
  for (ValType t : types) n += slot_count(t);
  return n;
}
// Appends a value's slots to `out`.
template <typename Vec>
void push_slots(const Value& v, Vec& out) {
  out.push_back(v.bits);
  if (v.type == ValType::V128) out.push_back(v.hi);
}

}  // namespace petrel
