// Compression: a small LZ77 compressor and decompressor, with a round-trip check.
#include <string.h>
#include "common.h"
enum { WINDOW = 4096, MIN_MATCH = 3, MAX_MATCH = 18 };
static size_t compress(const uint8_t* in, size_t n, uint8_t* out) {
  static int32_t head[1 << 12];
  memset(head, 0xFF, sizeof head);
  size_t o = 0, i = 0;
  while (i < n) {
    size_t best = 0, dist = 0;
    if (i + MIN_MATCH <= n) {
      uint32_t h = ((uint32_t)in[i] * 2654435761u ^ (uint32_t)in[i + 1] * 40503u ^ in[i + 2]) & 0xFFF;
      int32_t cand = head[h];
      head[h] = (int32_t)i;
      if (cand >= 0 && i - (size_t)cand <= WINDOW) {
        size_t l = 0;
        while (l < MAX_MATCH && i + l < n && in[cand + l] == in[i + l]) ++l;
        if (l >= MIN_MATCH) { best = l; dist = i - (size_t)cand; }
      }
    }
    if (best) {
      out[o++] = 0x80 | (uint8_t)(best - MIN_MATCH);
      out[o++] = (uint8_t)(dist >> 8);
      out[o++] = (uint8_t)dist;
      i += best;
    } else {
      size_t run = 0;
      while (run < 127 && i + run < n) ++run;
      // literals run of 1 keeps the format simple: 0x00 len, then the byte
      out[o++] = 1;
      out[o++] = in[i++];
    }
  }
  return o;
}
static size_t decompress(const uint8_t* in, size_t n, uint8_t* out) {
  size_t o = 0, i = 0;
  while (i < n) {
    uint8_t t = in[i++];
    if (t & 0x80) {
      size_t len = (size_t)(t & 0x7F) + MIN_MATCH, dist = (size_t)in[i] << 8 | in[i + 1];
      i += 2;
      for (size_t k = 0; k < len; ++k, ++o) out[o] = out[o - dist];
    } else {
      for (size_t k = 0; k < t; ++k) out[o++] = in[i++];
    }
  }
  return o;
}
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 800);
  enum { N = 1 << 18 };
  static uint8_t text[N], packed[2 * N], unpacked[N];
  uint32_t seed = 9;
  static const char* words[] = {"edge ", "wasm ", "runtime ", "petrel ", "fast ", "small ", "safe ", "\n"};
  for (size_t i = 0; i < N;) {
    const char* w = words[rng_next(&seed) % 8];
    while (*w && i < N) text[i++] = (uint8_t)*w++;
  }
  size_t total = 0;
  for (long r = 0; r < reps; ++r) {
    text[r % N] = (uint8_t)('a' + r % 26);
    size_t p = compress(text, N, packed);
    size_t u = decompress(packed, p, unpacked);
    if (u != N || memcmp(text, unpacked, N)) { printf("round trip failed\n"); return 1; }
    total += p;
  }
  CHECKSUM("%zu", total);
  return 0;
}
