// sock_*: preview1's calls on sockets (sock_accept, sock_recv, sock_send, sock_shutdown) and
// the WasmEdge socket extension (shared/wasmedge-socket-abi.md): TCP and UDP over IPv4 and
// IPv6, name resolution, socket options. Network access is a capability: without
// --allow-net every call that would reach the network fails with EACCES; with an allow list,
// every address a socket takes or reaches is checked against it: bind, connect and send_to,
// the local end at listen and accept (the kernel's automatic one included), and the names
// that sock_getaddrinfo may look up.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <vector>

#include "host/wasi/context.hpp"
#include "host/wasi/calls.hpp"
#include "host/wasi/helpers.hpp"

namespace petrel::wasi::calls {
namespace {

// Reads an `address` { u32 buf_ptr; u32 buf_len } and a port into a host sockaddr.
bool read_address(Context& c, uint32_t addr_ptr, uint32_t port, sockaddr_storage& out, socklen_t& len) {
  uint32_t buf = 0, buf_len = 0;
  if (!c.load(addr_ptr, buf) || !c.load(addr_ptr + 4, buf_len) || !c.in_bounds(buf, buf_len)) return false;
  const uint8_t* p = c.at(buf);
  uint16_t family = 0;
  const uint8_t* bytes = p;
  if (buf_len == 4) family = 1;
  else if (buf_len == 16) family = 2;
  else if (buf_len >= 18) {
    std::memcpy(&family, p, 2);
    bytes = p + 2;
    if (family == 1 && buf_len < 6) return false;
  } else {
    return false;
  }
  std::memset(&out, 0, sizeof out);
  if (family == 1) {
    auto* sin = reinterpret_cast<sockaddr_in*>(&out);
    sin->sin_family = AF_INET;
    sin->sin_port = htons(static_cast<uint16_t>(port));
    std::memcpy(&sin->sin_addr, bytes, 4);
    len = sizeof(sockaddr_in);
    return true;
  }
  if (family == 2) {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out);
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(static_cast<uint16_t>(port));
    std::memcpy(&sin6->sin6_addr, bytes, 16);
    len = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

std::string address_text(const sockaddr_storage& a) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (a.ss_family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, buf, sizeof buf);
  else inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, buf, sizeof buf);
  return buf;
}
uint16_t address_port(const sockaddr_storage& a) {
  return ntohs(a.ss_family == AF_INET ? reinterpret_cast<const sockaddr_in&>(a).sin_port
                                      : reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
}
bool is_loopback(const sockaddr_storage& a) {
  if (a.ss_family == AF_INET) return (ntohl(reinterpret_cast<const sockaddr_in&>(a).sin_addr.s_addr) >> 24) == 127;
  return IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<const sockaddr_in6&>(a).sin6_addr);
}

// The network capability for one address.
Errno allowed(const Context& c, const sockaddr_storage& a) {
  if (!c.options.allow_net) return err::acces;
  if (c.options.net_rules.empty()) return err::success;
  std::string host = address_text(a);
  uint16_t port = address_port(a);
  for (const auto& r : c.options.net_rules) {
    bool host_ok = r.host.empty() || r.host == host || (r.host == "localhost" && is_loopback(a)) ||
                   ((r.host == "0.0.0.0" || r.host == "::") && (host == "0.0.0.0" || host == "::"));
    if (host_ok && (r.port == 0 || r.port == port)) return err::success;
  }
  return err::acces;
}

// The name capability: a lookup may send a query off the machine, so with an allow list
// only the names it gives are looked up (and no node at all: the local addresses).
bool name_allowed(const Context& c, const std::string& node) {
  if (c.options.net_rules.empty() || node.empty()) return true;
  for (const auto& r : c.options.net_rules)
    if (r.host.empty() || strcasecmp(r.host.c_str(), node.c_str()) == 0) return true;
  return false;
}

// The local end of a socket; one that has none yet shows the wildcard address and port 0,
// which is what the kernel binds it to when it listens or first sends: reachable from
// every host, at a port of the kernel's choosing.
Errno local_address(int fd, sockaddr_storage& out) {
  socklen_t len = sizeof out;
  std::memset(&out, 0, sizeof out);
  return getsockname(fd, reinterpret_cast<sockaddr*>(&out), &len) == 0 ? err::success : host_error();
}

// The network capability for the local end of `fd` (listen, accept).
Errno local_end_allowed(const Context& c, int fd) {
  sockaddr_storage local;
  if (Errno e = local_address(fd, local); e != err::success) return e;
  return allowed(c, local);
}

// Before a datagram socket without a local address sends: when the allow list does not
// admit the kernel's choice (the wildcard address), binds it to the address that the route
// to `to` leaves from, with a port the kernel picks, as connect() would.
Errno bind_before_sending(const Context& c, int fd, const sockaddr_storage& to, socklen_t to_len) {
  sockaddr_storage local;
  if (Errno e = local_address(fd, local); e != err::success) return e;
  if (address_port(local) != 0 || allowed(c, local) == err::success) return err::success;
  int probe = socket(to.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (probe < 0) return host_error();
  sockaddr_storage source{};
  socklen_t source_len = sizeof source;
  bool routed = connect(probe, reinterpret_cast<const sockaddr*>(&to), to_len) == 0 &&
                getsockname(probe, reinterpret_cast<sockaddr*>(&source), &source_len) == 0;
  int saved = errno;
  close(probe);
  if (!routed) return from_host_errno(saved);
  if (source.ss_family == AF_INET) reinterpret_cast<sockaddr_in&>(source).sin_port = 0;
  else reinterpret_cast<sockaddr_in6&>(source).sin6_port = 0;
  return bind(fd, reinterpret_cast<const sockaddr*>(&source), source_len) == 0 ? err::success : host_error();
}

// Writes an address block of 128 bytes: u16 family (1/2) then the address bytes.
void write_address_block(Context& c, uint32_t ptr, uint32_t len, const sockaddr_storage& a) {
  if (len == 0) return;  // no room for any of it (and an empty block's data() is null)
  std::vector<uint8_t> block(len, 0);
  uint16_t family = a.ss_family == AF_INET ? 1 : 2;
  if (len >= 2) std::memcpy(block.data(), &family, 2);
  const void* bytes = a.ss_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in&>(a).sin_addr)
                                             : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6&>(a).sin6_addr);
  size_t n = a.ss_family == AF_INET ? 4 : 16;
  if (len >= 2 + n) std::memcpy(block.data() + 2, bytes, n);
  std::memcpy(c.at(ptr), block.data(), len);
}

