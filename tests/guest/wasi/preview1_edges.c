// WASI preview1 calls at the edges the official WASI testsuite checks, made directly (not
// through libc, which would mend or refuse some of them first) and printed as NAME=ERRNO
// (0: success), one group per run:
//   sockets | slashes | names | directories
// Runs with one preopen, fd 3, holding a file "file", a directory "dir" with a file "inner",
// and "out": a symlink, made by the test, to a directory outside the preopen.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

// path_open with the path's length given, so that a path can hold a NUL.
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open"))) int32_t raw_path_open(
    int32_t fd, int32_t dirflags, const char* path, int32_t path_len, int32_t oflags, int64_t base,
    int64_t inheriting, int32_t fdflags, __wasi_fd_t* out);

static const __wasi_fd_t kDir = 3;

static void report(const char* name, __wasi_errno_t e) { printf("%s=%u\n", name, (unsigned)e); }

// Opens `path` beneath `dir` with these rights; -1 (and a report) when that fails.
static int open_with(__wasi_fd_t dir, const char* path, __wasi_oflags_t oflags, __wasi_rights_t base,
                     __wasi_rights_t inheriting, __wasi_fdflags_t fdflags) {
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(dir, 0, path, oflags, base, inheriting, fdflags, &fd);
  if (e != 0) {
    report(path, e);
    return -1;
  }
  return (int)fd;
}

static void sockets(void) {
  report("sock_shutdown_stdout", __wasi_sock_shutdown(1, __WASI_SDFLAGS_RD));
  int fd = open_with(kDir, "file", 0, __WASI_RIGHTS_FD_READ, 0, 0);
  if (fd < 0) return;
  report("sock_shutdown_file", __wasi_sock_shutdown((__wasi_fd_t)fd, __WASI_SDFLAGS_WR));
  report("sock_recv_file", __wasi_sock_recv((__wasi_fd_t)fd, NULL, 0, 0, &(__wasi_size_t){0}, &(__wasi_roflags_t){0}));
}

static void slashes(void) {
  __wasi_filestat_t st;
  __wasi_size_t n;
  char buf[64];
  report("unlink_file_slash", __wasi_path_unlink_file(kDir, "file/"));
  report("unlink_dir_slash", __wasi_path_unlink_file(kDir, "dir/"));
  report("symlink_to_new_slash", __wasi_path_symlink("file", kDir, "new/"));
  report("symlink_to_file_slash", __wasi_path_symlink("file", kDir, "file/"));
  report("link_to_new_slash", __wasi_path_link(kDir, 0, "file", kDir, "new/"));
  report("link_from_file_slash", __wasi_path_link(kDir, 0, "file/", kDir, "new"));
  report("rename_file_slash", __wasi_path_rename(kDir, "file/", kDir, "new"));
  report("stat_file_slash", __wasi_path_filestat_get(kDir, 0, "file/", &st));
  report("stat_dir_slash", __wasi_path_filestat_get(kDir, 0, "dir/", &st));
  report("mkdir_slash", __wasi_path_create_directory(kDir, "made/"));
  report("rmdir_slash", __wasi_path_remove_directory(kDir, "made/"));
  // "out/" names what the symlink leads to, outside the preopen: never reached.
  report("stat_out_slash", __wasi_path_filestat_get(kDir, 0, "out/", &st));
  report("times_out_slash",
         __wasi_path_filestat_set_times(kDir, 0, "out/", 0, 0, __WASI_FSTFLAGS_ATIM_NOW | __WASI_FSTFLAGS_MTIM_NOW));
  report("readlink_out_slash", __wasi_path_readlink(kDir, "out/", (uint8_t*)buf, sizeof buf, &n));
  report("link_from_out_slash", __wasi_path_link(kDir, 0, "out/", kDir, "new"));
  report("unlink_out_slash", __wasi_path_unlink_file(kDir, "out/"));
  report("rmdir_out_slash", __wasi_path_remove_directory(kDir, "out/"));
  report("rename_out_slash", __wasi_path_rename(kDir, "out/", kDir, "moved"));
}

static void names(void) {
  __wasi_fd_t fd;
  report("open_trailing_nul", raw_path_open(kDir, 0, "file\0", 5, 0, 0, 0, 0, &fd));
  report("open_embedded_nul", raw_path_open(kDir, 0, "fi\0le", 5, 0, 0, 0, 0, &fd));
  report("open_plain", raw_path_open(kDir, 0, "file", 4, 0, 0, 0, 0, &fd));
  report("symlink_to_root", __wasi_path_symlink("/", kDir, "abs"));
  report("symlink_to_absolute", __wasi_path_symlink("/etc/passwd", kDir, "abs"));
  report("symlink_to_relative", __wasi_path_symlink("dir/inner", kDir, "rel"));
}

static void directories(void) {
  __wasi_fd_t fd;
  const __wasi_rights_t rw = __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE;
  report("open_directory_read_write", __wasi_path_open(kDir, 0, ".", __WASI_OFLAGS_DIRECTORY, rw, 0, 0, &fd));
  report("open_directory_read", __wasi_path_open(kDir, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READ, 0, 0, &fd));
  report("open_dir_read_write_as_any", __wasi_path_open(kDir, 0, "dir", 0, rw, 0, 0, &fd));
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: preview1_edges sockets|slashes|names|directories\n");
    return 2;
  }
  const char* group = argv[1];
  if (!strcmp(group, "sockets")) sockets();
  else if (!strcmp(group, "slashes")) slashes();
  else if (!strcmp(group, "names")) names();
  else if (!strcmp(group, "directories")) directories();
  else return 2;
  return 0;
}
