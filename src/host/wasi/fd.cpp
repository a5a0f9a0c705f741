// fd_*: operations on an open fd.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <vector>

#include "host/wasi/calls.hpp"
#include "host/wasi/context.hpp"
#include "host/wasi/helpers.hpp"

namespace petrel::wasi::calls {

Result<Errno> fd_advise(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  if (a.u32(3) > 5) return err::inval;
  if (f->type == kDirectory) return err::badf;
  static const int advice[] = {POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL, POSIX_FADV_RANDOM,
                               POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
  int r = posix_fadvise(f->host_fd, static_cast<off_t>(a.u64(1)), static_cast<off_t>(a.u64(2)), advice[a.u32(3)]);
  return r == 0 ? err::success : from_host_errno(r);
}

Result<Errno> fd_allocate(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  if (a.u64(1) > static_cast<uint64_t>(INT64_MAX) || a.u64(2) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
  int r = posix_fallocate(f->host_fd, static_cast<off_t>(a.u64(1)), static_cast<off_t>(a.u64(2)));
  return r == 0 ? err::success : from_host_errno(r);
}

Result<Errno> fd_close(Context& c, const Args& a) {
  FdEntry* f = c.fds.find(a.u32(0));
  if (!f) return err::badf;
  if (f->owned) close(f->host_fd);
  c.fds.remove(a.u32(0));
  return err::success;
}

Result<Errno> fd_datasync(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  return fdatasync(f->host_fd) == 0 ? err::success : host_error();
}

Result<Errno> fd_fdstat_get(Context& c, const Args& a) {
  FdEntry* f = c.fd(a.u32(0));
  if (!f) return err::badf;
  uint32_t p = a.u32(1);
  if (!c.in_bounds(p, 24)) return err::fault;
  int fl = fcntl(f->host_fd, F_GETFL);
  uint16_t flags = 0;
  if (fl >= 0) {
    if (fl & O_APPEND) flags |= fdflags::append;
    if (fl & O_NONBLOCK) flags |= fdflags::nonblock;
    if ((fl & O_SYNC) == O_SYNC) flags |= fdflags::sync;
    else if (fl & O_DSYNC) flags |= fdflags::dsync;
  }
  if (!f->owned) flags |= f->fdflags & (fdflags::append | fdflags::nonblock);  // the guest's own
  std::memset(c.at(p), 0, 24);
  c.store<uint8_t>(p, f->type);
  c.store<uint16_t>(p + 2, flags);
  c.store<uint64_t>(p + 8, f->rights_base);
  c.store<uint64_t>(p + 16, f->rights_inheriting);
  return err::success;
}

Result<Errno> fd_fdstat_set_flags(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
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
}

Result<Errno> fd_fdstat_set_rights(Context& c, const Args& a) {
  FdEntry* f = c.fd(a.u32(0));
  if (!f) return err::badf;
  // Rights can only be dropped, never gained.
  if ((a.u64(1) & ~f->rights_base) || (a.u64(2) & ~f->rights_inheriting)) return err::notcapable;
  f->rights_base = a.u64(1);
  f->rights_inheriting = a.u64(2);
  return err::success;
}

Result<Errno> fd_filestat_get(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  struct stat st;
  if (fstat(f->host_fd, &st) != 0) return host_error();
  Errno r = write_filestat(c, a.u32(1), st);
  if (r == err::success && (f->type == kSocketDgram || f->type == kSocketStream)) c.store<uint8_t>(a.u32(1) + 16, f->type);
  return r;
}

Result<Errno> fd_filestat_set_size(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  if (a.u64(1) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
  return ftruncate(f->host_fd, static_cast<off_t>(a.u64(1))) == 0 ? err::success : host_error();
}

Result<Errno> fd_filestat_set_times(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  struct timespec ts[2];
  if (!make_times(a.u64(1), a.u64(2), static_cast<uint16_t>(a.u32(3)), ts)) return err::inval;
  return futimens(f->host_fd, ts) == 0 ? err::success : host_error();
}

namespace {
// fd_pread and fd_pwrite: (fd, iovs, iovs_len, offset, nbytes out) through preadv or pwritev.
Result<Errno> positioned_io(Context& c, const Args& a, ssize_t (*io)(int, const struct iovec*, int, off_t)) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov) || !c.in_bounds(a.u32(4), 4)) return err::fault;
  if (a.u64(3) > static_cast<uint64_t>(INT64_MAX)) return err::inval;
  ssize_t n = io(f->host_fd, iov.data(), static_cast<int>(iov.size()), static_cast<off_t>(a.u64(3)));
  if (n < 0) return host_error();
  c.store<uint32_t>(a.u32(4), static_cast<uint32_t>(n));
  return err::success;
}
}  // namespace

Result<Errno> fd_pread(Context& c, const Args& a) { return positioned_io(c, a, preadv); }

Result<Errno> fd_prestat_get(Context& c, const Args& a) {
  FdEntry* f = c.fd(a.u32(0));
  if (!f || !f->preopen_name) return err::badf;
  if (!c.in_bounds(a.u32(1), 8)) return err::fault;
  std::memset(c.at(a.u32(1)), 0, 8);
  c.store<uint32_t>(a.u32(1) + 4, static_cast<uint32_t>(f->preopen_name->size()));
  return err::success;
}

Result<Errno> fd_prestat_dir_name(Context& c, const Args& a) {
  FdEntry* f = c.fd(a.u32(0));
  if (!f || !f->preopen_name) return err::badf;
  const std::string& name = *f->preopen_name;
  if (a.u32(2) < name.size()) return err::nametoolong;
  if (!c.in_bounds(a.u32(1), name.size())) return err::fault;
  std::memcpy(c.at(a.u32(1)), name.data(), name.size());
  return err::success;
}

Result<Errno> fd_pwrite(Context& c, const Args& a) { return positioned_io(c, a, pwritev); }

Result<Errno> fd_read(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov)) return err::fault;
  if (!c.in_bounds(a.u32(3), 4)) return err::fault;
  if (Context::guest_would_block(*f, POLLIN)) return err::again;
  ssize_t n = readv(f->host_fd, iov.data(), static_cast<int>(iov.size()));
  if (n < 0) return host_error();
  c.store<uint32_t>(a.u32(3), static_cast<uint32_t>(n));
  return err::success;
}