FdEntry socket_entry(int fd, Filetype type) {
  FdEntry e;
  e.host_fd = fd;
  e.type = type;
  e.rights_base = rights::socket;
  e.rights_inheriting = rights::socket;
  return e;
}

// The socket behind guest fd `fd`, when the fd has the `needed` rights. An fd that is no
// socket is ENOTSOCK whatever its rights (a file never holds the socket rights, and the
// guest is to learn what it got wrong).
FdEntry* sock(Context& c, uint32_t fd, uint64_t needed, Errno& e) {
  FdEntry* f = c.fd(fd, 0, &e);
  if (f && f->type != kSocketStream && f->type != kSocketDgram) {
    e = err::notsock;
    return nullptr;
  }
  return f ? c.fd(fd, needed, &e) : nullptr;
}

Errno accept_into(Context& c, uint32_t fd, uint64_t needed, uint16_t flags, uint32_t out_ptr) {
  Errno e = err::success;
  FdEntry* f = sock(c, fd, needed, e);
  if (!f) return e;
  if (!c.in_bounds(out_ptr, 4)) return err::fault;
  if (Errno ok = local_end_allowed(c, f->host_fd); ok != err::success) return ok;
  int nfd;
  do {
    nfd = accept4(f->host_fd, nullptr, nullptr, SOCK_CLOEXEC | ((flags & fdflags::nonblock) ? SOCK_NONBLOCK : 0));
  } while (nfd < 0 && errno == EINTR);
  if (nfd < 0) return host_error();
  c.store<uint32_t>(out_ptr, c.add_fd(socket_entry(nfd, kSocketStream)));
  return err::success;
}

