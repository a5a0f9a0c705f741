// The semantics of the 128-bit SIMD instructions, one function per instruction (named as the
// instruction, '.' → '_'), on V128 values held as two 64-bit halves.
//
// Every operation is written once as a loop over lanes -- the portable definition, and all
// there is when PETREL_SIMD_SCALAR is defined (the scalar fallback build). Otherwise the most
// common operations use GCC vector extensions, which compile to SSE on x86-64 (and to NEON
// or scalar code elsewhere). Both builds run the whole SIMD testsuite.
//
// Relaxed SIMD is deterministic here, chosen to match x86-64 hardware where it has a direct
// instruction: relaxed_swizzle = pshufb (index bit 7 set → 0, else index mod 16);
// relaxed_trunc_*_s = cvttps2dq/cvttpd2dq (NaN and overflow → INT32_MIN); relaxed_trunc_*_u =
// saturating, like the non-relaxed instruction (x86 has no direct unsigned conversion);
// relaxed_madd/nmadd = fused (FMA); relaxed_laneselect = bitselect; relaxed_min/max =
// minps/maxps (a < b ? a : b, so NaN or ±0 ties give the second operand);
// relaxed_q15mulr_s = pmulhrsw (0x8000 × 0x8000 → 0x8000); relaxed_dot = pmaddubsw (second
// operand unsigned, first signed, saturating pair sums), then pmaddwd for the _add form.
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "interp/code.hpp"
#include "interp/numeric.hpp"

