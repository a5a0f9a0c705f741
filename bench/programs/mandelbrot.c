// Floating-point loops with data-dependent exits: a Mandelbrot escape-time sum.
#include "common.h"
int main(int argc, char** argv) {
  long size = scale_arg(argc, argv, 3200);
  uint64_t total = 0;
  for (long py = 0; py < size; ++py)
    for (long px = 0; px < size; ++px) {
      double cx = -2.0 + 2.5 * (double)px / (double)size, cy = -1.25 + 2.5 * (double)py / (double)size;
      double x = 0, y = 0;
      int it = 0;
      while (it < 100 && x * x + y * y <= 4.0) {
        double t = x * x - y * y + cx;
        y = 2 * x * y + cy;
        x = t;
        ++it;
      }
      total += (uint64_t)it;
    }
  CHECKSUM("%llu", (unsigned long long)total);
  return 0;
}
