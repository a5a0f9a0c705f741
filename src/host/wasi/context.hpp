// The state behind the WASI functions: guest memory access, the fd table and the sandboxed
// resolution of paths.
#pragma once
#include <cstdint>
#include <cstring>
#include <expected>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include <sys/uio.h>

#include "host/wasi/abi.hpp"
#include "host/wasi/wasi.hpp"
#include "runtime/memory.hpp"

namespace petrel::wasi {

struct FdEntry {
  int host_fd = -1;
  Filetype type = kUnknown;
  uint64_t rights_base = 0, rights_inheriting = 0;
  uint16_t fdflags = 0;             // as the guest set them; for fds not `owned`, the only record
                                   // of append and nonblock (emulated, see guest_would_block)
  bool readonly = false;           // below a read-only preopen: no writes of any kind
  std::optional<std::string> preopen_name;  // set for preopened directories
  bool owned = true;               // closed by us (not the process's stdio)
};

// Special file systems a guest must never reach: procfs, sysfs and the kernel interfaces
// mounted below /sys. Through them a guest could read or write the memory of Petrel's own
// process (/proc/self/mem), other processes, kernel settings and devices.
// The name of the one `fd` is on ("proc", "sysfs", …), if it is on one.
std::optional<std::string> special_fs_of(int fd);
// One mounted at or below directory `dir`, as "MOUNT-POINT (TYPE)", from
// /proc/self/mountinfo; nullopt when there is none, or when mountinfo cannot be read (no
// procfs in this mount namespace): then the check at every open is the guard.
std::optional<std::string> special_fs_mount_below(const std::string& dir);

// A directory fd and a final path component, resolved beneath a preopen.
struct ParentDir {
  int fd = -1;  // O_PATH directory fd (owned; closed by the destructor)
  std::string base;             // the final component, without slashes
  bool trailing_slash = false;  // the guest wrote it with one: it must be a directory
  // The final component as the guest wrote it, for the calls whose kernel checks a trailing
  // slash without following a final symlink (mkdirat, unlinkat, renameat, symlinkat and
  // linkat's new name). Those that would follow it (fstatat, utimensat, readlinkat,
  // linkat's old name) take `base` and resolve a trailing slash beneath themselves.
  std::string name() const { return trailing_slash ? base + "/" : base; }
  ParentDir() = default;
  ParentDir(ParentDir&& o) noexcept : fd(o.fd), base(std::move(o.base)), trailing_slash(o.trailing_slash) { o.fd = -1; }
  ParentDir& operator=(ParentDir&&) = delete;
  ~ParentDir();
};

// The guest's fd numbers: a slot per number and a min-heap of the freed ones, so that a new
// fd takes the lowest free number (as POSIX does, and guests expect) without searching the
// table: O(log n) for each open and close, whatever the number of open fds.
class FdTable {
 public:
  FdEntry* find(uint32_t n) { return n < slots_.size() && slots_[n] ? &*slots_[n] : nullptr; }
  uint32_t add(FdEntry e);
  // Takes the entry out (its host fd stays open); false when `n` is not open.
  bool remove(uint32_t n);
  template <typename F>
  void for_each(F&& f) {
    for (auto& slot : slots_)
      if (slot) f(*slot);
  }

 private:
  std::vector<std::optional<FdEntry>> slots_;
  std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<uint32_t>> freed_;  // all < slots_.size()
};

class Context {
 public:
  explicit Context(Options o) : options(std::move(o)) {}
  ~Context();

  Options options;
  MemoryInstance* memory = nullptr;
  FdTable fds;

  // ---- guest memory: every pointer and length is checked -------------------------------
  bool in_bounds(uint64_t ptr, uint64_t len) const {
    return memory && ptr <= memory->size_bytes() && len <= memory->size_bytes() - ptr;
  }
  uint8_t* at(uint64_t ptr) const { return memory->data() + ptr; }
  template <typename T>
  bool load(uint64_t ptr, T& out) const {
    if (!in_bounds(ptr, sizeof(T))) return false;
    std::memcpy(&out, at(ptr), sizeof(T));
    return true;
  }
  template <typename T>
  bool store(uint64_t ptr, T v) const {
    if (!in_bounds(ptr, sizeof(T))) return false;
    std::memcpy(at(ptr), &v, sizeof(T));
    return true;
  }
  // Gathers (c)iovecs { u32 buf; u32 len } into host iovecs, checking every buffer.
  bool gather(uint32_t iovs, uint32_t count, std::vector<struct iovec>& out) const;
  // A guest string (not NUL-terminated): EFAULT when out of bounds, EILSEQ when it holds a
  // NUL anywhere (the host would see a shorter name than the guest gave).
  std::expected<std::string, Errno> string(uint64_t ptr, uint64_t len) const;

  // ---- writes ---------------------------------------------------------------------------
  // writev() that cannot end the process with SIGPIPE, whatever the embedder's disposition:
  // sockets are written with sendmsg(MSG_NOSIGNAL); other non-files (pipes, FIFOs) with
  // SIGPIPE blocked in this thread, a SIGPIPE the write raised being taken before the mask is
  // restored. A reader that has gone is EPIPE for the guest.
  static ssize_t write_without_sigpipe(const FdEntry& f, const struct iovec* iov, size_t count);

  // Whether a read (POLLIN) or write (POLLOUT) on `f` is to fail with EAGAIN: the nonblock
  // flag the guest set on a descriptor Petrel does not own, emulated with a poll that does
  // not wait (the host's file description never becomes non-blocking).
  static bool guest_would_block(const FdEntry& f, short events);

  // ---- fds ------------------------------------------------------------------------------
  FdEntry* fd(uint32_t n, uint64_t needed_rights = 0, Errno* error = nullptr);
  uint32_t add_fd(FdEntry e) { return fds.add(std::move(e)); }  // the lowest free number
  static Filetype filetype_of(int host_fd);

  // ---- paths ------------------------------------------------------------------------------
  // Opens `path` beneath directory `dir` (openat2 RESOLVE_BENEATH): no escape through "..",
  // absolute paths or symlinks, even ones changed during the call.
  int open_beneath(int dir, const std::string& path, int flags, mode_t mode, bool follow_final, Errno& error);
  // Resolves all but the last component of `path` beneath `dir`.
  std::optional<ParentDir> parent_of(int dir, const std::string& path, Errno& error);
};

}  // namespace petrel::wasi