namespace petrel::simd {

struct V128 {
  uint64_t lo, hi;
};

template <typename T>
struct Lanes {
  static constexpr int N = 16 / sizeof(T);
  T v[N];
};
template <typename T>
inline Lanes<T> as(V128 x) {
  Lanes<T> l;
  std::memcpy(l.v, &x, 16);
  return l;
}
template <typename T>
inline V128 from(const Lanes<T>& l) {
  V128 x;
  std::memcpy(&x, l.v, 16);
  return x;
}

template <size_t Bytes> struct UintOf;
template <> struct UintOf<1> { using type = uint8_t; };
template <> struct UintOf<2> { using type = uint16_t; };
template <> struct UintOf<4> { using type = uint32_t; };
template <> struct UintOf<8> { using type = uint64_t; };
template <typename T> using Mask = typename UintOf<sizeof(T)>::type;

template <typename T, typename F>
inline V128 map(V128 a, F f) {
  auto x = as<T>(a);
  for (auto& e : x.v) e = static_cast<T>(f(e));
  return from(x);
}
template <typename T, typename F>
inline V128 zip(V128 a, V128 b, F f) {
  auto x = as<T>(a);
  auto y = as<T>(b);
  for (int i = 0; i < Lanes<T>::N; ++i) x.v[i] = static_cast<T>(f(x.v[i], y.v[i]));
  return from(x);
}
template <typename T, typename F>
inline V128 compare(V128 a, V128 b, F f) {
  auto x = as<T>(a);
  auto y = as<T>(b);
  Lanes<Mask<T>> r;
  for (int i = 0; i < Lanes<T>::N; ++i) r.v[i] = f(x.v[i], y.v[i]) ? static_cast<Mask<T>>(~Mask<T>{0}) : Mask<T>{0};
  return from(r);
}
template <typename T>
inline V128 splat(T v) {
  Lanes<T> l;
  for (auto& e : l.v) e = v;
  return from(l);
}

#if !defined(PETREL_SIMD_SCALAR)
// GCC vector types: the fast path for whole-vector arithmetic.
template <typename T> using Vec [[gnu::vector_size(16)]] = T;
template <typename T>
inline Vec<T> vec(V128 x) {
  Vec<T> v;
  std::memcpy(&v, &x, 16);
  return v;
}
template <typename V>
inline V128 unvec(V v) {
  static_assert(sizeof(V) == 16);
  V128 x;
  std::memcpy(&x, &v, 16);
  return x;
}
#define PETREL_SIMD_BIN(T, expr, lane_fn) return unvec(static_cast<Vec<T>>(vec<T>(a) expr vec<T>(b)))
#define PETREL_SIMD_CMP(T, expr, lane_fn) return unvec(vec<T>(a) expr vec<T>(b))
#else
#define PETREL_SIMD_BIN(T, expr, lane_fn) return zip<T>(a, b, lane_fn)
#define PETREL_SIMD_CMP(T, expr, lane_fn) return compare<T>(a, b, lane_fn)
#endif

// Integer arithmetic wraps: do it in the unsigned type of the lane.
#define PETREL_INT_BIN(name, T, op)                                                   \
  inline V128 name(V128 a, V128 b) {                                                  \
    using U = std::make_unsigned_t<T>;                                                \
    PETREL_SIMD_BIN(U, op, [](U x, U y) { return static_cast<U>(x op y); });          \
  }
#define PETREL_CMP(name, T, op) \
  inline V128 name(V128 a, V128 b) { PETREL_SIMD_CMP(T, op, [](T x, T y) { return x op y; }); }

// ---- bitwise ----------------------------------------------------------------------------
inline V128 v128_not(V128 a) { return {~a.lo, ~a.hi}; }
inline V128 v128_and(V128 a, V128 b) { return {a.lo & b.lo, a.hi & b.hi}; }
inline V128 v128_andnot(V128 a, V128 b) { return {a.lo & ~b.lo, a.hi & ~b.hi}; }
inline V128 v128_or(V128 a, V128 b) { return {a.lo | b.lo, a.hi | b.hi}; }
inline V128 v128_xor(V128 a, V128 b) { return {a.lo ^ b.lo, a.hi ^ b.hi}; }
inline V128 v128_bitselect(V128 a, V128 b, V128 c) {
  return {(a.lo & c.lo) | (b.lo & ~c.lo), (a.hi & c.hi) | (b.hi & ~c.hi)};
}
inline uint32_t v128_any_true(V128 a) { return (a.lo | a.hi) != 0; }

// ---- splat -------------------------------------------------------------------------------
inline V128 i8x16_splat(uint32_t x) { return splat<uint8_t>(static_cast<uint8_t>(x)); }
inline V128 i16x8_splat(uint32_t x) { return splat<uint16_t>(static_cast<uint16_t>(x)); }
inline V128 i32x4_splat(uint32_t x) { return splat<uint32_t>(x); }
inline V128 i64x2_splat(uint64_t x) { return splat<uint64_t>(x); }
inline V128 f32x4_splat(float x) { return splat<float>(x); }
inline V128 f64x2_splat(double x) { return splat<double>(x); }

// ---- comparisons -------------------------------------------------------------------------
#define PETREL_INT_CMPS(shape, S, U)                                                          \
  PETREL_CMP(shape##_eq, U, ==) PETREL_CMP(shape##_ne, U, !=) PETREL_CMP(shape##_lt_s, S, <)  \
  PETREL_CMP(shape##_lt_u, U, <) PETREL_CMP(shape##_gt_s, S, >) PETREL_CMP(shape##_gt_u, U, >) \
  PETREL_CMP(shape##_le_s, S, <=) PETREL_CMP(shape##_le_u, U, <=) PETREL_CMP(shape##_ge_s, S, >=) \
  PETREL_CMP(shape##_ge_u, U, >=)
PETREL_INT_CMPS(i8x16, int8_t, uint8_t)
PETREL_INT_CMPS(i16x8, int16_t, uint16_t)
PETREL_INT_CMPS(i32x4, int32_t, uint32_t)
PETREL_CMP(i64x2_eq, uint64_t, ==)
PETREL_CMP(i64x2_ne, uint64_t, !=)
PETREL_CMP(i64x2_lt_s, int64_t, <)
PETREL_CMP(i64x2_gt_s, int64_t, >)
PETREL_CMP(i64x2_le_s, int64_t, <=)
PETREL_CMP(i64x2_ge_s, int64_t, >=)
#define PETREL_FLOAT_CMPS(shape, F)                                                         \
  PETREL_CMP(shape##_eq, F, ==) PETREL_CMP(shape##_ne, F, !=) PETREL_CMP(shape##_lt, F, <) \
  PETREL_CMP(shape##_gt, F, >) PETREL_CMP(shape##_le, F, <=) PETREL_CMP(shape##_ge, F, >=)
PETREL_FLOAT_CMPS(f32x4, float)
PETREL_FLOAT_CMPS(f64x2, double)

// ---- integer arithmetic ----------------------------------------------------------------
PETREL_INT_BIN(i8x16_add, int8_t, +)
PETREL_INT_BIN(i8x16_sub, int8_t, -)
PETREL_INT_BIN(i16x8_add, int16_t, +)
PETREL_INT_BIN(i16x8_sub, int16_t, -)
PETREL_INT_BIN(i16x8_mul, int16_t, *)
PETREL_INT_BIN(i32x4_add, int32_t, +)
PETREL_INT_BIN(i32x4_sub, int32_t, -)
PETREL_INT_BIN(i32x4_mul, int32_t, *)
PETREL_INT_BIN(i64x2_add, int64_t, +)
PETREL_INT_BIN(i64x2_sub, int64_t, -)
PETREL_INT_BIN(i64x2_mul, int64_t, *)

template <typename T>
inline T wrap_neg(T x) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(U{0} - static_cast<U>(x));
}
template <typename T>
inline T wrap_abs(T x) {
  return x < 0 ? wrap_neg(x) : x;
}
#define PETREL_ABS_NEG(shape, T)                                                         \
  inline V128 shape##_abs(V128 a) { return map<T>(a, [](T x) { return wrap_abs(x); }); } \
  inline V128 shape##_neg(V128 a) { return map<T>(a, [](T x) { return wrap_neg(x); }); }
PETREL_ABS_NEG(i8x16, int8_t)
PETREL_ABS_NEG(i16x8, int16_t)
PETREL_ABS_NEG(i32x4, int32_t)
PETREL_ABS_NEG(i64x2, int64_t)
inline V128 i8x16_popcnt(V128 a) {
  return map<uint8_t>(a, [](uint8_t x) { return std::popcount(x); });
}

template <typename T>
inline uint32_t all_true(V128 a) {
  auto x = as<T>(a);
  for (T e : x.v)
    if (e == 0) return 0;
  return 1;
}
template <typename T>
inline uint32_t bitmask(V128 a) {
  auto x = as<std::make_signed_t<T>>(a);
  uint32_t m = 0;
  for (int i = 0; i < Lanes<T>::N; ++i) m |= static_cast<uint32_t>(x.v[i] < 0) << i;
  return m;
}
inline uint32_t i8x16_all_true(V128 a) { return all_true<uint8_t>(a); }
inline uint32_t i16x8_all_true(V128 a) { return all_true<uint16_t>(a); }
inline uint32_t i32x4_all_true(V128 a) { return all_true<uint32_t>(a); }
inline uint32_t i64x2_all_true(V128 a) { return all_true<uint64_t>(a); }
inline uint32_t i8x16_bitmask(V128 a) { return bitmask<uint8_t>(a); }
inline uint32_t i16x8_bitmask(V128 a) { return bitmask<uint16_t>(a); }
inline uint32_t i32x4_bitmask(V128 a) { return bitmask<uint32_t>(a); }
inline uint32_t i64x2_bitmask(V128 a) { return bitmask<uint64_t>(a); }

template <typename To, typename From>
inline To saturate(From x) {
  if (x < static_cast<From>(std::numeric_limits<To>::min())) return std::numeric_limits<To>::min();
  if (x > static_cast<From>(std::numeric_limits<To>::max())) return std::numeric_limits<To>::max();
  return static_cast<To>(x);
}
// Narrowing: lanes of a then lanes of b, each saturated to the narrow type.
template <typename Narrow, typename Wide>
inline V128 narrow(V128 a, V128 b) {
  auto x = as<Wide>(a);
  auto y = as<Wide>(b);
  Lanes<Narrow> r;
  constexpr int n = Lanes<Wide>::N;
  for (int i = 0; i < n; ++i) {
    r.v[i] = saturate<Narrow>(x.v[i]);
    r.v[i + n] = saturate<Narrow>(y.v[i]);
  }
  return from(r);
}
inline V128 i8x16_narrow_i16x8_s(V128 a, V128 b) { return narrow<int8_t, int16_t>(a, b); }
inline V128 i8x16_narrow_i16x8_u(V128 a, V128 b) { return narrow<uint8_t, int16_t>(a, b); }
inline V128 i16x8_narrow_i32x4_s(V128 a, V128 b) { return narrow<int16_t, int32_t>(a, b); }
inline V128 i16x8_narrow_i32x4_u(V128 a, V128 b) { return narrow<uint16_t, int32_t>(a, b); }

// Shifts take the count modulo the lane width.
#define PETREL_SHIFTS(shape, S, U)                                                              \
  inline V128 shape##_shl(V128 a, uint32_t n) {                                                 \
    unsigned s = n % (sizeof(U) * 8);                                                           \
    return map<U>(a, [s](U x) { return static_cast<U>(x << s); });                             \
  }                                                                                             \
  inline V128 shape##_shr_s(V128 a, uint32_t n) {                                               \
    unsigned s = n % (sizeof(U) * 8);                                                           \
    return map<S>(a, [s](S x) { return static_cast<S>(x >> s); });                              \
  }                                                                                             \
  inline V128 shape##_shr_u(V128 a, uint32_t n) {                                               \
    unsigned s = n % (sizeof(U) * 8);                                                           \
    return map<U>(a, [s](U x) { return static_cast<U>(x >> s); });                              \
  }
PETREL_SHIFTS(i8x16, int8_t, uint8_t)
PETREL_SHIFTS(i16x8, int16_t, uint16_t)
PETREL_SHIFTS(i32x4, int32_t, uint32_t)
PETREL_SHIFTS(i64x2, int64_t, uint64_t)

#define PETREL_SAT(shape, S, U)                                                                          \
  inline V128 shape##_add_sat_s(V128 a, V128 b) {                                                        \
    return zip<S>(a, b, [](S x, S y) { return saturate<S>(static_cast<int32_t>(x) + y); });             \
  }                                                                                                      \
  inline V128 shape##_add_sat_u(V128 a, V128 b) {                                                        \
    return zip<U>(a, b, [](U x, U y) { return saturate<U>(static_cast<int32_t>(x) + y); });             \
  }                                                                                                      \
  inline V128 shape##_sub_sat_s(V128 a, V128 b) {                                                        \
    return zip<S>(a, b, [](S x, S y) { return saturate<S>(static_cast<int32_t>(x) - y); });             \
  }                                                                                                      \
  inline V128 shape##_sub_sat_u(V128 a, V128 b) {                                                        \
    return zip<U>(a, b, [](U x, U y) { return saturate<U>(static_cast<int32_t>(x) - y); });             \
  }                                                                                                      \
  inline V128 shape##_avgr_u(V128 a, V128 b) {                                                           \
    return zip<U>(a, b, [](U x, U y) { return static_cast<U>((static_cast<uint32_t>(x) + y + 1) / 2); }); \
  }
