// Integer loops and branches over memory: the sieve of Eratosthenes.
#include "common.h"
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 160);
  const int n = 4000000;
  uint8_t* composite = malloc(n);
  uint32_t total = 0;
  for (long r = 0; r < reps; ++r) {
    for (int i = 0; i < n; ++i) composite[i] = 0;
    for (int i = 2; (long)i * i < n; ++i)
      if (!composite[i])
        for (int j = i * i; j < n; j += i) composite[j] = 1;
    for (int i = 2; i < n; ++i) total += !composite[i];
  }
  CHECKSUM("%u", total);
  free(composite);
  return 0;
}