// sock_getlocaladdr and sock_getpeeraddr.
Errno name_of(Context& c, const Args& a, bool peer) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  uint32_t buf = 0, buf_len = 0;
  if (!c.load(a.u32(1), buf) || !c.load(a.u32(1) + 4, buf_len) || !c.in_bounds(buf, buf_len) ||
      !c.in_bounds(a.u32(2), 4) || !c.in_bounds(a.u32(3), 4))
    return err::fault;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int r = peer ? getpeername(f->host_fd, reinterpret_cast<sockaddr*>(&addr), &len)
               : getsockname(f->host_fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (r != 0) return host_error();
  size_t n = addr.ss_family == AF_INET ? 4 : 16;
  if (buf_len < n) return err::inval;
  const void* bytes = addr.ss_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<sockaddr_in&>(addr).sin_addr)
                                                : static_cast<const void*>(&reinterpret_cast<sockaddr_in6&>(addr).sin6_addr);
  std::memcpy(c.at(buf), bytes, n);
  c.store<uint32_t>(a.u32(2), addr.ss_family == AF_INET ? 1 : 2);
  c.store<uint32_t>(a.u32(3), address_port(addr));
  return err::success;
}

// A node or service name for the resolver. Guests of WasmEdge's ABI may count a C string's
// terminating NUL in its length: that one is no part of the name (any other NUL is EILSEQ).
std::expected<std::string, Errno> resolver_name(Context& c, uint32_t ptr, uint32_t len) {
  if (!c.in_bounds(ptr, len)) return std::unexpected(err::fault);
  while (len > 0 && c.at(ptr)[len - 1] == 0) --len;
  return c.string(ptr, len);
}

// Options of level 0 (SOL_SOCKET), numbered as the ABI says.
constexpr int kOptions[] = {SO_REUSEADDR, SO_TYPE, SO_ERROR, SO_DONTROUTE, SO_BROADCAST, SO_SNDBUF, SO_RCVBUF,
                            SO_KEEPALIVE, SO_OOBINLINE, SO_LINGER, SO_RCVLOWAT, SO_RCVTIMEO, SO_SNDTIMEO,
                            SO_ACCEPTCONN, SO_BINDTODEVICE};
constexpr uint32_t kNumOptions = sizeof(kOptions) / sizeof(kOptions[0]);

}  // namespace

// ---- preview1's calls on sockets (fds a socket capability produced) -----------------------
Result<Errno> sock_accept(Context& c, const Args& a) {
  return accept_into(c, a.u32(0), a.fd_needs(), static_cast<uint16_t>(a.u32(1)), a.u32(2));
}

Result<Errno> sock_recv(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov) || !c.in_bounds(a.u32(4), 4) || !c.in_bounds(a.u32(5), 2))
    return err::fault;
  if (Context::guest_would_block(*f, POLLIN)) return err::again;
  struct msghdr msg {};
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  int flags = ((a.u32(3) & 1) ? MSG_PEEK : 0) | ((a.u32(3) & 2) ? MSG_WAITALL : 0);
  ssize_t n = recvmsg(f->host_fd, &msg, flags);
  if (n < 0) return host_error();
  c.store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
  c.store<uint16_t>(a.u32(5), (msg.msg_flags & MSG_TRUNC) ? 1 : 0);
  return err::success;
}

Result<Errno> sock_send(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov) || !c.in_bounds(a.u32(4), 4)) return err::fault;
  if (Context::guest_would_block(*f, POLLOUT)) return err::again;
  struct msghdr msg {};
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  ssize_t n = sendmsg(f->host_fd, &msg, MSG_NOSIGNAL);
  if (n < 0) return host_error();
  c.store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
  return err::success;
}

Result<Errno> sock_shutdown(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  uint32_t how = a.u32(1);
  int h = how == 1 ? SHUT_RD : how == 2 ? SHUT_WR : how == 3 ? SHUT_RDWR : -1;
  if (h < 0) return err::inval;
  return shutdown(f->host_fd, h) == 0 ? err::success : host_error();
}