PETREL_SAT(i8x16, int8_t, uint8_t)
PETREL_SAT(i16x8, int16_t, uint16_t)

#define PETREL_MINMAX(shape, S, U)                                                               \
  inline V128 shape##_min_s(V128 a, V128 b) { return zip<S>(a, b, [](S x, S y) { return x < y ? x : y; }); } \
  inline V128 shape##_min_u(V128 a, V128 b) { return zip<U>(a, b, [](U x, U y) { return x < y ? x : y; }); } \
  inline V128 shape##_max_s(V128 a, V128 b) { return zip<S>(a, b, [](S x, S y) { return x > y ? x : y; }); } \
  inline V128 shape##_max_u(V128 a, V128 b) { return zip<U>(a, b, [](U x, U y) { return x > y ? x : y; }); }
PETREL_MINMAX(i8x16, int8_t, uint8_t)
PETREL_MINMAX(i16x8, int16_t, uint16_t)
PETREL_MINMAX(i32x4, int32_t, uint32_t)

// Widening: lanes [first, first + N/2) of `a`, converted to the wide type.
template <typename Wide, typename Narrow>
inline V128 extend(V128 a, int first) {
  auto x = as<Narrow>(a);
  Lanes<Wide> r;
  for (int i = 0; i < Lanes<Wide>::N; ++i) r.v[i] = static_cast<Wide>(x.v[first + i]);
  return from(r);
}
#define PETREL_EXTEND(dst, src, Wide, Narrow, suffix)                                                    \
  inline V128 dst##_extend_low_##src##_##suffix(V128 a) { return extend<Wide, Narrow>(a, 0); }            \
  inline V128 dst##_extend_high_##src##_##suffix(V128 a) { return extend<Wide, Narrow>(a, Lanes<Wide>::N); }
