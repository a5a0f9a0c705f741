// Memory-bound recursion: quicksort of pseudo-random integers (our own, not qsort).
#include "common.h"
static void sort(int32_t* v, long lo, long hi) {
  while (lo < hi) {
    int32_t pivot = v[lo + (hi - lo) / 2];
    long i = lo, j = hi;
    while (i <= j) {
      while (v[i] < pivot) ++i;
      while (v[j] > pivot) --j;
      if (i <= j) {
        int32_t t = v[i]; v[i] = v[j]; v[j] = t;
        ++i; --j;
      }
    }
    if (j - lo < hi - i) { sort(v, lo, j); lo = i; }
    else { sort(v, i, hi); hi = j; }
  }
}
int main(int argc, char** argv) {
  long n = scale_arg(argc, argv, 12000000);
  int32_t* v = malloc((size_t)n * sizeof *v);
  uint32_t seed = 11;
  for (long i = 0; i < n; ++i) v[i] = (int32_t)rng_next(&seed);
  sort(v, 0, n - 1);
  uint32_t h = 0;
  for (long i = 0; i < n; i += 97) h = h * 31 + (uint32_t)v[i];
  for (long i = 1; i < n; ++i) if (v[i - 1] > v[i]) { printf("not sorted\n"); return 1; }
  CHECKSUM("%u", h);
  free(v);
  return 0;
}
