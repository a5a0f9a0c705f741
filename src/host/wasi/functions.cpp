// The wasi_snapshot_preview1 functions. Each reads its parameters as the witx file declares
// them, checks every guest pointer and length (EFAULT otherwise), and returns a WASI errno.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <functional>
#include <vector>

#include "host/wasi/context.hpp"
#include "host/wasi/functions.hpp"

namespace petrel::wasi {
namespace {

constexpr ValType I32 = ValType::I32, I64 = ValType::I64;

bool ioctl_fionread(int fd, int& out) { return ioctl(fd, FIONREAD, &out) == 0; }

Errno host_error() { return from_host_errno(errno); }

uint64_t timespec_ns(const struct timespec& t) {
  return static_cast<uint64_t>(t.tv_sec) * 1000000000ull + static_cast<uint64_t>(t.tv_nsec);
}

Filetype filetype_of_mode(mode_t m) {
  switch (m & S_IFMT) {
    case S_IFREG: return kRegularFile;
    case S_IFDIR: return kDirectory;
    case S_IFCHR: return kCharacterDevice;
    case S_IFBLK: return kBlockDevice;
    case S_IFLNK: return kSymbolicLink;
    case S_IFSOCK: return kSocketStream;
    default: return kUnknown;
  }
}

// filestat: dev u64 @0, ino u64 @8, filetype u8 @16, nlink u64 @24, size u64 @32,
// atim u64 @40, mtim u64 @48, ctim u64 @56 (64 bytes).
Errno write_filestat(Context& c, uint64_t ptr, const struct stat& st) {
  if (!c.in_bounds(ptr, 64)) return err::fault;
  std::memset(c.at(ptr), 0, 64);
  c.store<uint64_t>(ptr, st.st_dev);
  c.store<uint64_t>(ptr + 8, st.st_ino);
  c.store<uint8_t>(ptr + 16, filetype_of_mode(st.st_mode));
  c.store<uint64_t>(ptr + 24, st.st_nlink);
  c.store<uint64_t>(ptr + 32, static_cast<uint64_t>(st.st_size));
  c.store<uint64_t>(ptr + 40, timespec_ns(st.st_atim));
  c.store<uint64_t>(ptr + 48, timespec_ns(st.st_mtim));
  c.store<uint64_t>(ptr + 56, timespec_ns(st.st_ctim));
  return err::success;
}

// Converts WASI times and fstflags to a utimensat() pair.
bool make_times(uint64_t atim, uint64_t mtim, uint16_t fst, struct timespec ts[2]) {
  if (((fst & fstflags::atim) && (fst & fstflags::atim_now)) || ((fst & fstflags::mtim) && (fst & fstflags::mtim_now)))
    return false;
  auto set = [](struct timespec& t, uint64_t ns, bool given, bool now) {
    if (now) t = {0, UTIME_NOW};
    else if (given) t = {static_cast<time_t>(ns / 1000000000ull), static_cast<long>(ns % 1000000000ull)};
    else t = {0, UTIME_OMIT};
  };
  set(ts[0], atim, fst & fstflags::atim, fst & fstflags::atim_now);
  set(ts[1], mtim, fst & fstflags::mtim, fst & fstflags::mtim_now);
  return true;
}

std::string proc_fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

}  // namespace

void define_preview1(Context& ctx, const Definer& def) {
  Context* c = &ctx;

  // ---- arguments, environment ------------------------------------------------------------
  auto strings_get = [c](const std::vector<std::string>& list, uint32_t ptrs, uint32_t buf) -> Errno {
    uint64_t size = 0;
    for (const auto& s : list) size += s.size() + 1;
    if (!c->in_bounds(ptrs, uint64_t{4} * list.size()) || !c->in_bounds(buf, size)) return err::fault;
    for (const auto& s : list) {
      c->store<uint32_t>(ptrs, buf);
      std::memcpy(c->at(buf), s.c_str(), s.size() + 1);
      ptrs += 4;
      buf += static_cast<uint32_t>(s.size() + 1);
    }
    return err::success;
  };
  auto sizes_get = [c](const std::vector<std::string>& list, uint32_t count_ptr, uint32_t size_ptr) -> Errno {
    uint64_t size = 0;
    for (const auto& s : list) size += s.size() + 1;
    if (!c->store<uint32_t>(count_ptr, static_cast<uint32_t>(list.size())) ||
        !c->store<uint32_t>(size_ptr, static_cast<uint32_t>(size)))
      return err::fault;
    return err::success;
  };
  def("args_get", {I32, I32}, [c, strings_get](Args a) { return strings_get(c->options.args, a.u32(0), a.u32(1)); });
  def("args_sizes_get", {I32, I32}, [c, sizes_get](Args a) { return sizes_get(c->options.args, a.u32(0), a.u32(1)); });
  def("environ_get", {I32, I32}, [c, strings_get](Args a) { return strings_get(c->options.env, a.u32(0), a.u32(1)); });
  def("environ_sizes_get", {I32, I32}, [c, sizes_get](Args a) { return sizes_get(c->options.env, a.u32(0), a.u32(1)); });

  // ---- clocks, randomness, scheduling --------------------------------------------------
  auto host_clock = [](uint32_t id, clockid_t& out) {
    switch (id) {
      case kRealtime: out = CLOCK_REALTIME; return true;
      case kMonotonic: out = CLOCK_MONOTONIC; return true;
      case kProcessCputime: out = CLOCK_PROCESS_CPUTIME_ID; return true;
      case kThreadCputime: out = CLOCK_THREAD_CPUTIME_ID; return true;
      default: return false;
    }
  };
  def("clock_res_get", {I32, I32}, [c, host_clock](Args a) -> Errno {
    clockid_t id;
    if (!host_clock(a.u32(0), id)) return err::inval;
    struct timespec ts;
    if (clock_getres(id, &ts) != 0) return host_error();
    return c->store<uint64_t>(a.u32(1), timespec_ns(ts)) ? err::success : err::fault;
  });
  def("clock_time_get", {I32, I64, I32}, [c, host_clock](Args a) -> Errno {
    clockid_t id;
    if (!host_clock(a.u32(0), id)) return err::inval;
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) return host_error();
    return c->store<uint64_t>(a.u32(2), timespec_ns(ts)) ? err::success : err::fault;
  });
  def("random_get", {I32, I32}, [c](Args a) -> Errno {
    uint32_t buf = a.u32(0), len = a.u32(1);
    if (!c->in_bounds(buf, len)) return err::fault;
    for (uint32_t done = 0; done < len;) {
      ssize_t n = getrandom(c->at(buf + done), len - done, 0);
      if (n < 0) {
        if (errno == EINTR) continue;
        return host_error();
      }
      done += static_cast<uint32_t>(n);
    }
    return err::success;
  });
  def("sched_yield", {}, [](Args) -> Errno {
    sched_yield();
    return err::success;
  });
  def("proc_raise", {I32}, [](Args) -> Errno { return err::notsup; });