PETREL_EXTEND(i16x8, i8x16, int16_t, int8_t, s)
PETREL_EXTEND(i16x8, i8x16, uint16_t, uint8_t, u)
PETREL_EXTEND(i32x4, i16x8, int32_t, int16_t, s)
PETREL_EXTEND(i32x4, i16x8, uint32_t, uint16_t, u)
PETREL_EXTEND(i64x2, i32x4, int64_t, int32_t, s)
PETREL_EXTEND(i64x2, i32x4, uint64_t, uint32_t, u)

// Extended multiplication of the low or high halves.
template <typename Wide, typename Narrow>
inline V128 extmul(V128 a, V128 b, int first) {
  auto x = as<Narrow>(a);
  auto y = as<Narrow>(b);
  Lanes<Wide> r;
  using UW = std::make_unsigned_t<Wide>;
  for (int i = 0; i < Lanes<Wide>::N; ++i)
    r.v[i] = static_cast<Wide>(static_cast<UW>(static_cast<Wide>(x.v[first + i])) * static_cast<UW>(static_cast<Wide>(y.v[first + i])));
  return from(r);
}
#define PETREL_EXTMUL(dst, src, Wide, Narrow, suffix)                                                                \
  inline V128 dst##_extmul_low_##src##_##suffix(V128 a, V128 b) { return extmul<Wide, Narrow>(a, b, 0); }           \
  inline V128 dst##_extmul_high_##src##_##suffix(V128 a, V128 b) { return extmul<Wide, Narrow>(a, b, Lanes<Wide>::N); }
