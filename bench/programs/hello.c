// Start-up benchmark: the smallest useful WASI command.
#include <stdio.h>
int main(void) {
  puts("hello");
  return 0;
}
