// Shared by the benchmark programs: size from argv[1] (a scale factor; 1 = about a second
// natively here), and a checksum printer. Output must match between native and wasm builds.
#pragma once
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static inline long scale_arg(int argc, char** argv, long full) {
  // argv[1]: "quick" for a tiny run, or a per-mille scale (1000 = full size).
  if (argc > 1 && argv[1][0] == 'q') return full / 1000 > 0 ? full / 1000 : 1;
  if (argc > 1) return full * atol(argv[1]) / 1000 > 0 ? full * atol(argv[1]) / 1000 : 1;
  return full;
}
static inline uint32_t rng_next(uint32_t* s) {
  *s ^= *s << 13;
  *s ^= *s >> 17;
  *s ^= *s << 5;
  return *s;
}
#define CHECKSUM(fmt, ...) printf("checksum " fmt "\n", __VA_ARGS__)
