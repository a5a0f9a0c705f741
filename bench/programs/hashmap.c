// Hash map with open addressing: inserts and lookups of pseudo-random keys.
#include "common.h"
int main(int argc, char** argv) {
  long n = scale_arg(argc, argv, 7000000);
  uint32_t cap = 1;
  while (cap < 2 * n) cap <<= 1;
  uint32_t* keys = calloc(cap, sizeof *keys);
  uint32_t* vals = calloc(cap, sizeof *vals);
  uint32_t seed = 5;
  for (long i = 0; i < n; ++i) {
    uint32_t k = rng_next(&seed) | 1;
    uint32_t h = (k * 2654435761u) & (cap - 1);
    while (keys[h] && keys[h] != k) h = (h + 1) & (cap - 1);
    keys[h] = k;
    vals[h] += (uint32_t)i;
  }
  seed = 5;
  uint64_t found = 0;
  for (long i = 0; i < 2 * n; ++i) {
    uint32_t k = (i < n ? rng_next(&seed) : (uint32_t)i * 7919u) | 1;
    uint32_t h = (k * 2654435761u) & (cap - 1);
    while (keys[h] && keys[h] != k) h = (h + 1) & (cap - 1);
    if (keys[h] == k) found += vals[h];
  }
  CHECKSUM("%llu", (unsigned long long)found);
  free(keys);
  free(vals);
  return 0;
}
