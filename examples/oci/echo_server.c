// The seed's walk-through server, in C: a TCP echo server on ADDRESS:PORT (PORT from the first
// argument, default 8080; ADDRESS an IPv4 address from $ECHO_ADDRESS, default 0.0.0.0) through
// the WasmEdge socket ABI, serving one connection after another and echoing every byte back
// until the client closes, MAX_CONNECTIONS times (second argument) or forever. Built to
// wasm32-wasi; runs under `petrel run --allow-net`, WasmEdge, or in a container through
// petrel-oci. The WASI tests run it too (bound to 127.0.0.1).
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "wasmedge_socket.h"  // tests/guest/wasi: the socket imports declared in C

int main(int argc, char** argv) {
  uint32_t port = argc > 1 ? (uint32_t)atoi(argv[1]) : 8080;
  long max = argc > 2 ? atol(argv[2]) : -1;
  const char* address = getenv("ECHO_ADDRESS");
  uint8_t ip[4] = {0, 0, 0, 0};
  if (address && sscanf(address, "%hhu.%hhu.%hhu.%hhu", &ip[0], &ip[1], &ip[2], &ip[3]) != 4) {
    fprintf(stderr, "echo_server: ECHO_ADDRESS '%s' is not an IPv4 address\n", address);
    return 2;
  }
  uint32_t fd;
  uint32_t e = ws_sock_open(1, 2, &fd);  // AF_INET, SOCK_STREAM
  if (e) {
    fprintf(stderr, "echo_server: sock_open: errno %u\n", e);
    return 1;
  }
  ws_address addr = {ip, 4};
  if ((e = ws_sock_bind(fd, &addr, port)) || (e = ws_sock_listen(fd, 128))) {
    fprintf(stderr, "echo_server: bind/listen on port %u: errno %u\n", port, e);
    return 1;
  }
  printf("echo server listening on %u.%u.%u.%u:%u\n", ip[0], ip[1], ip[2], ip[3], port);
  fflush(stdout);
  for (long served = 0; max < 0 || served < max; ++served) {
    uint32_t conn;
    if ((e = ws_sock_accept(fd, &conn))) {
      fprintf(stderr, "echo_server: accept: errno %u\n", e);
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
