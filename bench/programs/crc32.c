// Table-driven CRC-32 over a buffer.
#include "common.h"
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 6000);
  uint32_t table[256];
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  enum { N = 1 << 16 };
  static uint8_t buf[N];
  uint32_t seed = 1;
  for (int i = 0; i < N; ++i) buf[i] = (uint8_t)rng_next(&seed);
  uint32_t crc = ~0u;
  for (long r = 0; r < reps; ++r)
    for (int i = 0; i < N; ++i) crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
  CHECKSUM("%08x", ~crc);
  return 0;
}
