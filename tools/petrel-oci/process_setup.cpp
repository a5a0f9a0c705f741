#include "process_setup.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace petrel::oci {
namespace {

const std::map<std::string, int>& rlimit_names() {
  static const std::map<std::string, int> names = {
      {"RLIMIT_AS", RLIMIT_AS},         {"RLIMIT_CORE", RLIMIT_CORE},       {"RLIMIT_CPU", RLIMIT_CPU},
      {"RLIMIT_DATA", RLIMIT_DATA},     {"RLIMIT_FSIZE", RLIMIT_FSIZE},     {"RLIMIT_LOCKS", RLIMIT_LOCKS},
      {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE}, {"RLIMIT_NICE", RLIMIT_NICE},
      {"RLIMIT_NOFILE", RLIMIT_NOFILE}, {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_RSS", RLIMIT_RSS},
      {"RLIMIT_RTPRIO", RLIMIT_RTPRIO}, {"RLIMIT_RTTIME", RLIMIT_RTTIME},   {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
      {"RLIMIT_STACK", RLIMIT_STACK}};
  return names;
}

// Capability names as the runtime spec writes them (CAP_…), by number.
const char* const kCapNames[] = {
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
    "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
    "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
    "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"};
constexpr int kCapCount = sizeof kCapNames / sizeof kCapNames[0];

uint64_t cap_mask(const std::vector<std::string>& names, std::vector<std::string>& unknown) {
  uint64_t mask = 0;
  for (const auto& n : names) {
    bool found = false;
    for (int i = 0; i < kCapCount; ++i)
      if (n == kCapNames[i]) {
        mask |= uint64_t{1} << i;
        found = true;
      }
    if (!found) unknown.push_back(n);
  }
  return mask;
}

int last_cap() {
  int fd = open("/proc/sys/kernel/cap_last_cap", O_RDONLY | O_CLOEXEC);
  char buf[16] = {};
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
  if (fd >= 0) close(fd);
  return n > 0 ? std::atoi(buf) : kCapCount - 1;
}

}  // namespace

Result<Rlimit> set_rlimit_clamped(const Rlimit& l) {
  auto it = rlimit_names().find(l.type);
  if (it == rlimit_names().end()) return usage_error(fmt::format("process.rlimits: unknown type {}", l.type));
  rlimit want{l.soft, l.hard};
  if (setrlimit(it->second, &want) == 0) return l;
  if (errno != EPERM) return io_error(fmt::format("process.rlimits: {}: {}", l.type, std::strerror(errno)));
  rlimit host{};
  getrlimit(it->second, &host);
  rlimit clamped{std::min<rlim_t>(l.soft, host.rlim_max), std::min<rlim_t>(l.hard, host.rlim_max)};
  if (setrlimit(it->second, &clamped) != 0)
    return io_error(fmt::format("process.rlimits: {}: {}", l.type, std::strerror(errno)));
  return Rlimit{l.type, clamped.rlim_cur, clamped.rlim_max};
}

Result<void> apply_rlimits(const std::vector<Rlimit>& limits, std::vector<std::string>& notes) {
  for (const auto& l : limits) {
    PETREL_TRY(set, set_rlimit_clamped(l));
    if (set.soft != l.soft || set.hard != l.hard)
      notes.push_back(fmt::format("{} {}/{} is above the host's hard limit; clamped to {}/{}", l.type, l.soft, l.hard,
                                  set.soft, set.hard));
  }
  return {};
}

Result<void> apply_user(const Process& p) {
  if (prctl(PR_SET_KEEPCAPS, 1) != 0) return io_error(fmt::format("PR_SET_KEEPCAPS: {}", std::strerror(errno)));
  std::vector<gid_t> groups(p.additional_gids.begin(), p.additional_gids.end());
  if (setgroups(groups.size(), groups.data()) != 0)
    return io_error(fmt::format("process.user.additionalGids: {}", std::strerror(errno)));
  if (setresgid(p.gid, p.gid, p.gid) != 0) return io_error(fmt::format("process.user.gid {}: {}", p.gid, std::strerror(errno)));
  if (setresuid(p.uid, p.uid, p.uid) != 0) return io_error(fmt::format("process.user.uid {}: {}", p.uid, std::strerror(errno)));
  return {};
}

Result<void> apply_capabilities(const std::optional<Capabilities>& caps) {
  std::vector<std::string> unknown;
  Capabilities none;
  const Capabilities& c = caps ? *caps : none;
  uint64_t bounding = cap_mask(c.bounding, unknown), effective = cap_mask(c.effective, unknown),
           permitted = cap_mask(c.permitted, unknown), inheritable = cap_mask(c.inheritable, unknown),
           ambient = cap_mask(c.ambient, unknown);
  // Names newer than this table are ignored, as they would be on an older kernel.
  int last = last_cap();
  for (int i = 0; i <= last && i < 64; ++i)
    if (!(bounding >> i & 1) && prctl(PR_CAPBSET_DROP, i, 0, 0, 0) != 0 && errno != EINVAL)
      return io_error(fmt::format("dropping capability {} from the bounding set: {}", i < kCapCount ? kCapNames[i] : "?",
                                         std::strerror(errno)));
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  for (int w = 0; w < 2; ++w) {
    data[w].effective = static_cast<uint32_t>(effective >> (32 * w));
    data[w].permitted = static_cast<uint32_t>(permitted >> (32 * w));
    data[w].inheritable = static_cast<uint32_t>(inheritable >> (32 * w));
  }
  if (syscall(SYS_capset, &header, data) != 0) return io_error(fmt::format("capset: {}", std::strerror(errno)));
  prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  for (int i = 0; i < kCapCount; ++i)
    if (ambient >> i & 1) prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, i, 0, 0);
  return {};
}

Result<void> apply_no_new_privileges() {
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return io_error(fmt::format("no_new_privs: {}", std::strerror(errno)));
  return {};
}

void apply_oom_score_adj(int value, std::vector<std::string>& notes) {
  int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  std::string s = std::to_string(value);
  if (fd < 0 || write(fd, s.data(), s.size()) < 0) notes.push_back(fmt::format("cannot set oom_score_adj {}: {}", value, std::strerror(errno)));
  if (fd >= 0) close(fd);
}

}  // namespace petrel::oci
