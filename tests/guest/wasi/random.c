// random_get: two 64-byte draws must differ and not be all zero.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  unsigned char a[64], b[64], zero[64] = {0};
  if (getentropy(a, sizeof a) != 0 || getentropy(b, sizeof b) != 0) return 1;
  printf("distinct=%s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
  printf("nonzero=%s\n", memcmp(a, zero, sizeof a) ? "yes" : "no");
  return 0;
}
