// Resolves NODE SERVICE with sock_getaddrinfo and prints each record.
#include <stdio.h>
#include <string.h>

#include "wasmedge_socket.h"

typedef struct {
  uint16_t flags;
  uint8_t family, socktype, protocol;
  uint32_t addrlen;
  uint32_t addr;        // -> sockaddr
  uint32_t canonname;
  uint32_t canonname_len;
  uint32_t next;        // -> addrinfo
} ws_addrinfo;
typedef struct {
  uint8_t family;
  uint32_t sa_data_len;
  uint32_t sa_data;
} ws_sockaddr;

int main(int argc, char** argv) {
  const char* node = argc > 1 ? argv[1] : "localhost";
  const char* service = argc > 2 ? argv[2] : "8080";
  enum { kMax = 4 };
  static ws_addrinfo records[kMax];
  static ws_sockaddr addrs[kMax];
  static uint8_t data[kMax][26];
  for (int i = 0; i < kMax; ++i) {
    records[i].addr = (uint32_t)(uintptr_t)&addrs[i];
    addrs[i].sa_data = (uint32_t)(uintptr_t)data[i];
    records[i].next = i + 1 < kMax ? (uint32_t)(uintptr_t)&records[i + 1] : 0;
  }
  ws_addrinfo hints = {0};
  hints.family = 1;    // IPv4
  hints.socktype = 2;  // stream
  uint32_t res = (uint32_t)(uintptr_t)&records[0], count = 0;
  uint32_t e = ws_sock_getaddrinfo(node, strlen(node), service, strlen(service), &hints, &res, kMax, &count);
  if (e) {
    printf("getaddrinfo failed: errno %u\n", e);
    return 1;
  }
  for (uint32_t i = 0; i < count; ++i) {
    const uint8_t* d = data[i];
    printf("family=%u socktype=%u protocol=%u port=%u addr=%u.%u.%u.%u\n", records[i].family, records[i].socktype,
           records[i].protocol, (d[0] << 8) | d[1], d[2], d[3], d[4], d[5]);
  }
  return count > 0 ? 0 : 1;
}
