// The WasmEdge socket extension, declared as guests written in C declare it.
#pragma once
#include <stdint.h>

#define WASMEDGE_IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))

typedef struct {
  uint8_t* buf;
  uint32_t buf_len;
} ws_address;
typedef struct {
  uint8_t* buf;
  uint32_t buf_len;
} ws_iovec;

WASMEDGE_IMPORT(sock_open) uint32_t ws_sock_open(uint32_t family, uint32_t type, uint32_t* fd);
WASMEDGE_IMPORT(sock_bind) uint32_t ws_sock_bind(uint32_t fd, ws_address* addr, uint32_t port);
WASMEDGE_IMPORT(sock_listen) uint32_t ws_sock_listen(uint32_t fd, uint32_t backlog);
WASMEDGE_IMPORT(sock_accept) uint32_t ws_sock_accept(uint32_t fd, uint32_t* new_fd);
WASMEDGE_IMPORT(sock_connect) uint32_t ws_sock_connect(uint32_t fd, ws_address* addr, uint32_t port);
WASMEDGE_IMPORT(sock_recv_from)
uint32_t ws_sock_recv_from(uint32_t fd, ws_iovec* iov, uint32_t iov_len, ws_address* addr, uint32_t flags,
                           uint32_t* port, uint32_t* len, uint16_t* oflags);
WASMEDGE_IMPORT(sock_send_to)
uint32_t ws_sock_send_to(uint32_t fd, const ws_iovec* iov, uint32_t iov_len, ws_address* addr, uint32_t port,
                         uint32_t flags, uint32_t* len);
WASMEDGE_IMPORT(sock_getlocaladdr)
uint32_t ws_sock_getlocaladdr(uint32_t fd, ws_address* addr, uint32_t* family, uint32_t* port);
WASMEDGE_IMPORT(sock_getaddrinfo)
uint32_t ws_sock_getaddrinfo(const char* node, uint32_t node_len, const char* service, uint32_t service_len,
                             const void* hints, uint32_t* res, uint32_t max, uint32_t* count);
