// Sandbox-escape prober: run with only "/box" granted. Every attempt to reach a file
// outside must fail; prints one line per attempt and exits 0 only if all of them failed.
// The test places a secret file beside the granted folder and a symlink inside it.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int escaped = 0;
static void attempt(const char* what, int ok) {
  printf("%s: %s\n", what, ok ? "ESCAPED" : "blocked");
  if (ok) escaped = 1;
}
static int can_open(const char* path) {
  int fd = open(path, O_RDONLY);
  if (fd >= 0) {
    close(fd);
    return 1;
  }
  return 0;
}

int main(void) {
  attempt("absolute /etc/passwd", can_open("/etc/passwd"));
  attempt("dotdot ../secret.txt", can_open("/box/../secret.txt"));
  attempt("deep dotdot", can_open("/box/a/../../../../../../etc/passwd"));
  attempt("prepared symlink to outside", can_open("/box/link-out/secret.txt"));
  attempt("prepared absolute symlink", can_open("/box/abs-link"));
  // Symlinks the guest creates itself.
  symlink("../secret.txt", "/box/my-rel-link");
  attempt("own relative symlink", can_open("/box/my-rel-link"));
  symlink("/etc/passwd", "/box/my-abs-link");
  attempt("own absolute symlink", can_open("/box/my-abs-link"));
  // A hard link to a file outside, and renames/creation outside.
  attempt("hard link to outside", link("/box/../secret.txt", "/box/stolen") == 0);
  attempt("hard link through symlink", linkat(AT_FDCWD, "/box/my-rel-link", AT_FDCWD, "/box/stolen2", AT_SYMLINK_FOLLOW) == 0);
  attempt("create outside", open("/box/../created-outside", O_WRONLY | O_CREAT, 0644) >= 0);
  attempt("mkdir outside", mkdir("/box/../dir-outside", 0755) == 0);
  attempt("rename into outside", rename("/box/inside.txt", "/box/../moved-outside") == 0);
  struct stat st;
  attempt("stat outside", stat("/box/../secret.txt", &st) == 0);
  attempt("stat through own symlink", stat("/box/my-rel-link", &st) == 0);
  attempt("unlisted root /", can_open("/"));
  return escaped ? 1 : 0;
}
