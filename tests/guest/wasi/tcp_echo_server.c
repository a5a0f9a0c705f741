// TCP echo server on 127.0.0.1:PORT, serving connections in turn: echoes every byte back
// until the client closes. Usage: tcp_echo_server PORT [MAX_CONNECTIONS]
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "wasmedge_socket.h"

int main(int argc, char** argv) {
  uint32_t port = argc > 1 ? (uint32_t)atoi(argv[1]) : 8080;
  long max = argc > 2 ? atol(argv[2]) : -1;
  uint32_t fd;
  uint32_t e = ws_sock_open(1, 2, &fd);
  if (e) {
    printf("sock_open failed: errno %u\n", e);
    return 1;
  }
  uint8_t ip[4] = {127, 0, 0, 1};
  ws_address addr = {ip, 4};
  if ((e = ws_sock_bind(fd, &addr, port)) || (e = ws_sock_listen(fd, 128))) {
    printf("bind/listen failed: errno %u\n", e);
    return 1;
  }
  printf("listening on %u\n", port);
  fflush(stdout);
  for (long served = 0; max < 0 || served < max; ++served) {
    uint32_t conn;
    if ((e = ws_sock_accept(fd, &conn))) {
      printf("accept failed: errno %u\n", e);
      return 1;
    }
    char buf[4096];
    ssize_t n;
    while ((n = read((int)conn, buf, sizeof buf)) > 0) {
      for (ssize_t off = 0; off < n;) {
        ssize_t w = write((int)conn, buf + off, (size_t)(n - off));
        if (w <= 0) break;
        off += w;
      }
    }
    close((int)conn);
  }
  return 0;
}
