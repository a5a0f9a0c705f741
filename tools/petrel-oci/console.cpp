#include "console.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace petrel::oci {
namespace {

Result<void> send_fd(const std::string& socket_path, int fd) {
  int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (sock < 0) return io_error(fmt::format("console socket: {}", std::strerror(errno)));
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof addr.sun_path) {
    close(sock);
    return usage_error(fmt::format("console socket path too long: {}", socket_path));
  }
  std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
  if (connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    int e = errno;
    close(sock);
    return io_error(fmt::format("console socket {}: {}", socket_path, std::strerror(e)));
  }
  char name[] = "/dev/ptmx";
  iovec iov{name, sizeof name};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  ssize_t sent = sendmsg(sock, &msg, 0);
  int e = errno;
  close(sock);
  if (sent < 0) return io_error(fmt::format("console socket {}: {}", socket_path, std::strerror(e)));
  return {};
}

}  // namespace

Result<void> setup_console(const std::string& console_socket) {
  if (console_socket.empty()) return usage_error("process.terminal is set but no --console-socket was given");
  int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
    return io_error(fmt::format("cannot create a pseudo-terminal: {}", std::strerror(errno)));
  char slave_name[128];
  if (ptsname_r(master, slave_name, sizeof slave_name) != 0)
    return io_error(fmt::format("ptsname: {}", std::strerror(errno)));
  int slave = open(slave_name, O_RDWR | O_NOCTTY);
  if (slave < 0) return io_error(fmt::format("{}: {}", slave_name, std::strerror(errno)));
  PETREL_CHECK(send_fd(console_socket, master));
  close(master);
  setsid();
  if (ioctl(slave, TIOCSCTTY, 0) != 0) return io_error(fmt::format("TIOCSCTTY: {}", std::strerror(errno)));
  for (int fd = 0; fd < 3; ++fd)
    if (dup2(slave, fd) < 0) return io_error(fmt::format("dup2: {}", std::strerror(errno)));
  if (slave > 2) close(slave);
  return {};
}

}  // namespace petrel::oci