// ---- WasmEdge's socket extension ---------------------------------------------------------
Result<Errno> wasmedge_sock_accept(Context& c, const Args& a) { return accept_into(c, a.u32(0), a.fd_needs(), 0, a.u32(1)); }

Result<Errno> sock_open(Context& c, const Args& a) {
  if (!c.options.allow_net) return err::acces;
  uint32_t family = a.u32(0), type = a.u32(1);
  int af = family == 1 ? AF_INET : family == 2 ? AF_INET6 : -1;
  int st = type == 1 ? SOCK_DGRAM : (type == 2 || type == 0) ? SOCK_STREAM : -1;
  if (af < 0) return err::afnosupport;
  if (st < 0) return err::inval;
  if (!c.in_bounds(a.u32(2), 4)) return err::fault;
  int fd = socket(af, st | SOCK_CLOEXEC, 0);
  if (fd < 0) return host_error();
  c.store<uint32_t>(a.u32(2), c.add_fd(socket_entry(fd, st == SOCK_DGRAM ? kSocketDgram : kSocketStream)));
  return err::success;
}

Result<Errno> sock_bind(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  sockaddr_storage addr;
  socklen_t len;
  if (a.u32(2) > 0xFFFF) return err::inval;  // a port is 16 bits: never truncate one
  if (!read_address(c, a.u32(1), a.u32(2), addr, len)) return err::fault;
  if (Errno ok = allowed(c, addr); ok != err::success) return ok;
  int one = 1;
  setsockopt(f->host_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  return bind(f->host_fd, reinterpret_cast<sockaddr*>(&addr), len) == 0 ? err::success : host_error();
}

Result<Errno> sock_listen(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  if (Errno ok = local_end_allowed(c, f->host_fd); ok != err::success) return ok;
  return listen(f->host_fd, static_cast<int>(std::min<uint32_t>(a.u32(1), SOMAXCONN))) == 0 ? err::success : host_error();
}

Result<Errno> sock_connect(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  sockaddr_storage addr;
  socklen_t len;
  if (a.u32(2) > 0xFFFF) return err::inval;  // a port is 16 bits: never truncate one
  if (!read_address(c, a.u32(1), a.u32(2), addr, len)) return err::fault;
  if (Errno ok = allowed(c, addr); ok != err::success) return ok;
  int r;
  do {
    r = connect(f->host_fd, reinterpret_cast<sockaddr*>(&addr), len);
  } while (r != 0 && errno == EINTR);
  return r == 0 ? err::success : host_error();
}

Result<Errno> sock_recv_from(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov)) return err::fault;
  uint32_t addr_buf = 0, addr_len = 0;
  if (!c.load(a.u32(3), addr_buf) || !c.load(a.u32(3) + 4, addr_len) || !c.in_bounds(addr_buf, addr_len) ||
      !c.in_bounds(a.u32(5), 4) || !c.in_bounds(a.u32(6), 4) || !c.in_bounds(a.u32(7), 2))
    return err::fault;
  if (Context::guest_would_block(*f, POLLIN)) return err::again;
  sockaddr_storage from{};
  struct msghdr msg {};
  msg.msg_name = &from;
  msg.msg_namelen = sizeof from;
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  int flags = ((a.u32(4) & 1) ? MSG_PEEK : 0) | ((a.u32(4) & 2) ? MSG_WAITALL : 0);
  ssize_t n = recvmsg(f->host_fd, &msg, flags);
  if (n < 0) return host_error();
  if (msg.msg_namelen > 0) write_address_block(c, addr_buf, addr_len, from);
  c.store<uint32_t>(a.u32(5), msg.msg_namelen > 0 ? address_port(from) : 0);
  c.store<uint32_t>(a.u32(6), static_cast<uint32_t>(n));
  c.store<uint16_t>(a.u32(7), (msg.msg_flags & MSG_TRUNC) ? 1 : 0);
  return err::success;
}

