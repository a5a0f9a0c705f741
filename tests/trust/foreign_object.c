/* A shared object that is not compiled wasm: its constructor leaves a marker file, proving
 * that it ran. Petrel must never load it unless told to trust it. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor)) static void leave_marker(void) {
  const char* path = getenv("PETREL_TEST_MARKER");
  if (!path) return;
  FILE* f = fopen(path, "w");
  if (f) {
    fputs("foreign native code ran\n", f);
    fclose(f);
  }
}
