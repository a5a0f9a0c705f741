// Sleeps (nanosleep -> poll_oneoff with a clock subscription) and checks the clocks.
#include <stdio.h>
#include <time.h>
static long long ns(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}
int main(void) {
  long long wall = ns(CLOCK_REALTIME);
  long long start = ns(CLOCK_MONOTONIC);
  struct timespec req = {0, 150 * 1000000L};
  if (nanosleep(&req, NULL) != 0) return 1;
  long long slept = ns(CLOCK_MONOTONIC) - start;
  struct timespec res;
  clock_getres(CLOCK_MONOTONIC, &res);
  printf("slept_ms=%lld\n", slept / 1000000);
  printf("slept_enough=%s\n", slept >= 150000000LL ? "yes" : "no");
  printf("realtime_after_2020=%s\n", wall > 1577836800LL * 1000000000LL ? "yes" : "no");
  printf("resolution_ok=%s\n", (res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000) ? "yes" : "no");
  return 0;
}
