#include "host/wasi/context.hpp"

#include <fcntl.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace petrel::wasi {
namespace {

struct SpecialFs {
  long magic;
  const char* name;  // as /proc/self/mountinfo names the type
};
constexpr SpecialFs kSpecialFs[] = {
    {PROC_SUPER_MAGIC, "proc"},     {SYSFS_MAGIC, "sysfs"},          {DEBUGFS_MAGIC, "debugfs"},
    {TRACEFS_MAGIC, "tracefs"},     {SECURITYFS_MAGIC, "securityfs"}, {CGROUP_SUPER_MAGIC, "cgroup"},
    {CGROUP2_SUPER_MAGIC, "cgroup2"}, {BPF_FS_MAGIC, "bpf"},          {EFIVARFS_MAGIC, "efivarfs"},
};

bool is_special_type(std::string_view type) {
  for (const auto& fs : kSpecialFs)
    if (type == fs.name) return true;
  return false;
}

// mountinfo writes space, tab, newline and backslash in paths as \ooo (octal).
std::string unescape(std::string_view s) {
  auto octal = [](char c) { return c >= '0' && c <= '7'; };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && octal(s[i + 1]) && octal(s[i + 2]) && octal(s[i + 3])) {
      out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool at_or_below(const std::string& path, const std::string& dir) {
  if (dir == "/") return true;
  return path == dir || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

}  // namespace

std::optional<std::string> special_fs_of(int fd) {
  struct statfs st;
  if (fstatfs(fd, &st) != 0) return std::nullopt;
  for (const auto& fs : kSpecialFs)
    if (st.f_type == fs.magic) return fs.name;
  return std::nullopt;
}

std::optional<std::string> special_fs_mount_below(const std::string& dir) {
  char resolved[PATH_MAX];
  std::string canonical = realpath(dir.c_str(), resolved) ? resolved : dir;
  std::ifstream mountinfo("/proc/self/mountinfo");
  std::string line;
  while (std::getline(mountinfo, line)) {
    // ID PARENT MAJOR:MINOR ROOT MOUNT-POINT OPTIONS [OPTIONAL…] - TYPE SOURCE SUPER-OPTIONS
    std::istringstream fields(line);
    std::string id, parent, device, root, mount_point, word;
    if (!(fields >> id >> parent >> device >> root >> mount_point)) continue;
    while (fields >> word && word != "-") {}
    std::string type;
    if (!(fields >> type) || !is_special_type(type)) continue;
    std::string point = unescape(mount_point);
    if (at_or_below(point, canonical)) return point + " (" + type + ")";
  }
  return std::nullopt;
}

ParentDir::~ParentDir() {
  if (fd >= 0) close(fd);
}

uint32_t FdTable::add(FdEntry e) {
  if (freed_.empty()) {
    slots_.emplace_back(std::move(e));
    return static_cast<uint32_t>(slots_.size() - 1);
  }
  uint32_t n = freed_.top();
  freed_.pop();
  slots_[n] = std::move(e);
  return n;
}

bool FdTable::remove(uint32_t n) {
  if (!find(n)) return false;
  slots_[n].reset();
  freed_.push(n);
  return true;
}

Context::~Context() {
  fds.for_each([](FdEntry& e) {
    if (e.owned && e.host_fd >= 0) close(e.host_fd);
  });
}

std::expected<std::string, Errno> Context::string(uint64_t ptr, uint64_t len) const {
  if (!in_bounds(ptr, len)) return std::unexpected(err::fault);
  std::string s(reinterpret_cast<const char*>(at(ptr)), len);
  if (s.find('\0') != std::string::npos) return std::unexpected(err::ilseq);
  return s;
}

bool Context::gather(uint32_t iovs, uint32_t count, std::vector<struct iovec>& out) const {
  if (count > IOV_MAX || !in_bounds(iovs, uint64_t{count} * 8)) return false;
  out.resize(count);
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t buf = 0, len = 0;
    load(iovs + 8 * i, buf);
    load(iovs + 8 * i + 4, len);
    if (!in_bounds(buf, len)) return false;
    out[i] = {at(buf), len};
  }
  return true;
}

ssize_t Context::write_without_sigpipe(const FdEntry& f, const struct iovec* iov, size_t count) {
  if (f.type == kSocketStream || f.type == kSocketDgram) {
    struct msghdr msg {};
    msg.msg_iov = const_cast<struct iovec*>(iov);
    msg.msg_iovlen = count;
    return sendmsg(f.host_fd, &msg, MSG_NOSIGNAL);
  }
  // Files and directories never raise SIGPIPE: spare them the mask's system calls.
  if (f.type == kRegularFile || f.type == kDirectory) return writev(f.host_fd, iov, static_cast<int>(count));
  sigset_t sigpipe, previous, pending;
  sigemptyset(&sigpipe);
  sigaddset(&sigpipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &sigpipe, &previous);
  // One already pending (the embedder's own, or another thread's) is not ours to take.
  sigpending(&pending);
  bool was_pending = sigismember(&pending, SIGPIPE);
  ssize_t n = writev(f.host_fd, iov, static_cast<int>(count));
  int saved = errno;
  if (n < 0 && saved == EPIPE && !was_pending) {
    const struct timespec no_wait {};
    while (sigtimedwait(&sigpipe, nullptr, &no_wait) < 0 && errno == EINTR) {}
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = saved;
  return n;
}

bool Context::guest_would_block(const FdEntry& f, short events) {
  if (f.owned || !(f.fdflags & fdflags::nonblock)) return false;
  struct pollfd ready {f.host_fd, events, 0};
  int r;
  while ((r = poll(&ready, 1, 0)) < 0 && errno == EINTR) {}
  return r == 0;  // ready, hung up or in error: the call itself will say which
}

FdEntry* Context::fd(uint32_t n, uint64_t needed_rights, Errno* error) {
  FdEntry* f = fds.find(n);
  if (!f) {
    if (error) *error = err::badf;
    return nullptr;
  }
  // witx: "fd_seek … implies rights::fd_tell".
  uint64_t held = f->rights_base | ((f->rights_base & rights::fd_seek) ? rights::fd_tell : 0);
  if ((held & needed_rights) != needed_rights) {
    if (error) *error = err::notcapable;
    return nullptr;
  }
  return f;
}

Filetype Context::filetype_of(int host_fd) {
  struct stat st;
  if (fstat(host_fd, &st) != 0) return kUnknown;
  switch (st.st_mode & S_IFMT) {
    case S_IFREG: return kRegularFile;
    case S_IFDIR: return kDirectory;
    case S_IFCHR: return kCharacterDevice;
    case S_IFBLK: return kBlockDevice;
    case S_IFLNK: return kSymbolicLink;
    case S_IFSOCK: {
      int type = 0;
      socklen_t len = sizeof type;
      getsockopt(host_fd, SOL_SOCKET, SO_TYPE, &type, &len);
      return type == SOCK_DGRAM ? kSocketDgram : kSocketStream;
    }
    default: return kUnknown;
  }
}

int Context::open_beneath(int dir, const std::string& path, int flags, mode_t mode, bool follow_final, Errno& error) {
  if (path.empty()) {
    error = err::noent;
    return -1;
  }
  struct open_how how {};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC | (follow_final ? 0 : O_NOFOLLOW));
  how.mode = (flags & O_CREAT) ? mode : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  for (;;) {
    long fd = syscall(SYS_openat2, dir, path.c_str(), &how, sizeof how);
    // Whatever is mounted where beneath a preopen (one granted with allow_special_fs_below, a
    // bind mount, a mount made later), procfs and its kin are never opened.
    if (fd >= 0 && special_fs_of(static_cast<int>(fd))) {
      close(static_cast<int>(fd));
      error = err::notcapable;
      return -1;
    }
    if (fd >= 0) return static_cast<int>(fd);
    if (errno == EINTR || errno == EAGAIN) continue;
    // O_NOFOLLOW on a final symlink gives ELOOP; an O_PATH open of it is allowed.
    error = from_host_errno(errno);
    return -1;
  }
}

std::optional<ParentDir> Context::parent_of(int dir, const std::string& raw, Errno& error) {
  std::string path = raw;
  ParentDir p;
  while (path.size() > 1 && path.back() == '/') {
    path.pop_back();
    p.trailing_slash = true;
  }
  if (path.empty()) {
    error = err::noent;
    return std::nullopt;
  }
  auto slash = path.rfind('/');
  std::string parent = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  p.base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (p.base == "." || p.base == "..") {
    // The final component would name the parent itself or above: resolve it fully instead.
    parent = path;
    p.base = ".";
    p.trailing_slash = false;  // "." is the directory itself
  }
  p.fd = open_beneath(dir, parent, O_PATH | O_DIRECTORY, 0, true, error);
  if (p.fd < 0) return std::nullopt;
  return p;
}

}  // namespace petrel::wasi
