// A file-system tool with one subcommand per operation, so that tests can drive each WASI
// path_* and fd_* function and check the effects on the host:
//   write PATH TEXT | append PATH TEXT | cat PATH | cp SRC DST | ls DIR | mkdir PATH | rm PATH
//   rmdir PATH | mv SRC DST | stat PATH | lstat PATH | symlink TARGET LINK | readlink LINK
//   link SRC DST | truncate PATH SIZE | touch PATH SECONDS | pio PATH | seek PATH
// Prints "error: OP: MESSAGE" and exits 1 when an operation fails.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char* op) {
  printf("error: %s: %s\n", op, strerror(errno));
  return 1;
}
static const char* type_name(mode_t m) {
  if (S_ISDIR(m)) return "dir";
  if (S_ISREG(m)) return "file";
  if (S_ISLNK(m)) return "symlink";
  return "other";
}
static int cmp(const void* a, const void* b) { return strcmp(*(char* const*)a, *(char* const*)b); }

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: files OP ARGS...\n");
    return 2;
  }
  const char* op = argv[1];
  const char* p = argv[2];
  if (!strcmp(op, "write") || !strcmp(op, "append")) {
    int fd = open(p, O_WRONLY | O_CREAT | (op[0] == 'w' ? O_TRUNC : O_APPEND), 0644);
    if (fd < 0) return fail(op);
    size_t n = strlen(argv[3]);
    if (write(fd, argv[3], n) != (ssize_t)n) return fail(op);
    close(fd);
  } else if (!strcmp(op, "cat")) {
    FILE* f = fopen(p, "r");
    if (!f) return fail(op);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
    fclose(f);
  } else if (!strcmp(op, "cp")) {
    FILE* in = fopen(p, "rb");
    if (!in) return fail(op);
    FILE* out = fopen(argv[3], "wb");
    if (!out) return fail(op);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
  } else if (!strcmp(op, "ls")) {
    DIR* d = opendir(p);
    if (!d) return fail(op);
    char* names[1024];
    int n = 0;
    struct dirent* e;
    while ((e = readdir(d)) && n < 1024) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char* s = malloc(strlen(e->d_name) + 16);
      sprintf(s, "%s%s", e->d_name, e->d_type == DT_DIR ? "/" : e->d_type == DT_LNK ? "@" : "");
      names[n++] = s;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    for (int i = 0; i < n; ++i) printf("%s\n", names[i]);
  } else if (!strcmp(op, "mkdir")) {
    if (mkdir(p, 0755) != 0) return fail(op);
  } else if (!strcmp(op, "rm")) {
    if (unlink(p) != 0) return fail(op);
  } else if (!strcmp(op, "rmdir")) {
    if (rmdir(p) != 0) return fail(op);
  } else if (!strcmp(op, "mv")) {
    if (rename(p, argv[3]) != 0) return fail(op);
  } else if (!strcmp(op, "stat") || !strcmp(op, "lstat")) {
    struct stat st;
    if ((op[0] == 's' ? stat(p, &st) : lstat(p, &st)) != 0) return fail(op);
    printf("type=%s size=%lld nlink=%llu mtime=%lld\n", type_name(st.st_mode), (long long)st.st_size,
           (unsigned long long)st.st_nlink, (long long)st.st_mtim.tv_sec);
  } else if (!strcmp(op, "symlink")) {
    if (symlink(p, argv[3]) != 0) return fail(op);
  } else if (!strcmp(op, "readlink")) {
    char buf[256];
    ssize_t n = readlink(p, buf, sizeof buf - 1);
    if (n < 0) return fail(op);
    buf[n] = 0;
    printf("%s\n", buf);
  } else if (!strcmp(op, "link")) {
    if (link(p, argv[3]) != 0) return fail(op);
  } else if (!strcmp(op, "truncate")) {
    if (truncate(p, atoll(argv[3])) != 0) return fail(op);
  } else if (!strcmp(op, "touch")) {
    struct timespec times[2] = {{atoll(argv[3]), 0}, {atoll(argv[3]), 0}};
    if (utimensat(AT_FDCWD, p, times, 0) != 0) return fail(op);
  } else if (!strcmp(op, "pio")) {
    // pwrite/pread at offsets, without moving the file position.
    int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return fail(op);
    if (write(fd, "0123456789", 10) != 10) return fail(op);
    if (pwrite(fd, "AB", 2, 3) != 2) return fail(op);
    char buf[4] = {0};
    if (pread(fd, buf, 3, 2) != 3) return fail(op);
    printf("pread=%s pos=%lld\n", buf, (long long)lseek(fd, 0, SEEK_CUR));
    close(fd);
  } else if (!strcmp(op, "seek")) {
    int fd = open(p, O_RDONLY);
    if (fd < 0) return fail(op);
    off_t end = lseek(fd, 0, SEEK_END);
    lseek(fd, -3, SEEK_END);
    char buf[4] = {0};
    if (read(fd, buf, 3) != 3) return fail(op);
    printf("size=%lld tail=%s\n", (long long)end, buf);
    close(fd);
  } else {
    fprintf(stderr, "unknown op %s\n", op);
    return 2;
  }
  return 0;
}