PETREL_EXTMUL(i16x8, i8x16, int16_t, int8_t, s)
PETREL_EXTMUL(i16x8, i8x16, uint16_t, uint8_t, u)
PETREL_EXTMUL(i32x4, i16x8, int32_t, int16_t, s)
PETREL_EXTMUL(i32x4, i16x8, uint32_t, uint16_t, u)
PETREL_EXTMUL(i64x2, i32x4, int64_t, int32_t, s)
PETREL_EXTMUL(i64x2, i32x4, uint64_t, uint32_t, u)

template <typename Wide, typename Narrow>
inline V128 extadd_pairwise(V128 a) {
  auto x = as<Narrow>(a);
  Lanes<Wide> r;
  for (int i = 0; i < Lanes<Wide>::N; ++i) r.v[i] = static_cast<Wide>(static_cast<Wide>(x.v[2 * i]) + x.v[2 * i + 1]);
  return from(r);
}
inline V128 i16x8_extadd_pairwise_i8x16_s(V128 a) { return extadd_pairwise<int16_t, int8_t>(a); }
inline V128 i16x8_extadd_pairwise_i8x16_u(V128 a) { return extadd_pairwise<uint16_t, uint8_t>(a); }
inline V128 i32x4_extadd_pairwise_i16x8_s(V128 a) { return extadd_pairwise<int32_t, int16_t>(a); }
inline V128 i32x4_extadd_pairwise_i16x8_u(V128 a) { return extadd_pairwise<uint32_t, uint16_t>(a); }

inline V128 i16x8_q15mulr_sat_s(V128 a, V128 b) {
  return zip<int16_t>(a, b, [](int16_t x, int16_t y) { return saturate<int16_t>((int32_t{x} * y + 0x4000) >> 15); });
}
inline V128 i32x4_dot_i16x8_s(V128 a, V128 b) {
  auto x = as<int16_t>(a);
  auto y = as<int16_t>(b);
  Lanes<uint32_t> r;
  for (int i = 0; i < 4; ++i)
    r.v[i] = static_cast<uint32_t>(int64_t{x.v[2 * i]} * y.v[2 * i] + int64_t{x.v[2 * i + 1]} * y.v[2 * i + 1]);
  return from(r);
}

inline V128 i8x16_swizzle(V128 a, V128 s) {
  auto x = as<uint8_t>(a);
  auto idx = as<uint8_t>(s);
  Lanes<uint8_t> r;
  for (int i = 0; i < 16; ++i) r.v[i] = idx.v[i] < 16 ? x.v[idx.v[i]] : 0;
  return from(r);
}

