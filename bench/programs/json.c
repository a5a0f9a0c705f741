// A JSON tokenizer over a generated document: strings with escapes, numbers, literals.
#include <string.h>
#include "common.h"
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 400);
  enum { N = 1 << 20 };
  static char doc[N + 64];
  uint32_t seed = 13;
  size_t n = 0;
  while (n < N) {
    switch (rng_next(&seed) % 8) {
      case 0: n += (size_t)sprintf(doc + n, "{\"key%u\": ", rng_next(&seed) % 1000); break;
      case 1: n += (size_t)sprintf(doc + n, "%d, ", (int)(rng_next(&seed) % 100000) - 50000); break;
      case 2: n += (size_t)sprintf(doc + n, "\"text \\\"quoted\\\" %u\", ", rng_next(&seed) % 77); break;
      case 3: n += (size_t)sprintf(doc + n, "[true, false, null], "); break;
      case 4: n += (size_t)sprintf(doc + n, "%u.%ue-3, ", rng_next(&seed) % 100, rng_next(&seed) % 1000); break;
      case 5: n += (size_t)sprintf(doc + n, "}, "); break;
      default: n += (size_t)sprintf(doc + n, "\"x\": [1, 2, 3], "); break;
    }
  }
  uint64_t strings = 0, numbers = 0, literals = 0, punct = 0, digits = 0;
  for (long r = 0; r < reps; ++r) {
    for (size_t i = 0; i < n;) {
      char c = doc[i];
      if (c == '"') {
        ++i;
        while (i < n && doc[i] != '"') i += doc[i] == '\\' ? 2 : 1;
        ++i;
        ++strings;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        ++i;
        while (i < n && ((doc[i] >= '0' && doc[i] <= '9') || doc[i] == '.' || doc[i] == 'e' || doc[i] == '-')) ++i, ++digits;
        ++numbers;
      } else if (c == 't' || c == 'f' || c == 'n') {
        i += c == 'f' ? 5 : 4;
        ++literals;
      } else {
        if (c != ' ') ++punct;
        ++i;
      }
    }
  }
  CHECKSUM("%llu %llu %llu %llu %llu", (unsigned long long)strings, (unsigned long long)numbers,
           (unsigned long long)literals, (unsigned long long)punct, (unsigned long long)digits);
  return 0;
}