Result<Errno> sock_send_to(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov) || !c.in_bounds(a.u32(6), 4)) return err::fault;
  sockaddr_storage addr;
  socklen_t len;
  if (a.u32(4) > 0xFFFF) return err::inval;  // a port is 16 bits: never truncate one
  if (!read_address(c, a.u32(3), a.u32(4), addr, len)) return err::fault;
  if (Errno ok = allowed(c, addr); ok != err::success) return ok;
  if (Context::guest_would_block(*f, POLLOUT)) return err::again;
  if (f->type == kSocketDgram)
    if (Errno bound = bind_before_sending(c, f->host_fd, addr, len); bound != err::success) return bound;
  struct msghdr msg {};
  msg.msg_name = &addr;
  msg.msg_namelen = len;
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  ssize_t n = sendmsg(f->host_fd, &msg, MSG_NOSIGNAL);
  if (n < 0) return host_error();
  c.store<uint32_t>(a.u32(6), static_cast<uint32_t>(n));
  return err::success;
}

Result<Errno> sock_getlocaladdr(Context& c, const Args& a) { return name_of(c, a, false); }
Result<Errno> sock_getpeeraddr(Context& c, const Args& a) { return name_of(c, a, true); }

Result<Errno> sock_setsockopt(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  if (a.u32(1) != 0 || a.u32(2) >= kNumOptions) return err::noprotoopt;
  int opt = kOptions[a.u32(2)];
  if (opt == SO_BINDTODEVICE) return err::acces;
  uint32_t ptr = a.u32(3), size = a.u32(4);
  if (!c.in_bounds(ptr, size) || size > 64) return err::fault;
  if (opt == SO_RCVTIMEO || opt == SO_SNDTIMEO) {
    if (size < 16) return err::inval;
    int64_t sec = 0, usec = 0;
    c.load(ptr, sec);
    c.load(ptr + 8, usec);
    struct timeval tv{static_cast<time_t>(sec), static_cast<suseconds_t>(usec)};
    return setsockopt(f->host_fd, SOL_SOCKET, opt, &tv, sizeof tv) == 0 ? err::success : host_error();
  }
  return setsockopt(f->host_fd, SOL_SOCKET, opt, c.at(ptr), size) == 0 ? err::success : host_error();
}

Result<Errno> sock_getsockopt(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = sock(c, a.u32(0), a.fd_needs(), e);
  if (!f) return e;
  if (a.u32(1) != 0 || a.u32(2) >= kNumOptions) return err::noprotoopt;
  int opt = kOptions[a.u32(2)];
  uint32_t ptr = a.u32(3), size_ptr = a.u32(4), size = 0;
  if (!c.load(size_ptr, size) || !c.in_bounds(ptr, size)) return err::fault;
  if (opt == SO_RCVTIMEO || opt == SO_SNDTIMEO) {
    struct timeval tv{};
    socklen_t len = sizeof tv;
    if (getsockopt(f->host_fd, SOL_SOCKET, opt, &tv, &len) != 0) return host_error();
    if (size < 16) return err::inval;
    c.store<int64_t>(ptr, tv.tv_sec);
    c.store<int64_t>(ptr + 8, tv.tv_usec);
    c.store<uint32_t>(size_ptr, 16);
    return err::success;
  }
  uint8_t value[64] = {};
  socklen_t len = sizeof value;
  if (getsockopt(f->host_fd, SOL_SOCKET, opt, value, &len) != 0) return host_error();
  if (opt == SO_TYPE) {  // report the ABI's socket type numbers
    int t;
    std::memcpy(&t, value, sizeof t);
    t = t == SOCK_DGRAM ? 1 : 2;
    std::memcpy(value, &t, sizeof t);
  }
  uint32_t n = std::min<uint32_t>(size, len);
  std::memcpy(c.at(ptr), value, n);
  c.store<uint32_t>(size_ptr, n);
  return err::success;
}

