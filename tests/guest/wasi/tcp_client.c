// TCP client: connects to 127.0.0.1:PORT, sends MESSAGE, reads the echo and prints it.
// Usage: tcp_client PORT MESSAGE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wasmedge_socket.h"

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  uint32_t fd, e;
  if ((e = ws_sock_open(1, 2, &fd))) {
    printf("sock_open failed: errno %u\n", e);
    return 1;
  }
  uint8_t ip[4] = {127, 0, 0, 1};
  ws_address addr = {ip, 4};
  if ((e = ws_sock_connect(fd, &addr, (uint32_t)atoi(argv[1])))) {
    printf("connect failed: errno %u\n", e);
    return 1;
  }
  size_t len = strlen(argv[2]);
  if (write((int)fd, argv[2], len) != (ssize_t)len) return 1;
  char buf[4096];
  size_t got = 0;
  while (got < len) {
    ssize_t n = read((int)fd, buf + got, sizeof buf - got);
    if (n <= 0) break;
    got += (size_t)n;
  }
  printf("echo: %.*s\n", (int)got, buf);
  close((int)fd);
  return got == len ? 0 : 1;
}
