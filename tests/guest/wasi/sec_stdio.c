// Standard-stream probes for the sandbox tests. Usage:
//   sec_stdio nonblock-stdin  sets fdflags.nonblock on fd 0, then reads it once: prints the
//                             errno of that read and whether fd_fdstat_get reports nonblock
//   sec_stdio fill-stdout     writes to fd 1 until a write fails; prints its errno on stderr
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static int nonblock_stdin(void) {
  if (__wasi_fd_fdstat_set_flags(0, __WASI_FDFLAGS_NONBLOCK) != 0) return 2;
  char buf[16];
  __wasi_iovec_t iov = {(uint8_t*)buf, sizeof buf};
  __wasi_size_t n = 0;
  __wasi_errno_t e = __wasi_fd_read(0, &iov, 1, &n);
  __wasi_fdstat_t st;
  if (__wasi_fd_fdstat_get(0, &st) != 0) return 2;
  printf("read: errno %u, nonblock=%d\n", e, (st.fs_flags & __WASI_FDFLAGS_NONBLOCK) ? 1 : 0);
  return 0;
}

static int fill_stdout(void) {
  static char block[4096];
  memset(block, 'x', sizeof block);
  __wasi_ciovec_t iov = {(const uint8_t*)block, sizeof block};
  for (int i = 0; i < 100000; ++i) {
    __wasi_size_t n = 0;
    __wasi_errno_t e = __wasi_fd_write(1, &iov, 1, &n);
    if (e != 0) {
      fprintf(stderr, "write: errno %u\n", e);
      return 0;
    }
  }
  fprintf(stderr, "every write succeeded\n");
  return 1;
}

int main(int argc, char** argv) {
  if (argc == 2 && !strcmp(argv[1], "nonblock-stdin")) return nonblock_stdin();
  if (argc == 2 && !strcmp(argv[1], "fill-stdout")) return fill_stdout();
  return 2;
}
