// WebAssembly numeric semantics that C++ operators do not give directly: float min/max with
// NaN and signed zeros, sign-bit operations that keep NaN payloads, and checked truncation.
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "runtime/trunc_range.hpp"

namespace petrel::numeric {

template <typename F>
F wasm_min(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return a + b;  // a quiet NaN derived from the inputs
  if (a == b) return std::signbit(a) ? a : b;        // min(-0, +0) = -0
  return a < b ? a : b;
}
template <typename F>
F wasm_max(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return a + b;
  if (a == b) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

// Rounding functions must return a quiet NaN for any NaN input; the C library passes
// signalling NaNs through unchanged.
template <typename F, typename Fn>
F wasm_round(F x, Fn fn) {
  if (std::isnan(x)) return x + x;
  return fn(x);
}
template <typename F> F wasm_ceil(F x) { return wasm_round(x, [](F v) { return std::ceil(v); }); }
template <typename F> F wasm_floor(F x) { return wasm_round(x, [](F v) { return std::floor(v); }); }
template <typename F> F wasm_trunc(F x) { return wasm_round(x, [](F v) { return std::trunc(v); }); }
template <typename F> F wasm_nearest(F x) { return wasm_round(x, [](F v) { return std::nearbyint(v); }); }

// Truncation outcome: the value, or which trap applies.
enum class TruncStatus { Ok, Nan, Overflow };

// Truncates float F to integer I, trapping outside the representable range.
template <typename I, typename F>
TruncStatus trunc_checked(F x, I& out) {
  if (std::isnan(x)) return TruncStatus::Nan;
  if (!trunc_range<I, F>().contains(x)) return TruncStatus::Overflow;
  out = static_cast<I>(x);  // in range: C++ truncates toward zero, as wasm does
  return TruncStatus::Ok;
}

// Saturating truncation (the nontrapping float-to-int conversions).
template <typename I, typename F>
I trunc_sat(F x) {
  if (std::isnan(x)) return 0;
  I out;
  if (trunc_checked<I>(x, out) == TruncStatus::Ok) return out;
  return x < 0 ? std::numeric_limits<I>::min() : std::numeric_limits<I>::max();
}

}  // namespace petrel::numeric
