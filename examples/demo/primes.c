// The demo guest: counts primes below N with a sieve in linear memory, compiled to wasm by
// clang-19 with no libc, so it runs with `petrel run --invoke count_primes primes.wasm N`.
#include <stdint.h>

#define LIMIT 4000000u
static uint8_t composite[LIMIT];

__attribute__((export_name("count_primes"))) uint32_t count_primes(uint32_t n) {
  if (n > LIMIT) n = LIMIT;
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; ++i) composite[i] = 0;
  for (uint32_t i = 2; i < n; ++i) {
    if (composite[i]) continue;
    ++count;
    for (uint64_t j = (uint64_t)i * i; j < n; j += i) composite[j] = 1;
  }
  return count;
}

// Collatz steps summed over 1..n: a branchy integer loop.
__attribute__((export_name("collatz_total"))) uint64_t collatz_total(uint32_t n) {
  uint64_t total = 0;
  for (uint32_t i = 1; i <= n; ++i) {
    uint64_t x = i;
    while (x != 1) {
      x = (x & 1) ? 3 * x + 1 : x / 2;
      ++total;
    }
  }
  return total;
}
