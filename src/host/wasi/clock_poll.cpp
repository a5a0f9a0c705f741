// clock_*, poll_oneoff (clocks and fd readiness, with a real wait), sched_yield.
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <time.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "host/wasi/calls.hpp"
#include "host/wasi/context.hpp"
#include "host/wasi/helpers.hpp"

namespace petrel::wasi::calls {
namespace {

bool host_clock(uint32_t id, clockid_t& out) {
  switch (id) {
    case kRealtime: out = CLOCK_REALTIME; return true;
    case kMonotonic: out = CLOCK_MONOTONIC; return true;
    case kProcessCputime: out = CLOCK_PROCESS_CPUTIME_ID; return true;
    case kThreadCputime: out = CLOCK_THREAD_CPUTIME_ID; return true;
    default: return false;
  }
}

uint64_t monotonic_now() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return timespec_ns(t);
}

// One subscription as poll_oneoff reads it.
struct Subscription {
  uint64_t userdata = 0;
  uint8_t tag = 0;
  uint64_t deadline_ns = 0;  // clocks: absolute monotonic deadline
  int host_fd = -1;
  Errno error = err::success;
};

}  // namespace

Result<Errno> clock_res_get(Context& c, const Args& a) {
  clockid_t id;
  if (!host_clock(a.u32(0), id)) return err::inval;
  struct timespec ts;
  if (clock_getres(id, &ts) != 0) return host_error();
  return c.store<uint64_t>(a.u32(1), timespec_ns(ts)) ? err::success : err::fault;
}

Result<Errno> clock_time_get(Context& c, const Args& a) {
  clockid_t id;
  if (!host_clock(a.u32(0), id)) return err::inval;
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return host_error();
  return c.store<uint64_t>(a.u32(2), timespec_ns(ts)) ? err::success : err::fault;
}

Result<Errno> sched_yield(Context&, const Args&) {
  ::sched_yield();
  return err::success;
}

Result<Errno> poll_oneoff(Context& c, const Args& a) {
  uint32_t in = a.u32(0), out = a.u32(1), n = a.u32(2), nevents_ptr = a.u32(3);
  if (n == 0) return err::inval;
  if (!c.in_bounds(in, uint64_t{n} * 48) || !c.in_bounds(out, uint64_t{n} * 32) || !c.in_bounds(nevents_ptr, 4))
    return err::fault;
  std::vector<Subscription> subs(n);
  std::vector<struct pollfd> pfds;
  std::vector<size_t> pfd_sub;
  uint64_t now = monotonic_now();
  uint64_t earliest = UINT64_MAX;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t p = in + uint64_t{i} * 48;
    Subscription& s = subs[i];
    c.load(p, s.userdata);
    c.load(p + 8, s.tag);
    if (s.tag == kEventClock) {
      uint32_t id = 0;
      uint64_t timeout = 0;
      uint16_t flags = 0;
      c.load(p + 16, id);
      c.load(p + 24, timeout);
      c.load(p + 40, flags);
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
      c.load(p + 16, fd);
      Errno e = err::success;
      // witx: poll_fd_readwrite, with fd_read (fd_write), is the right to subscribe to
      // fd_read (fd_write) events.
      FdEntry* f = c.fd(fd, s.tag == kEventFdRead ? a.needs.polled_read : a.needs.polled_write, &e);
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
    now = monotonic_now();
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
    now = monotonic_now();
    if (r > 0 || earliest <= now) break;
  }
  uint32_t nevents = 0;
  auto emit = [&](const Subscription& s, Errno e, uint64_t nbytes, uint16_t flags) {
    uint64_t p = out + uint64_t{nevents++} * 32;
    std::memset(c.at(p), 0, 32);
    c.store<uint64_t>(p, s.userdata);
    c.store<uint16_t>(p + 8, e);
    c.store<uint8_t>(p + 10, s.tag);
    c.store<uint64_t>(p + 16, nbytes);
    c.store<uint16_t>(p + 24, flags);
  };
  for (size_t k = 0; k < pfds.size(); ++k) {
    const auto& pf = pfds[k];
    if (!pf.revents) continue;
    const Subscription& s = subs[pfd_sub[k]];
    uint16_t flags = (pf.revents & POLLHUP) ? 1 : 0;  // fd_readwrite_hangup
    Errno e = (pf.revents & (POLLERR | POLLNVAL)) && !(pf.revents & (POLLIN | POLLOUT)) ? err::io : err::success;
    uint64_t nbytes = 0;
    if (s.tag == kEventFdRead) {
      int avail = 0;
      if (ioctl(s.host_fd, FIONREAD, &avail) == 0) nbytes = static_cast<uint64_t>(avail);
    }
    emit(s, e, nbytes, flags);
  }
  for (const Subscription& s : subs) {
    if (s.error != err::success) emit(s, s.error, 0, 0);
    else if (s.tag == kEventClock && s.deadline_ns <= now) emit(s, err::success, 0, 0);
  }
  c.store<uint32_t>(nevents_ptr, nevents);
  return err::success;
}

}  // namespace petrel::wasi::calls
