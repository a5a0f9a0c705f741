// What the host calls of several families share.
#pragma once
#include <sys/stat.h>
#include <time.h>

#include <cerrno>
#include <cstdint>
#include <string>

#include "host/wasi/abi.hpp"

namespace petrel::wasi {

class Context;

// The WASI errno for the host's errno of the call that just failed.
inline Errno host_error() { return from_host_errno(errno); }

inline uint64_t timespec_ns(const struct timespec& t) {
  return static_cast<uint64_t>(t.tv_sec) * 1000000000ull + static_cast<uint64_t>(t.tv_nsec);
}

// Writes a witx `filestat` (64 bytes) to guest memory at `ptr`; EFAULT when out of bounds.
Errno write_filestat(Context& c, uint64_t ptr, const struct stat& st);

// Converts WASI times and fstflags to a utimensat() pair; false when the flags conflict.
bool make_times(uint64_t atim, uint64_t mtim, uint16_t fst, struct timespec ts[2]);

// The path through which the host reaches what an O_PATH fd refers to.
inline std::string proc_fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

}  // namespace petrel::wasi
