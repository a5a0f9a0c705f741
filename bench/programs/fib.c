// Function calls and recursion: naive Fibonacci.
#include "common.h"
static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static volatile uint32_t base = 32;  // not a constant to the compiler
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 100);
  uint32_t s = 0;
  for (long i = 0; i < reps; ++i) s += fib(base + (uint32_t)(i & 1));
  CHECKSUM("%u", s);
  return 0;
}
