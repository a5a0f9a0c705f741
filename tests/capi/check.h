/* CHECK(cond, printf-format, args...) for the C API tests: prints "FAILED: <message>" and
 * counts the failure in `failures` (the test exits non-zero when it is not 0). */
#pragma once
#include <stdio.h>

static int failures = 0;
#define CHECK(cond, ...)              \
  do {                                \
    if (!(cond)) {                    \
      printf("FAILED: " __VA_ARGS__); \
      printf("\n");                   \
      ++failures;                     \
    }                                 \
  } while (0)
