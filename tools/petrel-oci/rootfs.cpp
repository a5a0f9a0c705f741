#include "rootfs.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <map>

namespace petrel::oci {
namespace {

struct MountOptions {
  unsigned long flags = 0;
  std::string data;
  bool readonly = false;
};

MountOptions parse_options(const std::vector<std::string>& options) {
  static const std::map<std::string, unsigned long> flags = {
      {"nosuid", MS_NOSUID}, {"nodev", MS_NODEV}, {"noexec", MS_NOEXEC}, {"sync", MS_SYNCHRONOUS},
      {"noatime", MS_NOATIME}, {"nodiratime", MS_NODIRATIME}, {"relatime", MS_RELATIME},
      {"strictatime", MS_STRICTATIME}, {"dirsync", MS_DIRSYNC}};
  static const std::map<std::string, bool> ignored = {{"rw", true}, {"bind", true}, {"rbind", true}, {"private", true},
                                                      {"rprivate", true}, {"slave", true}, {"rslave", true},
                                                      {"shared", true}, {"rshared", true}, {"suid", true},
                                                      {"dev", true}, {"exec", true}, {"tmpcopyup", true}};
  MountOptions m;
  for (const auto& o : options) {
    if (o == "ro") m.readonly = true;
    else if (auto it = flags.find(o); it != flags.end()) m.flags |= it->second;
    else if (!ignored.count(o)) m.data += (m.data.empty() ? "" : ",") + o;
  }
  return m;
}

// Makes TARGET (inside ROOT) as a directory or an empty file, refusing any path that leaves
// ROOT through a symlink.
Result<void> make_target(const std::string& root, const std::string& dest, bool directory) {
  std::string path = root;
  size_t start = 0;
  while (start < dest.size()) {
    size_t end = dest.find('/', start);
    if (end == std::string::npos) end = dest.size();
    std::string part = dest.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") return usage_error(fmt::format("mount destination {}: '..' is not allowed", dest));
    path += "/" + part;
    bool last = start > dest.size();
    struct stat st{};
    if (lstat(path.c_str(), &st) == 0) {
      if (S_ISLNK(st.st_mode)) return usage_error(fmt::format("mount destination {}: {} is a symlink", dest, path));
      continue;
    }
    if (!last || directory) {
      if (mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
        return io_error(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
    } else {
      int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd < 0) return io_error(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
      close(fd);
    }
  }
  return {};
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

Result<void> enter_rootfs(const Bundle& bundle, std::vector<std::string>& notes) {
  const std::string& root = bundle.root_path;
  // Nothing done here may propagate back to the host's mounts.
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
    return io_error(fmt::format("making / private: {}", errno_text()));
  if (mount(root.c_str(), root.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
    return io_error(fmt::format("bind-mounting the rootfs {}: {}", root, errno_text()));
  for (const Mount& m : bundle.mounts) {
    std::string target = root + (m.destination.starts_with('/') ? "" : "/") + m.destination;
    MountOptions opts = parse_options(m.options);
    if (m.is_bind()) {
      struct stat st{};
      if (stat(m.source.c_str(), &st) != 0)
        return io_error(fmt::format("mount {}: source {}: {}", m.destination, m.source, errno_text()));
      PETREL_CHECK(make_target(root, m.destination, S_ISDIR(st.st_mode)));
      if (mount(m.source.c_str(), target.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
        return io_error(fmt::format("mount {} on {}: {}", m.source, m.destination, errno_text()));
      if (opts.readonly || opts.flags)
        if (mount(nullptr, target.c_str(), nullptr, MS_BIND | MS_REMOUNT | opts.flags | (opts.readonly ? MS_RDONLY : 0), nullptr) != 0)
          return io_error(fmt::format("remounting {} with its options: {}", m.destination, errno_text()));
    } else if (m.type == "tmpfs") {
      PETREL_CHECK(make_target(root, m.destination, true));
      if (mount("tmpfs", target.c_str(), "tmpfs", opts.flags | (opts.readonly ? MS_RDONLY : 0), opts.data.c_str()) != 0)
        return io_error(fmt::format("mount tmpfs on {}: {}", m.destination, errno_text()));
    } else {
      notes.push_back(fmt::format("not mounting {} ({}): a wasm guest cannot use it", m.destination, m.type));
    }
  }
  // pivot_root with the old root stacked on the new one, then detached: no directory needed.
  if (chdir(root.c_str()) != 0) return io_error(fmt::format("chdir {}: {}", root, errno_text()));
  if (syscall(SYS_pivot_root, ".", ".") != 0) return io_error(fmt::format("pivot_root {}: {}", root, errno_text()));
  if (umount2(".", MNT_DETACH) != 0) return io_error(fmt::format("detaching the host's root: {}", errno_text()));
  if (chdir("/") != 0) return io_error(fmt::format("chdir /: {}", errno_text()));
  if (bundle.root_readonly && mount(nullptr, "/", nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
    return io_error(fmt::format("making the rootfs read-only: {}", errno_text()));
  return {};
}

}  // namespace petrel::oci
