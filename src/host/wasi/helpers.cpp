#include "host/wasi/helpers.hpp"

#include <cstring>

#include "host/wasi/context.hpp"

namespace petrel::wasi {
namespace {

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

}  // namespace

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

}  // namespace petrel::wasi
