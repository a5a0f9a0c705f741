// memcpy/memset-heavy work: shuffling blocks between buffers.
#include <string.h>
#include "common.h"
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 150000);
  enum { N = 1 << 20 };
  static uint8_t a[N], b[N];
  uint32_t seed = 3, sum = 0;
  for (int i = 0; i < N; ++i) a[i] = (uint8_t)rng_next(&seed);
  for (long r = 0; r < reps; ++r) {
    uint32_t off = rng_next(&seed) % (N / 2), len = 4096 + rng_next(&seed) % (N / 4);
    memcpy(b + (r % 7) * 100, a + off, len);
    memset(a + (off ^ 0x5555) % (N / 2), (int)(r & 0xFF), 2048);
    memmove(a + 1, a, 8192);
    sum += b[(r * 31) % N] + a[(r * 17) % N];
  }
  CHECKSUM("%u", sum);
  return 0;
}
