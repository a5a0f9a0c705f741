// WASI preview1 calls at the edges the official WASI testsuite checks, made directly (not
// through libc, which would mend or refuse some of them first) and printed as NAME=ERRNO
// (0: success), one group per run:
//   sockets | slashes | names | directories | rights
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

static void seek_rights(const char* name, __wasi_rights_t base) {
  int fd = open_with(kDir, "file", 0, base, 0, 0);
  if (fd < 0) return;
  __wasi_filesize_t pos;
  char label[64];
  snprintf(label, sizeof label, "%s_seek_cur_0", name);
  report(label, __wasi_fd_seek((__wasi_fd_t)fd, 0, __WASI_WHENCE_CUR, &pos));
  snprintf(label, sizeof label, "%s_seek_set_1", name);
  report(label, __wasi_fd_seek((__wasi_fd_t)fd, 1, __WASI_WHENCE_SET, &pos));
  snprintf(label, sizeof label, "%s_tell", name);
  report(label, __wasi_fd_tell((__wasi_fd_t)fd, &pos));
  (void)__wasi_fd_close((__wasi_fd_t)fd);
}

// The error of the one event a poll_oneoff on `fd` for `type` gives.
static __wasi_errno_t poll_error(__wasi_fd_t fd, __wasi_eventtype_t type) {
  __wasi_subscription_t sub;
  memset(&sub, 0, sizeof sub);
  sub.u.tag = type;
  sub.u.u.fd_read.file_descriptor = fd;
  __wasi_event_t ev;
  __wasi_size_t n = 0;
  __wasi_errno_t e = __wasi_poll_oneoff(&sub, &ev, 1, &n);
  if (e != 0) return e;
  return n == 1 ? ev.error : 1000;
}

static void rights(void) {
  const __wasi_rights_t dir_rights = __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_CREATE_FILE;
  // O_TRUNC needs path_filestat_set_size on the directory.
  int dir = open_with(kDir, "dir", __WASI_OFLAGS_DIRECTORY, dir_rights, __WASI_RIGHTS_FD_WRITE, 0);
  if (dir >= 0) {
    __wasi_fd_t fd;
    report("trunc_without_right",
           __wasi_path_open((__wasi_fd_t)dir, 0, "inner", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_WRITE, 0, 0, &fd));
    report("creat_with_right",
           __wasi_path_open((__wasi_fd_t)dir, 0, "created", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, 0, &fd));
  }
  // fd_seek that leaves the offset alone needs fd_tell, or fd_seek that implies it.
  seek_rights("tell_only", __WASI_RIGHTS_FD_TELL);
  seek_rights("seek_only", __WASI_RIGHTS_FD_SEEK);
  seek_rights("neither", __WASI_RIGHTS_FD_READ);
  // Subscribing to fd_read (fd_write) needs fd_read (fd_write) as well as poll_fd_readwrite.
  int w = open_with(kDir, "file", 0, __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_POLL_FD_READWRITE, 0, 0);
  if (w >= 0) {
    report("poll_read_on_write_only", poll_error((__wasi_fd_t)w, __WASI_EVENTTYPE_FD_READ));
    report("poll_write_on_write_only", poll_error((__wasi_fd_t)w, __WASI_EVENTTYPE_FD_WRITE));
  }
  int r = open_with(kDir, "file", 0, __WASI_RIGHTS_FD_READ, 0, 0);
  if (r >= 0) report("poll_read_without_poll_right", poll_error((__wasi_fd_t)r, __WASI_EVENTTYPE_FD_READ));
  // Opening with dsync needs a directory that can give fd_datasync; with rsync or sync, fd_sync.
  int no_datasync = open_with(kDir, "dir", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_PATH_OPEN,
                              __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SYNC, 0);
  int no_sync = open_with(kDir, "dir", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_PATH_OPEN,
                          __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_DATASYNC, 0);
  if (no_datasync >= 0 && no_sync >= 0) {
    __wasi_fd_t fd;
    const __wasi_rights_t wr = __WASI_RIGHTS_FD_WRITE;
    report("dsync_without_datasync", __wasi_path_open((__wasi_fd_t)no_datasync, 0, "inner", 0, wr, 0, __WASI_FDFLAGS_DSYNC, &fd));
    report("sync_with_sync", __wasi_path_open((__wasi_fd_t)no_datasync, 0, "inner", 0, wr, 0, __WASI_FDFLAGS_SYNC, &fd));
    report("sync_without_sync", __wasi_path_open((__wasi_fd_t)no_sync, 0, "inner", 0, wr, 0, __WASI_FDFLAGS_SYNC, &fd));
    report("rsync_without_sync", __wasi_path_open((__wasi_fd_t)no_sync, 0, "inner", 0, wr, 0, __WASI_FDFLAGS_RSYNC, &fd));
    report("dsync_with_datasync", __wasi_path_open((__wasi_fd_t)no_sync, 0, "inner", 0, wr, 0, __WASI_FDFLAGS_DSYNC, &fd));
  }
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: preview1_edges sockets|slashes|names|directories|rights\n");
    return 2;
  }
  const char* group = argv[1];
  if (!strcmp(group, "sockets")) sockets();
  else if (!strcmp(group, "slashes")) slashes();
  else if (!strcmp(group, "names")) names();
  else if (!strcmp(group, "directories")) directories();
  else if (!strcmp(group, "rights")) rights();
  else return 2;
  return 0;
}
