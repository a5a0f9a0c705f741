// Network probes for the sandbox tests; each prints the WASI errno of the calls it probes.
// Usage: sec_net listen-unbound | sendto-unbound PORT | write-closed PORT | rights PORT |
//        recv-noaddr PORT (PORT: on 127.0.0.1)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

#include "wasmedge_socket.h"

static uint8_t loopback[4] = {127, 0, 0, 1};

static uint32_t open_socket(uint32_t type) {
  uint32_t fd = 0, e = ws_sock_open(1, type, &fd);
  if (e) {
    printf("sock_open: errno %u\n", e);
    exit(1);
  }
  return fd;
}
static uint32_t send_to(uint32_t fd, const char* text, uint32_t port) {
  ws_address to = {loopback, 4};
  ws_iovec iov = {(uint8_t*)text, (uint32_t)strlen(text)};
  uint32_t sent = 0;
  return ws_sock_send_to(fd, &iov, 1, &to, port, 0, &sent);
}
static void print_local(uint32_t fd) {
  uint8_t ip[16] = {0};
  ws_address a = {ip, sizeof ip};
  uint32_t family = 0, port = 0;
  uint32_t e = ws_sock_getlocaladdr(fd, &a, &family, &port);
  printf("local: errno %u, %u.%u.%u.%u\n", e, ip[0], ip[1], ip[2], ip[3]);
}

// Listening without binding first: the kernel would pick 0.0.0.0 and a port.
static int listen_unbound(void) {
  uint32_t fd = open_socket(2);
  printf("listen: errno %u\n", ws_sock_listen(fd, 1));
  return 0;
}

// Sending from an unbound UDP socket: its automatic local address.
static int sendto_unbound(uint32_t port) {
  uint32_t fd = open_socket(1);
  printf("send_to: errno %u\n", send_to(fd, "x", port));
  print_local(fd);
  return 0;
}

// Writing to a TCP connection whose peer has closed: EPIPE, and the host lives on.
static int write_closed(uint32_t port) {
  uint32_t fd = open_socket(2);
  ws_address to = {loopback, 4};
  uint32_t e = ws_sock_connect(fd, &to, port);
  if (e) {
    printf("connect: errno %u\n", e);
    return 1;
  }
  static uint8_t block[1024];
  __wasi_ciovec_t iov = {block, sizeof block};
  for (int i = 0; i < 200; ++i) {
    __wasi_size_t n = 0;
    e = __wasi_fd_write(fd, &iov, 1, &n);
    // The peer's reset may be reported once as ECONNRESET before writes say EPIPE.
    if (e != 0 && e != __WASI_ERRNO_CONNRESET) break;
    usleep(10000);
  }
  printf("write: errno %u\n", e);
  return 0;
}

// A socket whose rights were all dropped can neither send, receive nor accept.
static int rights(uint32_t port) {
  ws_address here = {loopback, 4};
  uint32_t udp = open_socket(1);
  if (ws_sock_bind(udp, &here, port) || send_to(udp, "queued", port)) return 1;
  if (__wasi_fd_fdstat_set_rights(udp, 0, 0) != 0) return 1;
  uint8_t buf[16], from[32];
  ws_iovec iov = {buf, sizeof buf};
  ws_address peer = {from, sizeof from};
  uint32_t peer_port = 0, n = 0;
  uint16_t flags = 0;
  printf("recv_from: errno %u\n", ws_sock_recv_from(udp, &iov, 1, &peer, 0, &peer_port, &n, &flags));
  printf("send_to: errno %u\n", send_to(udp, "x", port));
  uint32_t tcp = open_socket(2);
  if (ws_sock_bind(tcp, &here, port) || ws_sock_listen(tcp, 1)) return 1;
  if (__wasi_fd_fdstat_set_flags(tcp, __WASI_FDFLAGS_NONBLOCK) || __wasi_fd_fdstat_set_rights(tcp, 0, 0)) return 1;
  uint32_t accepted = 0;
  printf("accept: errno %u\n", ws_sock_accept(tcp, &accepted));
  return 0;
}

// recv_from with an address block of zero bytes: the datagram, and no address written.
static int recv_noaddr(uint32_t port) {
  ws_address here = {loopback, 4};
  uint32_t udp = open_socket(1);
  if (ws_sock_bind(udp, &here, port) || send_to(udp, "hello", port)) return 1;
  uint8_t buf[16], unused[1];
  ws_iovec iov = {buf, sizeof buf};
  ws_address peer = {unused, 0};
  uint32_t peer_port = 0, n = 0;
  uint16_t flags = 0;
  uint32_t e = ws_sock_recv_from(udp, &iov, 1, &peer, 0, &peer_port, &n, &flags);
  printf("recv_from: errno %u, '%.*s', port %s\n", e, (int)n, buf, peer_port == port ? "ok" : "wrong");
  return 0;
}

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  uint32_t port = argc > 2 ? (uint32_t)atoi(argv[2]) : 0;
  if (!strcmp(mode, "listen-unbound")) return listen_unbound();
  if (!strcmp(mode, "sendto-unbound")) return sendto_unbound(port);
  if (!strcmp(mode, "write-closed")) return write_closed(port);
  if (!strcmp(mode, "rights")) return rights(port);
  if (!strcmp(mode, "recv-noaddr")) return recv_noaddr(port);
  return 2;
}
