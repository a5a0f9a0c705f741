// File-system probes for the sandbox tests. Usage (with the directory granted as fd 3):
//   sec_files trunc-unrighted NAME  drops path_filestat_set_size from fd 3, then opens NAME
//                                   with O_TRUNC; prints the errno of that path_open
//   sec_files many PATH COUNT REOPENS  opens PATH COUNT times, keeping every fd open, then
//                                   reopens the highest fd REOPENS times
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

static int trunc_unrighted(const char* name) {
  __wasi_fdstat_t st;
  if (__wasi_fd_fdstat_get(3, &st) != 0) return 2;
  __wasi_errno_t e = __wasi_fd_fdstat_set_rights(3, st.fs_rights_base & ~__WASI_RIGHTS_PATH_FILESTAT_SET_SIZE,
                                                 st.fs_rights_inheriting);
  if (e != 0) return 2;
  __wasi_fd_t fd;
  e = __wasi_path_open(3, 0, name, __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_WRITE, 0, 0, &fd);
  printf("path_open O_TRUNC: errno %u\n", e);
  return 0;
}

// Opens PATH COUNT times, keeping every fd open; then REOPENS times closes the highest fd and
// opens PATH again, which must give the number just freed (the lowest free one).
static int open_many(const char* path, long count, long reopens) {
  int last = -1;
  for (long i = 0; i < count; ++i) {
    if ((last = open(path, O_RDONLY)) < 0) {
      printf("open number %ld failed: %s\n", i, strerror(errno));
      return 1;
    }
  }
  for (long i = 0; i < reopens; ++i) {
    close(last);
    int again = open(path, O_RDONLY);
    if (again != last) {
      printf("reopen number %ld gave fd %d, not the freed %d\n", i, again, last);
      return 1;
    }
  }
  printf("opened %ld, reopened %ld\n", count, reopens);
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 3 && !strcmp(argv[1], "trunc-unrighted")) return trunc_unrighted(argv[2]);
  if (argc == 5 && !strcmp(argv[1], "many")) return open_many(argv[2], atol(argv[3]), atol(argv[4]));
  return 2;
}
