// Floating point: dense matrix multiplication.
#include "common.h"
int main(int argc, char** argv) {
  long reps = scale_arg(argc, argv, 200);
  enum { N = 256 };
  static double a[N * N], b[N * N], c[N * N];
  for (int i = 0; i < N * N; ++i) { a[i] = (i % 17) * 0.25; b[i] = (i % 13) * 0.5; }
  double total = 0;
  for (long r = 0; r < reps; ++r) {
    for (int i = 0; i < N * N; ++i) c[i] = 0;
    for (int i = 0; i < N; ++i)
      for (int k = 0; k < N; ++k) {
        double x = a[i * N + k];
        for (int j = 0; j < N; ++j) c[i * N + j] += x * b[k * N + j];
      }
    total += c[(r * 7919) % (N * N)];
  }
  CHECKSUM("%.3f", total);
  return 0;
}
