// UDP echo. Usage: udp_echo server PORT COUNT | udp_echo client PORT MESSAGE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmedge_socket.h"

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  uint32_t port = (uint32_t)atoi(argv[2]);
  uint32_t fd, e;
  if ((e = ws_sock_open(1, 1, &fd))) {
    printf("sock_open failed: errno %u\n", e);
    return 1;
  }
  uint8_t ip[4] = {127, 0, 0, 1};
  ws_address addr = {ip, 4};
  if (!strcmp(argv[1], "server")) {
    if ((e = ws_sock_bind(fd, &addr, port))) {
      printf("bind failed: errno %u\n", e);
      return 1;
    }
    printf("listening on %u\n", port);
    fflush(stdout);
    for (int i = 0; i < atoi(argv[3]); ++i) {
      char buf[1500];
      uint8_t from[128];
      ws_address peer = {from, sizeof from};
      ws_iovec iov = {(uint8_t*)buf, sizeof buf};
      uint32_t peer_port, n;
      uint16_t flags;
      if ((e = ws_sock_recv_from(fd, &iov, 1, &peer, 0, &peer_port, &n, &flags))) return 1;
      // The sender's address block: u16 family, then the address bytes.
      ws_address back = {from + 2, 4};
      ws_iovec out = {(uint8_t*)buf, n};
      uint32_t sent;
      if ((e = ws_sock_send_to(fd, &out, 1, &back, peer_port, 0, &sent))) return 1;
    }
    return 0;
  }
  ws_iovec out = {(uint8_t*)argv[3], (uint32_t)strlen(argv[3])};
  uint32_t sent;
  if ((e = ws_sock_send_to(fd, &out, 1, &addr, port, 0, &sent))) {
    printf("send_to failed: errno %u\n", e);
    return 1;
  }
  char buf[1500];
  uint8_t from[128];
  ws_address peer = {from, sizeof from};
  ws_iovec iov = {(uint8_t*)buf, sizeof buf};
  uint32_t peer_port, n;
  uint16_t flags;
  if ((e = ws_sock_recv_from(fd, &iov, 1, &peer, 0, &peer_port, &n, &flags))) return 1;
  printf("echo: %.*s from %u.%u.%u.%u:%u\n", (int)n, buf, from[2], from[3], from[4], from[5], peer_port);
  return 0;
}
