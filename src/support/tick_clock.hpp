// A cheap clock for summing many short intervals (calls across the embedding API, where
// clock_gettime can cost more than the call itself): it reads the CPU's time-stamp counter on
// x86-64 and turns ticks into nanoseconds with the rate it observes against the monotonic
// clock over its own lifetime — no calibration at start-up. Elsewhere it is steady_clock.
#pragma once
#include <chrono>
#include <cstdint>
#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace petrel {

class TickClock {
 public:
  TickClock() : ticks0_(now()), ns0_(monotonic_ns()) {}

  static uint64_t now() {
#if defined(__x86_64__)
    return __rdtsc();
#else
    return monotonic_ns();
#endif
  }

  // Nanoseconds for a number of ticks counted by this clock.
  uint64_t to_ns(uint64_t ticks) const {
#if defined(__x86_64__)
    uint64_t elapsed_ticks = now() - ticks0_;
    uint64_t elapsed_ns = monotonic_ns() - ns0_;
    if (elapsed_ticks == 0) return 0;
    return static_cast<uint64_t>(static_cast<unsigned __int128>(ticks) * elapsed_ns / elapsed_ticks);
#else
    return ticks;
#endif
  }

 private:
  static uint64_t monotonic_ns() {
    return static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
  }
  uint64_t ticks0_, ns0_;
};

}  // namespace petrel
