// Deep, non-tail recursion: Ackermann's function.
#include "common.h"
static uint32_t ack(uint32_t m, uint32_t n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
// Read through a volatile so the compiler cannot hoist the pure call out of the loop.
static volatile uint32_t depth = 9;
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 100);
  uint32_t s = 0;
  for (long i = 0; i < reps; ++i) s += ack(3, depth);
  CHECKSUM("%u", s);
  return 0;
}