Result<Errno> fd_readdir(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  uint32_t buf = a.u32(1), len = a.u32(2), used_ptr = a.u32(4);
  uint64_t cookie = a.u64(3);
  if (!c.in_bounds(buf, len) || !c.in_bounds(used_ptr, 4)) return err::fault;
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
    std::memcpy(c.at(buf + used), header, n);
    used += n;
    n = static_cast<uint32_t>(std::min<uint64_t>(namelen, len - used));
    std::memcpy(c.at(buf + used), d->d_name, n);
    used += n;
    if (used == len) break;
  }
  closedir(dir);
  c.store<uint32_t>(used_ptr, used);
  return err::success;
}

Result<Errno> fd_renumber(Context& c, const Args& a) {
  FdEntry* from = c.fds.find(a.u32(0));
  FdEntry* to = c.fds.find(a.u32(1));
  if (!from || !to) return err::badf;
  if (from == to) return err::success;
  if (to->owned) close(to->host_fd);
  *to = std::move(*from);
  c.fds.remove(a.u32(0));
  return err::success;
}

Result<Errno> fd_seek(Context& c, const Args& a) {
  uint32_t whence = a.u32(2) & 0xFF;
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  if (f->type == kDirectory) return err::badf;
  int w = whence == kSet ? SEEK_SET : whence == kCur ? SEEK_CUR : whence == kEnd ? SEEK_END : -1;
  if (w < 0) return err::inval;
  if (!c.in_bounds(a.u32(3), 8)) return err::fault;
  off_t r = lseek(f->host_fd, static_cast<off_t>(a.u64(1)), w);
  if (r < 0) return host_error();
  c.store<uint64_t>(a.u32(3), static_cast<uint64_t>(r));
  return err::success;
}

Result<Errno> fd_sync(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  return fsync(f->host_fd) == 0 ? err::success : host_error();
}

Result<Errno> fd_tell(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  if (!c.in_bounds(a.u32(1), 8)) return err::fault;
  off_t r = lseek(f->host_fd, 0, SEEK_CUR);
  if (r < 0) return host_error();
  c.store<uint64_t>(a.u32(1), static_cast<uint64_t>(r));
  return err::success;
}

Result<Errno> fd_write(Context& c, const Args& a) {
  Errno e = err::success;
  FdEntry* f = c.fd(a.u32(0), a.fd_needs(), &e);
  if (!f) return e;
  std::vector<struct iovec> iov;
  if (!c.gather(a.u32(1), a.u32(2), iov)) return err::fault;
  if (!c.in_bounds(a.u32(3), 4)) return err::fault;
  if (Context::guest_would_block(*f, POLLOUT)) return err::again;
  if (!f->owned && (f->fdflags & fdflags::append)) lseek(f->host_fd, 0, SEEK_END);  // fails on pipes: no matter
  ssize_t n = Context::write_without_sigpipe(*f, iov.data(), iov.size());
  if (n < 0) return host_error();
  c.store<uint32_t>(a.u32(3), static_cast<uint32_t>(n));
  return err::success;
}

}  // namespace petrel::wasi::calls
