// Container start-up benchmark: prints the wall-clock time (ns since the epoch) as the first
// thing main does, so the harness can tell how long after `create` the program got going.
// Built to wasm (run by petrel-oci) and as a static native binary (run by runc).
#include <stdio.h>
#include <time.h>
int main(void) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  printf("%lld\n", (long long)t.tv_sec * 1000000000LL + t.tv_nsec);
  return 0;
}
