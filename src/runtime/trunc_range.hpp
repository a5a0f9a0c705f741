// The float values a trapping float-to-int truncation accepts, for both engines (the
// interpreter's numeric.hpp and the compiler's lower_numeric.cpp): derived here once from the
// two types rather than written out per instruction.
#pragma once
#include <cstdint>
#include <limits>
#include <type_traits>

namespace petrel {

// x truncates to an I without overflow iff lo < x (lo <= x when lo_inclusive) and x < hi. NaN
// is in no range (it is an invalid conversion, not an overflow).
template <typename F>
struct TruncRange {
  F lo;
  bool lo_inclusive;
  F hi;
  constexpr bool contains(F x) const { return (lo_inclusive ? x >= lo : x > lo) && x < hi; }
};

template <typename I, typename F>
constexpr TruncRange<F> trunc_range() {
  static_assert(std::is_integral_v<I> && std::is_floating_point_v<F>);
  constexpr int bits = std::numeric_limits<I>::digits;  // value bits: 31 for int32_t, 32 for uint32_t
  F hi = 1;  // 2^bits, exact in F
  for (int i = 0; i < bits; ++i) hi *= 2;
  if constexpr (!std::is_signed_v<I>) {
    return {F(-1), false, hi};  // -1 < x: anything above -1 truncates to 0 or more
  } else if constexpr (std::numeric_limits<F>::digits > bits) {
    return {-hi - 1, false, hi};  // min - 1 is exact in F (f64 for i32)
  } else {
    return {-hi, true, hi};  // it is not; min itself is, and is accepted
  }
}

// The spec's bounds, as its conversions tests give them.
static_assert(trunc_range<int32_t, float>().lo == -2147483648.0f && trunc_range<int32_t, float>().lo_inclusive);
static_assert(trunc_range<int32_t, double>().lo == -2147483649.0 && !trunc_range<int32_t, double>().lo_inclusive);
static_assert(trunc_range<uint32_t, float>().hi == 4294967296.0f && trunc_range<uint32_t, float>().lo == -1.0f);
static_assert(trunc_range<int64_t, double>().lo == -9223372036854775808.0 && trunc_range<int64_t, double>().lo_inclusive);
static_assert(trunc_range<uint64_t, double>().hi == 18446744073709551616.0);

}  // namespace petrel