// ---- floating point ---------------------------------------------------------------------
#define PETREL_FLOAT_OPS(shape, F, Bits)                                                                    \
  inline V128 shape##_abs(V128 a) {                                                                         \
    return map<Bits>(a, [](Bits x) { return x & ~(Bits{1} << (sizeof(Bits) * 8 - 1)); });                    \
  }                                                                                                         \
  inline V128 shape##_neg(V128 a) {                                                                         \
    return map<Bits>(a, [](Bits x) { return x ^ (Bits{1} << (sizeof(Bits) * 8 - 1)); });                     \
  }                                                                                                         \
  inline V128 shape##_sqrt(V128 a) { return map<F>(a, [](F x) { return std::sqrt(x); }); }                 \
  inline V128 shape##_ceil(V128 a) { return map<F>(a, [](F x) { return numeric::wasm_ceil(x); }); }        \
  inline V128 shape##_floor(V128 a) { return map<F>(a, [](F x) { return numeric::wasm_floor(x); }); }      \
  inline V128 shape##_trunc(V128 a) { return map<F>(a, [](F x) { return numeric::wasm_trunc(x); }); }      \
  inline V128 shape##_nearest(V128 a) { return map<F>(a, [](F x) { return numeric::wasm_nearest(x); }); }  \
  inline V128 shape##_add(V128 a, V128 b) { PETREL_SIMD_BIN(F, +, [](F x, F y) { return x + y; }); }       \
  inline V128 shape##_sub(V128 a, V128 b) { PETREL_SIMD_BIN(F, -, [](F x, F y) { return x - y; }); }       \
  inline V128 shape##_mul(V128 a, V128 b) { PETREL_SIMD_BIN(F, *, [](F x, F y) { return x * y; }); }       \
  inline V128 shape##_div(V128 a, V128 b) { PETREL_SIMD_BIN(F, /, [](F x, F y) { return x / y; }); }       \
  inline V128 shape##_min(V128 a, V128 b) { return zip<F>(a, b, [](F x, F y) { return numeric::wasm_min(x, y); }); } \
  inline V128 shape##_max(V128 a, V128 b) { return zip<F>(a, b, [](F x, F y) { return numeric::wasm_max(x, y); }); } \
  inline V128 shape##_pmin(V128 a, V128 b) { return zip<F>(a, b, [](F x, F y) { return y < x ? y : x; }); } \
  inline V128 shape##_pmax(V128 a, V128 b) { return zip<F>(a, b, [](F x, F y) { return x < y ? y : x; }); } \
  inline V128 shape##_relaxed_min(V128 a, V128 b) { return zip<F>(a, b, [](F x, F y) { return x < y ? x : y; }); } \
  inline V128 shape##_relaxed_max(V128 a, V128 b) { return zip<F>(a, b, [](F x, F y) { return x > y ? x : y; }); } \
  inline V128 shape##_relaxed_madd(V128 a, V128 b, V128 c) {                                                \
    auto x = as<F>(a), y = as<F>(b), z = as<F>(c);                                                         \
    for (int i = 0; i < Lanes<F>::N; ++i) x.v[i] = std::fma(x.v[i], y.v[i], z.v[i]);                         \
    return from(x);                                                                                         \
  }                                                                                                         \
  inline V128 shape##_relaxed_nmadd(V128 a, V128 b, V128 c) {                                               \
    auto x = as<F>(a), y = as<F>(b), z = as<F>(c);                                                         \
    for (int i = 0; i < Lanes<F>::N; ++i) x.v[i] = std::fma(-x.v[i], y.v[i], z.v[i]);                        \
    return from(x);                                                                                         \
  }
PETREL_FLOAT_OPS(f32x4, float, uint32_t)
PETREL_FLOAT_OPS(f64x2, double, uint64_t)

inline V128 f32x4_demote_f64x2_zero(V128 a) {
  auto x = as<double>(a);
  Lanes<float> r{{static_cast<float>(x.v[0]), static_cast<float>(x.v[1]), 0.0f, 0.0f}};
  return from(r);
}
inline V128 f64x2_promote_low_f32x4(V128 a) {
  auto x = as<float>(a);
  Lanes<double> r{{static_cast<double>(x.v[0]), static_cast<double>(x.v[1])}};
  return from(r);
}
inline V128 i32x4_trunc_sat_f32x4_s(V128 a) {
  auto x = as<float>(a);
  Lanes<int32_t> r;
  for (int i = 0; i < 4; ++i) r.v[i] = numeric::trunc_sat<int32_t>(x.v[i]);
  return from(r);
}
inline V128 i32x4_trunc_sat_f32x4_u(V128 a) {
  auto x = as<float>(a);
  Lanes<uint32_t> r;
  for (int i = 0; i < 4; ++i) r.v[i] = numeric::trunc_sat<uint32_t>(x.v[i]);
  return from(r);
}
inline V128 i32x4_trunc_sat_f64x2_s_zero(V128 a) {
  auto x = as<double>(a);
  Lanes<int32_t> r{{numeric::trunc_sat<int32_t>(x.v[0]), numeric::trunc_sat<int32_t>(x.v[1]), 0, 0}};
  return from(r);
}
inline V128 i32x4_trunc_sat_f64x2_u_zero(V128 a) {
  auto x = as<double>(a);
  Lanes<uint32_t> r{{numeric::trunc_sat<uint32_t>(x.v[0]), numeric::trunc_sat<uint32_t>(x.v[1]), 0, 0}};
  return from(r);
}
inline V128 f32x4_convert_i32x4_s(V128 a) {
  auto x = as<int32_t>(a);
  Lanes<float> r;
  for (int i = 0; i < 4; ++i) r.v[i] = static_cast<float>(x.v[i]);
  return from(r);
}
inline V128 f32x4_convert_i32x4_u(V128 a) {
  auto x = as<uint32_t>(a);
  Lanes<float> r;
  for (int i = 0; i < 4; ++i) r.v[i] = static_cast<float>(x.v[i]);
  return from(r);
}
inline V128 f64x2_convert_low_i32x4_s(V128 a) {
  auto x = as<int32_t>(a);
  Lanes<double> r{{static_cast<double>(x.v[0]), static_cast<double>(x.v[1])}};
  return from(r);
}
inline V128 f64x2_convert_low_i32x4_u(V128 a) {
  auto x = as<uint32_t>(a);
  Lanes<double> r{{static_cast<double>(x.v[0]), static_cast<double>(x.v[1])}};
  return from(r);
}

