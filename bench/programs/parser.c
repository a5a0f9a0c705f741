// A switch-heavy state machine: tokenizing a generated CSV-like text of numbers and words.
#include "common.h"
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 150);
  enum { N = 1 << 20 };
  static char text[N];
  uint32_t seed = 7;
  for (int i = 0; i < N; ++i) {
    uint32_t r = rng_next(&seed) % 16;
    text[i] = r < 6 ? (char)('0' + r) : r < 11 ? (char)('a' + r) : r < 13 ? ',' : r < 14 ? '\n' : r < 15 ? '"' : ' ';
  }
  uint64_t numbers = 0, words = 0, fields = 0, quoted = 0, value = 0;
  for (long rep = 0; rep < reps; ++rep) {
    enum { START, NUMBER, WORD, QUOTE } state = START;
    for (int i = 0; i < N; ++i) {
      char c = text[i];
      switch (state) {
        case START:
          if (c >= '0' && c <= '9') { state = NUMBER; value = (uint64_t)(c - '0'); }
          else if (c >= 'a' && c <= 'z') state = WORD;
          else if (c == '"') state = QUOTE;
          else if (c == ',' || c == '\n') ++fields;
          break;
        case NUMBER:
          if (c >= '0' && c <= '9') value = value * 10 + (uint64_t)(c - '0');
          else { numbers += value & 0xFFFF; state = START; if (c == ',' || c == '\n') ++fields; }
          break;
        case WORD:
          if (!(c >= 'a' && c <= 'z')) { ++words; state = START; if (c == ',' || c == '\n') ++fields; }
          break;
        case QUOTE:
          if (c == '"') { ++quoted; state = START; }
          break;
      }
    }
  }
  CHECKSUM("%llu %llu %llu %llu", (unsigned long long)numbers, (unsigned long long)words,
           (unsigned long long)fields, (unsigned long long)quoted);
  return 0;
}