Result<Errno> sock_getaddrinfo(Context& c, const Args& a) {
  if (!c.options.allow_net) return err::acces;
  auto node = resolver_name(c, a.u32(0), a.u32(1));
  auto service = resolver_name(c, a.u32(2), a.u32(3));
  uint32_t hints_ptr = a.u32(4), res_ptr = a.u32(5), max = a.u32(6), count_ptr = a.u32(7);
  if (!node) return node.error();
  if (!service) return service.error();
  if (!c.in_bounds(hints_ptr, 28) || !c.in_bounds(res_ptr, 4) || !c.in_bounds(count_ptr, 4)) return err::fault;
  if (!name_allowed(c, *node)) return err::acces;
  struct addrinfo hints {};
  uint16_t hflags = 0;
  uint8_t hfamily = 0, htype = 0, hproto = 0;
  c.load(hints_ptr, hflags);
  c.load(hints_ptr + 2, hfamily);
  c.load(hints_ptr + 3, htype);
  c.load(hints_ptr + 4, hproto);
  hints.ai_family = hfamily == 1 ? AF_INET : hfamily == 2 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = htype == 1 ? SOCK_DGRAM : htype == 2 ? SOCK_STREAM : 0;
  hints.ai_protocol = hproto == 1 ? IPPROTO_TCP : hproto == 2 ? IPPROTO_UDP : 0;
  hints.ai_flags = ((hflags & 1) ? AI_PASSIVE : 0) | ((hflags & 2) ? AI_CANONNAME : 0) |
                   ((hflags & 4) ? AI_NUMERICHOST : 0) | ((hflags & 8) ? AI_NUMERICSERV : 0) |
                   ((hflags & 16) ? AI_V4MAPPED : 0) | ((hflags & 32) ? AI_ALL : 0) | ((hflags & 64) ? AI_ADDRCONFIG : 0);
  struct addrinfo* result = nullptr;
  int r = getaddrinfo(node->empty() ? nullptr : node->c_str(), service->empty() ? nullptr : service->c_str(), &hints, &result);
  if (r != 0) return r == EAI_SYSTEM ? host_error() : err::noent;
  uint32_t record = 0;
  c.load(res_ptr, record);
  uint32_t written = 0;
  for (struct addrinfo* ai = result; ai && written < max && record; ai = ai->ai_next) {
    if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) continue;
    if (!c.in_bounds(record, 28)) break;
    bool v4 = ai->ai_family == AF_INET;
    c.store<uint16_t>(record, 0);
    c.store<uint8_t>(record + 2, v4 ? 1 : 2);
    c.store<uint8_t>(record + 3, ai->ai_socktype == SOCK_DGRAM ? 1 : 2);
    c.store<uint8_t>(record + 4, ai->ai_protocol == IPPROTO_UDP ? 2 : ai->ai_protocol == IPPROTO_TCP ? 1 : 0);
    c.store<uint32_t>(record + 8, v4 ? 16 : 28);
    uint32_t sa_ptr = 0, sa_data_ptr = 0;
    c.load(record + 12, sa_ptr);
    if (c.in_bounds(sa_ptr, 12)) {
      c.store<uint8_t>(sa_ptr, v4 ? 1 : 2);
      c.store<uint32_t>(sa_ptr + 4, v4 ? 14 : 26);
      c.load(sa_ptr + 8, sa_data_ptr);
      if (c.in_bounds(sa_data_ptr, v4 ? 14 : 26)) {
        uint8_t* d = c.at(sa_data_ptr);
        std::memset(d, 0, v4 ? 14 : 26);
        const auto* sa = reinterpret_cast<const sockaddr_storage*>(ai->ai_addr);
        uint16_t port = address_port(*sa);
        d[0] = static_cast<uint8_t>(port >> 8);
        d[1] = static_cast<uint8_t>(port & 0xFF);
        if (v4) std::memcpy(d + 2, &reinterpret_cast<const sockaddr_in*>(ai->ai_addr)->sin_addr, 4);
        else std::memcpy(d + 2, &reinterpret_cast<const sockaddr_in6*>(ai->ai_addr)->sin6_addr, 16);
      }
    }
    c.store<uint32_t>(record + 20, 0);  // no canonical name
    ++written;
    uint32_t next = 0;
    c.load(record + 24, next);
    record = next;
  }
  freeaddrinfo(result);
  c.store<uint32_t>(count_ptr, written);
  return err::success;
}

}  // namespace petrel::wasi::calls