// ---- relaxed SIMD (see the header comment for the chosen behaviour) ---------------------
inline V128 i8x16_relaxed_swizzle(V128 a, V128 s) {
  auto x = as<uint8_t>(a);
  auto idx = as<uint8_t>(s);
  Lanes<uint8_t> r;
  for (int i = 0; i < 16; ++i) r.v[i] = (idx.v[i] & 0x80) ? 0 : x.v[idx.v[i] & 15];
  return from(r);
}
// cvttps2dq/cvttpd2dq: NaN and out-of-range lanes become INT32_MIN.
template <typename F>
inline int32_t x86_trunc(F x) {
  int32_t out;
  return numeric::trunc_checked<int32_t>(x, out) == numeric::TruncStatus::Ok ? out : INT32_MIN;
}
inline V128 i32x4_relaxed_trunc_f32x4_s(V128 a) {
  auto x = as<float>(a);
  Lanes<int32_t> r;
  for (int i = 0; i < 4; ++i) r.v[i] = x86_trunc(x.v[i]);
  return from(r);
}
inline V128 i32x4_relaxed_trunc_f32x4_u(V128 a) { return i32x4_trunc_sat_f32x4_u(a); }
inline V128 i32x4_relaxed_trunc_f64x2_s_zero(V128 a) {
  auto x = as<double>(a);
  Lanes<int32_t> r{{x86_trunc(x.v[0]), x86_trunc(x.v[1]), 0, 0}};
  return from(r);
}
inline V128 i32x4_relaxed_trunc_f64x2_u_zero(V128 a) { return i32x4_trunc_sat_f64x2_u_zero(a); }
inline V128 i8x16_relaxed_laneselect(V128 a, V128 b, V128 m) { return v128_bitselect(a, b, m); }
inline V128 i16x8_relaxed_laneselect(V128 a, V128 b, V128 m) { return v128_bitselect(a, b, m); }
inline V128 i32x4_relaxed_laneselect(V128 a, V128 b, V128 m) { return v128_bitselect(a, b, m); }
inline V128 i64x2_relaxed_laneselect(V128 a, V128 b, V128 m) { return v128_bitselect(a, b, m); }
inline V128 i16x8_relaxed_q15mulr_s(V128 a, V128 b) {
  return zip<int16_t>(a, b, [](int16_t x, int16_t y) { return static_cast<int16_t>((int32_t{x} * y + 0x4000) >> 15); });
}
// pmaddubsw(b, a): b's bytes unsigned, a's signed; pair sums saturate to int16.
inline Lanes<int16_t> x86_maddubs(V128 a, V128 b) {
  auto x = as<int8_t>(a);
  auto y = as<uint8_t>(b);
  Lanes<int16_t> r;
  for (int i = 0; i < 8; ++i)
    r.v[i] = saturate<int16_t>(int32_t{x.v[2 * i]} * y.v[2 * i] + int32_t{x.v[2 * i + 1]} * y.v[2 * i + 1]);
  return r;
}
inline V128 i16x8_relaxed_dot_i8x16_i7x16_s(V128 a, V128 b) { return from(x86_maddubs(a, b)); }
inline V128 i32x4_relaxed_dot_i8x16_i7x16_add_s(V128 a, V128 b, V128 c) {
  auto d = x86_maddubs(a, b);
  auto acc = as<uint32_t>(c);
  for (int i = 0; i < 4; ++i) acc.v[i] += static_cast<uint32_t>(int32_t{d.v[2 * i]} + d.v[2 * i + 1]);
  return from(acc);
}