  // ---- fd operations ---------------------------------------------------------------------
  def("fd_write", {I32, I32, I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_write, &e);
    if (!f) return e;
    std::vector<struct iovec> iov;
    if (!c->gather(a.u32(1), a.u32(2), iov)) return err::fault;
    if (!c->in_bounds(a.u32(3), 4)) return err::fault;
    if (Context::guest_would_block(*f, POLLOUT)) return err::again;
    if (!f->owned && (f->fdflags & fdflags::append)) lseek(f->host_fd, 0, SEEK_END);  // fails on pipes: no matter
    ssize_t n = Context::write_without_sigpipe(*f, iov.data(), iov.size());
    if (n < 0) return host_error();
    c->store<uint32_t>(a.u32(3), static_cast<uint32_t>(n));
    return err::success;
  });
  def("fd_read", {I32, I32, I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_read, &e);
    if (!f) return e;
    std::vector<struct iovec> iov;
    if (!c->gather(a.u32(1), a.u32(2), iov)) return err::fault;
    if (!c->in_bounds(a.u32(3), 4)) return err::fault;
    if (Context::guest_would_block(*f, POLLIN)) return err::again;
    ssize_t n = readv(f->host_fd, iov.data(), static_cast<int>(iov.size()));
    if (n < 0) return host_error();
    c->store<uint32_t>(a.u32(3), static_cast<uint32_t>(n));
    return err::success;
  });
  def("fd_pwrite", {I32, I32, I32, I64, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_write | rights::fd_seek, &e);
    if (!f) return e;
    std::vector<struct iovec> iov;
    if (!c->gather(a.u32(1), a.u32(2), iov) || !c->in_bounds(a.u32(4), 4)) return err::fault;
    if (a.u64(3) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
    ssize_t n = pwritev(f->host_fd, iov.data(), static_cast<int>(iov.size()), static_cast<off_t>(a.u64(3)));
    if (n < 0) return host_error();
    c->store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
    return err::success;
  });
  def("fd_pread", {I32, I32, I32, I64, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_read | rights::fd_seek, &e);
    if (!f) return e;
    std::vector<struct iovec> iov;
    if (!c->gather(a.u32(1), a.u32(2), iov) || !c->in_bounds(a.u32(4), 4)) return err::fault;
    if (a.u64(3) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
    ssize_t n = preadv(f->host_fd, iov.data(), static_cast<int>(iov.size()), static_cast<off_t>(a.u64(3)));
    if (n < 0) return host_error();
    c->store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
    return err::success;
  });
  def("fd_seek", {I32, I64, I32, I32}, [c](Args a) -> Errno {
    uint32_t whence = a.u32(2) & 0xFF;
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), (whence == kCur && a.u64(1) == 0) ? rights::fd_tell : rights::fd_seek, &e);
    if (!f) return e;
    if (f->type == kDirectory) return err::badf;
    int w = whence == kSet ? SEEK_SET : whence == kCur ? SEEK_CUR : whence == kEnd ? SEEK_END : -1;
    if (w < 0) return err::inval;
    if (!c->in_bounds(a.u32(3), 8)) return err::fault;
    off_t r = lseek(f->host_fd, static_cast<off_t>(a.u64(1)), w);
    if (r < 0) return host_error();
    c->store<uint64_t>(a.u32(3), static_cast<uint64_t>(r));
    return err::success;
  });
  def("fd_tell", {I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_tell, &e);
    if (!f) return e;
    if (!c->in_bounds(a.u32(1), 8)) return err::fault;
    off_t r = lseek(f->host_fd, 0, SEEK_CUR);
    if (r < 0) return host_error();
    c->store<uint64_t>(a.u32(1), static_cast<uint64_t>(r));
    return err::success;
  });
  def("fd_close", {I32}, [c](Args a) -> Errno {
    FdEntry* f = c->fds.find(a.u32(0));
    if (!f) return err::badf;
    if (f->owned) close(f->host_fd);
    c->fds.remove(a.u32(0));
    return err::success;
  });
  def("fd_renumber", {I32, I32}, [c](Args a) -> Errno {
    FdEntry* from = c->fds.find(a.u32(0));
    FdEntry* to = c->fds.find(a.u32(1));
    if (!from || !to) return err::badf;
    if (from == to) return err::success;
    if (to->owned) close(to->host_fd);
    *to = std::move(*from);
    c->fds.remove(a.u32(0));
    return err::success;
  });
  def("fd_fdstat_get", {I32, I32}, [c](Args a) -> Errno {
    FdEntry* f = c->fd(a.u32(0));
    if (!f) return err::badf;
    uint32_t p = a.u32(1);
    if (!c->in_bounds(p, 24)) return err::fault;
    int fl = fcntl(f->host_fd, F_GETFL);
    uint16_t flags = 0;
    if (fl >= 0) {
      if (fl & O_APPEND) flags |= fdflags::append;
      if (fl & O_NONBLOCK) flags |= fdflags::nonblock;
      if ((fl & O_SYNC) == O_SYNC) flags |= fdflags::sync;
      else if (fl & O_DSYNC) flags |= fdflags::dsync;
    }
    if (!f->owned) flags |= f->fdflags & (fdflags::append | fdflags::nonblock);  // the guest's own
    std::memset(c->at(p), 0, 24);
    c->store<uint8_t>(p, f->type);
    c->store<uint16_t>(p + 2, flags);
    c->store<uint64_t>(p + 8, f->rights_base);
    c->store<uint64_t>(p + 16, f->rights_inheriting);
    return err::success;
  });
  def("fd_fdstat_set_flags", {I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_fdstat_set_flags, &e);
    if (!f) return e;
    uint16_t want = static_cast<uint16_t>(a.u32(1));
    if (want & (fdflags::dsync | fdflags::rsync | fdflags::sync)) return err::notsup;
    // A descriptor Petrel does not own (stdio) shares its open file description with other
    // processes, which must not find it non-blocking or appending because of the guest: keep
    // the flags as the guest's state, emulated on each read and write.
    if (!f->owned) {
      f->fdflags = want;
      return err::success;
    }
    int fl = fcntl(f->host_fd, F_GETFL);
    if (fl < 0) return host_error();
    fl &= ~(O_APPEND | O_NONBLOCK);
    if (want & fdflags::append) fl |= O_APPEND;
    if (want & fdflags::nonblock) fl |= O_NONBLOCK;
    if (fcntl(f->host_fd, F_SETFL, fl) != 0) return host_error();
    f->fdflags = want;
    return err::success;
  });
  def("fd_fdstat_set_rights", {I32, I64, I64}, [c](Args a) -> Errno {
    FdEntry* f = c->fd(a.u32(0));
    if (!f) return err::badf;
    // Rights can only be dropped, never gained.
    if ((a.u64(1) & ~f->rights_base) || (a.u64(2) & ~f->rights_inheriting)) return err::notcapable;
    f->rights_base = a.u64(1);
    f->rights_inheriting = a.u64(2);
    return err::success;
  });
  def("fd_filestat_get", {I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_filestat_get, &e);
    if (!f) return e;
    struct stat st;
    if (fstat(f->host_fd, &st) != 0) return host_error();
    Errno r = write_filestat(*c, a.u32(1), st);
    if (r == err::success && (f->type == kSocketDgram || f->type == kSocketStream)) c->store<uint8_t>(a.u32(1) + 16, f->type);
    return r;
  });
  def("fd_filestat_set_size", {I32, I64}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_filestat_set_size, &e);
    if (!f) return e;
    if (a.u64(1) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
    return ftruncate(f->host_fd, static_cast<off_t>(a.u64(1))) == 0 ? err::success : host_error();
  });
  def("fd_filestat_set_times", {I32, I64, I64, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_filestat_set_times, &e);
    if (!f) return e;
    struct timespec ts[2];
    if (!make_times(a.u64(1), a.u64(2), static_cast<uint16_t>(a.u32(3)), ts)) return err::inval;
    return futimens(f->host_fd, ts) == 0 ? err::success : host_error();
  });
  def("fd_advise", {I32, I64, I64, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_advise, &e);
    if (!f) return e;
    if (a.u32(3) > 5) return err::inval;
    if (f->type == kDirectory) return err::badf;
    static const int advice[] = {POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL, POSIX_FADV_RANDOM,
                                 POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
    int r = posix_fadvise(f->host_fd, static_cast<off_t>(a.u64(1)), static_cast<off_t>(a.u64(2)), advice[a.u32(3)]);
    return r == 0 ? err::success : from_host_errno(r);
  });
  def("fd_allocate", {I32, I64, I64}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_allocate, &e);
    if (!f) return e;
    if (a.u64(1) > static_cast<uint64_t>(INT64_MAX) || a.u64(2) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
    int r = posix_fallocate(f->host_fd, static_cast<off_t>(a.u64(1)), static_cast<off_t>(a.u64(2)));
    return r == 0 ? err::success : from_host_errno(r);
  });
  def("fd_datasync", {I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_datasync, &e);
    if (!f) return e;
    return fdatasync(f->host_fd) == 0 ? err::success : host_error();
  });
  def("fd_sync", {I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_sync, &e);
    if (!f) return e;
    return fsync(f->host_fd) == 0 ? err::success : host_error();
  });
  def("fd_prestat_get", {I32, I32}, [c](Args a) -> Errno {
    FdEntry* f = c->fd(a.u32(0));
    if (!f || !f->preopen_name) return err::badf;
    if (!c->in_bounds(a.u32(1), 8)) return err::fault;
    std::memset(c->at(a.u32(1)), 0, 8);
    c->store<uint32_t>(a.u32(1) + 4, static_cast<uint32_t>(f->preopen_name->size()));
    return err::success;
  });
  def("fd_prestat_dir_name", {I32, I32, I32}, [c](Args a) -> Errno {
    FdEntry* f = c->fd(a.u32(0));
    if (!f || !f->preopen_name) return err::badf;
    const std::string& name = *f->preopen_name;
    if (a.u32(2) < name.size()) return err::nametoolong;
    if (!c->in_bounds(a.u32(1), name.size())) return err::fault;
    std::memcpy(c->at(a.u32(1)), name.data(), name.size());
    return err::success;
  });
  def("fd_readdir", {I32, I32, I32, I64, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_readdir, &e);
    if (!f) return e;
    uint32_t buf = a.u32(1), len = a.u32(2), used_ptr = a.u32(4);
    uint64_t cookie = a.u64(3);
    if (!c->in_bounds(buf, len) || !c->in_bounds(used_ptr, 4)) return err::fault;
    // A fresh stream per call: the cookie is the index of the next entry.
    int dfd = openat(f->host_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return host_error();
    DIR* dir = fdopendir(dfd);
    if (!dir) {
      close(dfd);
      return host_error();
    }
    uint32_t used = 0;
    uint64_t index = 0;
    while (struct dirent* d = readdir(dir)) {
      if (index++ < cookie) continue;
      size_t namelen = std::strlen(d->d_name);
      uint8_t header[24] = {};
      uint64_t next = index, ino = d->d_ino;
      uint32_t nl = static_cast<uint32_t>(namelen);
      uint8_t type = d->d_type == DT_DIR ? kDirectory : d->d_type == DT_REG ? kRegularFile
                   : d->d_type == DT_LNK ? kSymbolicLink : d->d_type == DT_CHR ? kCharacterDevice
                   : d->d_type == DT_BLK ? kBlockDevice : d->d_type == DT_SOCK ? kSocketStream : kUnknown;
      std::memcpy(header, &next, 8);
      std::memcpy(header + 8, &ino, 8);
      std::memcpy(header + 16, &nl, 4);
      header[20] = type;
      // Entries that do not fit are cut off: the guest sees a full buffer and asks again.
      uint32_t n = std::min<uint32_t>(24, len - used);
      std::memcpy(c->at(buf + used), header, n);
      used += n;
      n = static_cast<uint32_t>(std::min<uint64_t>(namelen, len - used));
      std::memcpy(c->at(buf + used), d->d_name, n);
      used += n;
      if (used == len) break;
    }
    closedir(dir);
    c->store<uint32_t>(used_ptr, used);
    return err::success;
  });

  // ---- paths (all resolved beneath the directory fd) -------------------------------------
  // Reads the guest path and resolves its parent beneath the directory fd.
  auto parent = [c](uint32_t dirfd, uint64_t needed, uint32_t ptr, uint32_t len, Errno& e) -> std::optional<ParentDir> {
    FdEntry* d = c->fd(dirfd, needed, &e);
    if (!d) return std::nullopt;
    if (d->type != kDirectory) {
      e = err::notdir;
      return std::nullopt;
    }
    auto path = c->string(ptr, len);
    if (!path) {
      e = err::fault;
      return std::nullopt;
    }
    return c->parent_of(d->host_fd, *path, e);
  };
  // Opens the whole path beneath the directory fd as O_PATH (for operations that follow links).
  auto whole = [c](uint32_t dirfd, uint64_t needed, uint32_t ptr, uint32_t len, bool follow, Errno& e) -> int {
    FdEntry* d = c->fd(dirfd, needed, &e);
    if (!d) return -1;
    auto path = c->string(ptr, len);
    if (!path) {
      e = err::fault;
      return -1;
    }
    return c->open_beneath(d->host_fd, *path, O_PATH, 0, follow, e);
  };

  def("path_create_directory", {I32, I32, I32}, [parent](Args a) -> Errno {
    Errno e = err::success;
    auto p = parent(a.u32(0), rights::path_create_directory, a.u32(1), a.u32(2), e);
    if (!p) return e;
    return mkdirat(p->fd, p->base.c_str(), 0777) == 0 ? err::success : host_error();
  });
  def("path_filestat_get", {I32, I32, I32, I32, I32}, [c, parent, whole](Args a) -> Errno {
    Errno e = err::success;
    struct stat st;
    if (a.u32(1) & lookup::symlink_follow) {
      int fd = whole(a.u32(0), rights::path_filestat_get, a.u32(2), a.u32(3), true, e);
      if (fd < 0) return e;
      int r = fstat(fd, &st);
      close(fd);
      if (r != 0) return host_error();
    } else {
      auto p = parent(a.u32(0), rights::path_filestat_get, a.u32(2), a.u32(3), e);
      if (!p) return e;
      if (fstatat(p->fd, p->base.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return host_error();
    }
    return write_filestat(*c, a.u32(4), st);
  });
  def("path_filestat_set_times", {I32, I32, I32, I32, I64, I64, I32}, [parent, whole](Args a) -> Errno {
    struct timespec ts[2];
    if (!make_times(a.u64(4), a.u64(5), static_cast<uint16_t>(a.u32(6)), ts)) return err::inval;
    Errno e = err::success;
    if (a.u32(1) & lookup::symlink_follow) {
      int fd = whole(a.u32(0), rights::path_filestat_set_times, a.u32(2), a.u32(3), true, e);
      if (fd < 0) return e;
      int r = utimensat(AT_FDCWD, proc_fd_path(fd).c_str(), ts, 0);
      close(fd);
      return r == 0 ? err::success : host_error();
    }
    auto p = parent(a.u32(0), rights::path_filestat_set_times, a.u32(2), a.u32(3), e);
    if (!p) return e;
    return utimensat(p->fd, p->base.c_str(), ts, AT_SYMLINK_NOFOLLOW) == 0 ? err::success : host_error();
  });
  def("path_link", {I32, I32, I32, I32, I32, I32, I32}, [parent, whole](Args a) -> Errno {
    Errno e = err::success;
    auto to = parent(a.u32(4), rights::path_link_target, a.u32(5), a.u32(6), e);
    if (!to) return e;
    if (a.u32(1) & lookup::symlink_follow) {
      // Follow the source beneath its directory, then link what it resolved to.
      int fd = whole(a.u32(0), rights::path_link_source, a.u32(2), a.u32(3), true, e);
      if (fd < 0) return e;
      int r = linkat(AT_FDCWD, proc_fd_path(fd).c_str(), to->fd, to->base.c_str(), AT_SYMLINK_FOLLOW);
      close(fd);
      return r == 0 ? err::success : host_error();
    }
    auto from = parent(a.u32(0), rights::path_link_source, a.u32(2), a.u32(3), e);
    if (!from) return e;
    return linkat(from->fd, from->base.c_str(), to->fd, to->base.c_str(), 0) == 0 ? err::success : host_error();
  });
  def("path_open", {I32, I32, I32, I32, I32, I64, I64, I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* d = c->fd(a.u32(0), rights::path_open, &e);
    if (!d) return e;
    auto path = c->string(a.u32(2), a.u32(3));
    if (!path) return err::fault;
    uint16_t of = static_cast<uint16_t>(a.u32(4));
    uint16_t ff = static_cast<uint16_t>(a.u32(7));
    uint64_t base = a.u64(5) & d->rights_inheriting, inheriting = a.u64(6) & d->rights_inheriting;
    if (!c->in_bounds(a.u32(8), 4)) return err::fault;
    bool creating = of & (oflags::creat | oflags::trunc);
    if ((of & oflags::creat) && !(d->rights_base & rights::path_create_file)) return err::notcapable;
    if ((of & oflags::trunc) && !(d->rights_base & rights::path_filestat_set_size)) return err::notcapable;
    if (d->readonly && (creating || (a.u64(5) & rights::fd_write) || (ff & fdflags::append))) return err::notcapable;
    bool want_read = base & (rights::fd_read | rights::fd_readdir);
    bool want_write = base & (rights::fd_write | rights::fd_allocate | rights::fd_filestat_set_size);
    int flags = want_write ? (want_read ? O_RDWR : O_WRONLY) : O_RDONLY;
    if (of & oflags::creat) flags |= O_CREAT;
    if (of & oflags::excl) flags |= O_EXCL;
    if (of & oflags::trunc) flags |= O_TRUNC;
    if (of & oflags::directory) flags |= O_DIRECTORY;
    if (ff & fdflags::append) flags |= O_APPEND;
    if (ff & fdflags::nonblock) flags |= O_NONBLOCK;
    if (ff & fdflags::dsync) flags |= O_DSYNC;
    if (ff & fdflags::sync) flags |= O_SYNC;
    bool follow = a.u32(1) & lookup::symlink_follow;
    int fd = c->open_beneath(d->host_fd, *path, flags, 0666, follow, e);
    if (fd < 0 && e == err::isdir && (flags & O_ACCMODE) != O_RDONLY && !(flags & O_CREAT)) {
      // A directory opened with write rights: open it for reading; writes will fail.
      fd = c->open_beneath(d->host_fd, *path, (flags & ~O_ACCMODE) | O_RDONLY, 0, follow, e);
    }
    if (fd < 0) return e;
    FdEntry entry;
    entry.host_fd = fd;
    entry.type = Context::filetype_of(fd);
    entry.readonly = d->readonly;
    uint64_t cap = entry.type == kDirectory ? rights::directory : rights::file;
    entry.rights_base = base & cap;
    entry.rights_inheriting = inheriting;
    if (entry.readonly) {
      entry.rights_base &= ~rights::writes;
      entry.rights_inheriting &= ~rights::writes;
    }
    entry.fdflags = ff;
    c->store<uint32_t>(a.u32(8), c->add_fd(std::move(entry)));
    return err::success;
  });
  def("path_readlink", {I32, I32, I32, I32, I32, I32}, [c, parent](Args a) -> Errno {
    Errno e = err::success;
    auto p = parent(a.u32(0), rights::path_readlink, a.u32(1), a.u32(2), e);
    if (!p) return e;
    uint32_t buf = a.u32(3), len = a.u32(4);
    if (!c->in_bounds(buf, len) || !c->in_bounds(a.u32(5), 4)) return err::fault;
    std::vector<char> tmp(PATH_MAX);
    ssize_t n = readlinkat(p->fd, p->base.c_str(), tmp.data(), tmp.size());
    if (n < 0) return host_error();
    uint32_t copied = static_cast<uint32_t>(std::min<size_t>(static_cast<size_t>(n), len));
    std::memcpy(c->at(buf), tmp.data(), copied);
    c->store<uint32_t>(a.u32(5), copied);
    return err::success;
  });
  def("path_remove_directory", {I32, I32, I32}, [parent](Args a) -> Errno {
    Errno e = err::success;
    auto p = parent(a.u32(0), rights::path_remove_directory, a.u32(1), a.u32(2), e);
    if (!p) return e;
    return unlinkat(p->fd, p->base.c_str(), AT_REMOVEDIR) == 0 ? err::success : host_error();
  });
  def("path_rename", {I32, I32, I32, I32, I32, I32}, [parent](Args a) -> Errno {
    Errno e = err::success;
    auto from = parent(a.u32(0), rights::path_rename_source, a.u32(1), a.u32(2), e);
    if (!from) return e;
    auto to = parent(a.u32(3), rights::path_rename_target, a.u32(4), a.u32(5), e);
    if (!to) return e;
    return renameat(from->fd, from->base.c_str(), to->fd, to->base.c_str()) == 0 ? err::success : host_error();
  });
  def("path_symlink", {I32, I32, I32, I32, I32}, [c, parent](Args a) -> Errno {
    auto target = c->string(a.u32(0), a.u32(1));
    if (!target) return err::fault;
    Errno e = err::success;
    auto p = parent(a.u32(2), rights::path_symlink, a.u32(3), a.u32(4), e);
    if (!p) return e;
    // The link's text is stored as given; following it later is confined by RESOLVE_BENEATH.
    return symlinkat(target->c_str(), p->fd, p->base.c_str()) == 0 ? err::success : host_error();
  });
  def("path_unlink_file", {I32, I32, I32}, [parent](Args a) -> Errno {
    Errno e = err::success;
    auto p = parent(a.u32(0), rights::path_unlink_file, a.u32(1), a.u32(2), e);
    if (!p) return e;
    return unlinkat(p->fd, p->base.c_str(), 0) == 0 ? err::success : host_error();
  });

  // ---- poll_oneoff: clocks and fd readiness, with a real wait -----------------------------
  def("poll_oneoff", {I32, I32, I32, I32}, [c](Args a) -> Errno {
    uint32_t in = a.u32(0), out = a.u32(1), n = a.u32(2), nevents_ptr = a.u32(3);
    if (n == 0) return err::inval;
    if (!c->in_bounds(in, uint64_t{n} * 48) || !c->in_bounds(out, uint64_t{n} * 32) || !c->in_bounds(nevents_ptr, 4))
      return err::fault;
    struct Sub {
      uint64_t userdata = 0;
      uint8_t tag = 0;
      uint64_t deadline_ns = 0;  // clocks: absolute monotonic deadline
      int host_fd = -1;
      Errno error = err::success;
    };
    std::vector<Sub> subs(n);
    std::vector<struct pollfd> pfds;
    std::vector<size_t> pfd_sub;
    struct timespec now_ts;
    clock_gettime(CLOCK_MONOTONIC, &now_ts);
    uint64_t now = timespec_ns(now_ts);
    uint64_t earliest = UINT64_MAX;
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t p = in + uint64_t{i} * 48;
      Sub& s = subs[i];
      c->load(p, s.userdata);
      c->load(p + 8, s.tag);
      if (s.tag == kEventClock) {
        uint32_t id = 0;
        uint64_t timeout = 0;
        uint16_t flags = 0;
        c->load(p + 16, id);
        c->load(p + 24, timeout);
        c->load(p + 40, flags);
        if (id > kThreadCputime) {
          s.error = err::inval;
          earliest = now;
          continue;
        }
        if (flags & 1) {  // absolute time on that clock
          struct timespec t;
          clock_gettime(id == kRealtime ? CLOCK_REALTIME : CLOCK_MONOTONIC, &t);
          uint64_t clock_now = timespec_ns(t);
          s.deadline_ns = now + (timeout > clock_now ? timeout - clock_now : 0);
        } else {
          s.deadline_ns = timeout > UINT64_MAX - now ? UINT64_MAX : now + timeout;
        }
        earliest = std::min(earliest, s.deadline_ns);
      } else if (s.tag == kEventFdRead || s.tag == kEventFdWrite) {
        uint32_t fd = 0;
        c->load(p + 16, fd);
        Errno e = err::success;
        FdEntry* f = c->fd(fd, rights::poll_fd_readwrite, &e);
        if (!f) {
          s.error = e;
          earliest = now;
          continue;
        }
        s.host_fd = f->host_fd;
        pfds.push_back({f->host_fd, static_cast<short>(s.tag == kEventFdRead ? POLLIN : POLLOUT), 0});
        pfd_sub.push_back(i);
      } else {
        s.error = err::inval;
        earliest = now;
      }
    }
    // Wait for fd readiness or the earliest clock, whichever comes first.
    for (;;) {
      clock_gettime(CLOCK_MONOTONIC, &now_ts);
      now = timespec_ns(now_ts);
      struct timespec ts{};
      struct timespec* tsp = nullptr;
      if (earliest != UINT64_MAX) {
        uint64_t wait = earliest > now ? earliest - now : 0;
        ts = {static_cast<time_t>(wait / 1000000000ull), static_cast<long>(wait % 1000000000ull)};
        tsp = &ts;
      }
      int r = ppoll(pfds.data(), pfds.size(), tsp, nullptr);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) return host_error();
      clock_gettime(CLOCK_MONOTONIC, &now_ts);
      now = timespec_ns(now_ts);
      if (r > 0 || earliest <= now) break;
    }
    uint32_t nevents = 0;
    auto emit = [&](const Sub& s, Errno e, uint64_t nbytes, uint16_t flags) {
      uint64_t p = out + uint64_t{nevents++} * 32;
      std::memset(c->at(p), 0, 32);
      c->store<uint64_t>(p, s.userdata);
      c->store<uint16_t>(p + 8, e);
      c->store<uint8_t>(p + 10, s.tag);
      c->store<uint64_t>(p + 16, nbytes);
      c->store<uint16_t>(p + 24, flags);
    };
    for (size_t k = 0; k < pfds.size(); ++k) {
      const auto& pf = pfds[k];
      if (!pf.revents) continue;
      const Sub& s = subs[pfd_sub[k]];
      uint16_t flags = (pf.revents & POLLHUP) ? 1 : 0;  // fd_readwrite_hangup
      Errno e = (pf.revents & (POLLERR | POLLNVAL)) && !(pf.revents & (POLLIN | POLLOUT)) ? err::io : err::success;
      uint64_t nbytes = 0;
      if (s.tag == kEventFdRead) {
        int avail = 0;
        if (ioctl_fionread(s.host_fd, avail)) nbytes = static_cast<uint64_t>(avail);
      }
      emit(s, e, nbytes, flags);
    }
    for (const Sub& s : subs) {
      if (s.error != err::success) emit(s, s.error, 0, 0);
      else if (s.tag == kEventClock && s.deadline_ns <= now) emit(s, err::success, 0, 0);
    }
    c->store<uint32_t>(nevents_ptr, nevents);
    return err::success;
  });

  // ---- WASI preview1 sockets (on fds a socket capability produced) ------------------------
  def("sock_recv", {I32, I32, I32, I32, I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_read, &e);
    if (!f) return e;
    std::vector<struct iovec> iov;
    if (!c->gather(a.u32(1), a.u32(2), iov) || !c->in_bounds(a.u32(4), 4) || !c->in_bounds(a.u32(5), 2))
      return err::fault;
    if (Context::guest_would_block(*f, POLLIN)) return err::again;
    struct msghdr msg {};
    msg.msg_iov = iov.data();
    msg.msg_iovlen = iov.size();
    int flags = ((a.u32(3) & 1) ? MSG_PEEK : 0) | ((a.u32(3) & 2) ? MSG_WAITALL : 0);
    ssize_t n = recvmsg(f->host_fd, &msg, flags);
    if (n < 0) return host_error();
    c->store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
    c->store<uint16_t>(a.u32(5), (msg.msg_flags & MSG_TRUNC) ? 1 : 0);
    return err::success;
  });
  def("sock_send", {I32, I32, I32, I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::fd_write, &e);
    if (!f) return e;
    std::vector<struct iovec> iov;
    if (!c->gather(a.u32(1), a.u32(2), iov) || !c->in_bounds(a.u32(4), 4)) return err::fault;
    if (Context::guest_would_block(*f, POLLOUT)) return err::again;
    struct msghdr msg {};
    msg.msg_iov = iov.data();
    msg.msg_iovlen = iov.size();
    ssize_t n = sendmsg(f->host_fd, &msg, MSG_NOSIGNAL);
    if (n < 0) return host_error();
    c->store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
    return err::success;
  });
  def("sock_shutdown", {I32, I32}, [c](Args a) -> Errno {
    Errno e = err::success;
    FdEntry* f = c->fd(a.u32(0), rights::sock_shutdown, &e);
    if (!f) return e;
    uint32_t how = a.u32(1);
    int h = how == 1 ? SHUT_RD : how == 2 ? SHUT_WR : how == 3 ? SHUT_RDWR : -1;
    if (h < 0) return err::inval;
    return shutdown(f->host_fd, h) == 0 ? err::success : host_error();
  });
}

}  // namespace petrel::wasi
