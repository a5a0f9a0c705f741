// args_*, environ_*, proc_*, random_get.
#include <sys/random.h>

#include <cstring>
#include <string>
#include <vector>

#include "host/wasi/calls.hpp"
#include "host/wasi/context.hpp"
#include "host/wasi/helpers.hpp"

namespace petrel::wasi::calls {
namespace {

uint64_t total_size(const std::vector<std::string>& list) {
  uint64_t size = 0;
  for (const auto& s : list) size += s.size() + 1;
  return size;
}

// Writes `list` as NUL-terminated strings at `buf`, their addresses at `ptrs`.
Errno strings_get(Context& c, const std::vector<std::string>& list, uint32_t ptrs, uint32_t buf) {
  if (!c.in_bounds(ptrs, uint64_t{4} * list.size()) || !c.in_bounds(buf, total_size(list))) return err::fault;
  for (const auto& s : list) {
    c.store<uint32_t>(ptrs, buf);
    std::memcpy(c.at(buf), s.c_str(), s.size() + 1);
    ptrs += 4;
    buf += static_cast<uint32_t>(s.size() + 1);
  }
  return err::success;
}

Errno sizes_get(Context& c, const std::vector<std::string>& list, uint32_t count_ptr, uint32_t size_ptr) {
  if (!c.store<uint32_t>(count_ptr, static_cast<uint32_t>(list.size())) ||
      !c.store<uint32_t>(size_ptr, static_cast<uint32_t>(total_size(list))))
    return err::fault;
  return err::success;
}

}  // namespace

Result<Errno> args_get(Context& c, const Args& a) { return strings_get(c, c.options.args, a.u32(0), a.u32(1)); }
Result<Errno> args_sizes_get(Context& c, const Args& a) { return sizes_get(c, c.options.args, a.u32(0), a.u32(1)); }
Result<Errno> environ_get(Context& c, const Args& a) { return strings_get(c, c.options.env, a.u32(0), a.u32(1)); }
Result<Errno> environ_sizes_get(Context& c, const Args& a) { return sizes_get(c, c.options.env, a.u32(0), a.u32(1)); }

// Unwinds the guest with its status; there is no errno to return.
Result<Errno> proc_exit(Context&, const Args& a) {
  Error e{Error::Kind::Exit, "exit", {}};
  e.exit_code = static_cast<int32_t>(a.u32(0));
  return std::unexpected(e);
}

Result<Errno> proc_raise(Context&, const Args&) { return err::notsup; }

Result<Errno> random_get(Context& c, const Args& a) {
  uint32_t buf = a.u32(0), len = a.u32(1);
  if (!c.in_bounds(buf, len)) return err::fault;
  for (uint32_t done = 0; done < len;) {
    ssize_t n = getrandom(c.at(buf + done), len - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return host_error();
    }
    done += static_cast<uint32_t>(n);
  }
  return err::success;
}

}  // namespace petrel::wasi::calls