// ---- applying an operation to the interpreter's frame slots -----------------------------
// A v128 occupies two 64-bit slots (low half first).
// Whole 16-byte moves: a v128 written in two halves and read back whole (or the reverse)
// would defeat the processor's store-to-load forwarding.
inline V128 load(const uint64_t* p) {
  V128 v;
  std::memcpy(&v, p, 16);
  return v;
}
inline void store(uint64_t* p, V128 v) { std::memcpy(p, &v, 16); }
// Register form: operand and result slots come from the instruction's words, [dst|a] then
// [b|c]; returns the pc past those words. `F` is a template argument so that its body is
// inlined into each handler (a function pointer would stay an indirect call in the large
// dispatch function).
template <auto F>
[[gnu::always_inline]] inline const interp::Word* apply(uint64_t* fp, const interp::Word* pc) {
  using Fn = decltype(F);
  const interp::SlotPair o = pc[0].p;
  if constexpr (std::is_same_v<Fn, V128 (*)(V128)>) {
    store(fp + o.a, F(load(fp + o.b)));
    return pc + 1;
  } else if constexpr (std::is_same_v<Fn, V128 (*)(V128, V128)>) {
    store(fp + o.a, F(load(fp + o.b), load(fp + pc[1].p.a)));
    return pc + 2;
  } else if constexpr (std::is_same_v<Fn, V128 (*)(V128, V128, V128)>) {
    store(fp + o.a, F(load(fp + o.b), load(fp + pc[1].p.a), load(fp + pc[1].p.b)));
    return pc + 2;
  } else if constexpr (std::is_same_v<Fn, uint32_t (*)(V128)>) {
    fp[o.a] = F(load(fp + o.b));
    return pc + 1;
  } else if constexpr (std::is_same_v<Fn, V128 (*)(V128, uint32_t)>) {
    store(fp + o.a, F(load(fp + o.b), static_cast<uint32_t>(fp[pc[1].p.a])));
    return pc + 2;
  } else if constexpr (std::is_same_v<Fn, V128 (*)(uint32_t)>) {
    store(fp + o.a, F(static_cast<uint32_t>(fp[o.b])));
    return pc + 1;
  } else if constexpr (std::is_same_v<Fn, V128 (*)(uint64_t)>) {
    store(fp + o.a, F(fp[o.b]));
    return pc + 1;
  } else if constexpr (std::is_same_v<Fn, V128 (*)(float)>) {
    store(fp + o.a, F(std::bit_cast<float>(static_cast<uint32_t>(fp[o.b]))));
    return pc + 1;
  } else {
    static_assert(std::is_same_v<Fn, V128 (*)(double)>, "no register form for this signature");
    store(fp + o.a, F(std::bit_cast<double>(fp[o.b])));
    return pc + 1;
  }
}

// A binary row whose second operand is a v128 loaded from memory, [dst|a][address|addend]
// [offset] (the address is the i32 sum of the slot and the addend); false when the load is
// out of bounds. Other rows have no such form.
// The loaded operand of both forms: [..][address|addend][offset]; false when out of bounds.
[[gnu::always_inline]] inline bool load_operand(const uint64_t* fp, const interp::Word* pc, const uint8_t* mem,
                                                uint64_t mem_size, V128& m) {
  uint64_t ea = static_cast<uint64_t>(static_cast<uint32_t>(fp[pc[1].p.a] + pc[1].p.b)) + pc[2].u;
  if (ea + 16 > mem_size) return false;
  std::memcpy(&m, mem + ea, 16);
  return true;
}
template <auto F>
[[gnu::always_inline]] inline bool apply_loaded(uint64_t* fp, const interp::Word* pc, const uint8_t* mem,
                                                uint64_t mem_size) {
  if constexpr (std::is_same_v<decltype(F), V128 (*)(V128, V128)>) {
    V128 m;
    if (!load_operand(fp, pc, mem, mem_size, m)) return false;
    store(fp + pc[0].p.a, F(load(fp + pc[0].p.b), m));
    return true;
  } else {
    (void)fp, (void)pc, (void)mem, (void)mem_size;
    return false;
  }
}

// The same, then the result stored to memory: [store address|a][address|addend][offset]
// [store offset]. Returns 0, or 1 when the load and 2 when the store is out of bounds.
template <auto F>
[[gnu::always_inline]] inline int apply_loaded_stored(uint64_t* fp, const interp::Word* pc, uint8_t* mem,
                                                      uint64_t mem_size) {
  if constexpr (std::is_same_v<decltype(F), V128 (*)(V128, V128)>) {
    V128 m;
    if (!load_operand(fp, pc, mem, mem_size, m)) return 1;
    V128 r = F(load(fp + pc[0].p.b), m);
    uint64_t sa = static_cast<uint64_t>(static_cast<uint32_t>(fp[pc[0].p.a])) + pc[3].u;
    if (sa + 16 > mem_size) return 2;
    std::memcpy(mem + sa, &r, 16);
    return 0;
  } else {
    (void)fp, (void)pc, (void)mem, (void)mem_size;
    return 1;
  }
}

}  // namespace petrel::simd
