#include "wasm_entry.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>

namespace petrel::oci {
namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

// Opens PATH (absolute as the container sees it) under ROOT, treating ROOT as "/".
int open_in_root(int root_fd, const std::string& path) {
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  std::string rel = path;
  while (rel.starts_with('/')) rel.erase(0, 1);
  if (rel.empty()) rel = ".";
  return static_cast<int>(syscall(SYS_openat2, root_fd, rel.c_str(), &how, sizeof how));
}

std::string env_value(const std::vector<std::string>& env, const std::string& name) {
  for (const auto& e : env)
    if (e.size() > name.size() && e.compare(0, name.size(), name) == 0 && e[name.size()] == '=')
      return e.substr(name.size() + 1);
  return {};
}

std::string join(const std::string& dir, const std::string& name) {
  return dir.ends_with('/') ? dir + name : dir + "/" + name;
}

}  // namespace

Result<WasmEntry> detect_wasm(const Bundle& bundle) {
  WasmEntry entry;
  std::string variant;
  if (auto it = bundle.annotations.find("module.wasm.image/variant"); it != bundle.annotations.end()) variant = it->second;
  bool handler = false;
  if (auto it = bundle.annotations.find("run.oci.handler"); it != bundle.annotations.end()) handler = it->second == "wasm";
  bool annotated = variant == "compat" || handler;

  Fd root{open(bundle.root_path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)};
  if (root.fd < 0) return io_error(fmt::format("root.path {}: {}", bundle.root_path, std::strerror(errno)));

  // Resolve args[0] the way execvp would inside the container: a name without '/' is looked
  // up in the container's PATH, a relative path is taken from process.cwd.
  const std::string& arg0 = bundle.process.args.front();
  std::vector<std::string> candidates;
  if (arg0.find('/') == std::string::npos) {
    std::string path = env_value(bundle.process.env, "PATH");
    if (path.empty()) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (size_t start = 0; start <= path.size();) {
      size_t end = path.find(':', start);
      if (end == std::string::npos) end = path.size();
      if (end > start) candidates.push_back(join(path.substr(start, end - start), arg0));
      start = end + 1;
    }
    candidates.push_back(join(bundle.process.cwd, arg0));
  } else {
    candidates.push_back(arg0.starts_with('/') ? arg0 : join(bundle.process.cwd, arg0));
  }
  for (const auto& c : candidates) {
    Fd f{open_in_root(root.fd, c)};
    if (f.fd < 0) continue;
    struct stat st{};
    if (fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) continue;
    unsigned char magic[4] = {};
    bool wasm = pread(f.fd, magic, 4, 0) == 4 && std::memcmp(magic, "\0asm", 4) == 0;
    entry.guest_path = c;
    entry.is_wasm = wasm;
    if (wasm) entry.why = annotated ? fmt::format("annotation {}", handler ? "run.oci.handler=wasm" : "module.wasm.image/variant=" + variant)
                                    : fmt::format("{} starts with the wasm magic bytes", c);
    break;
  }
  if (annotated && !entry.is_wasm) {
    if (entry.guest_path.empty())
      return usage_error(fmt::format("the bundle is annotated as wasm but its entrypoint {} is not in the rootfs {}", arg0,
                                         bundle.root_path));
    return usage_error(fmt::format("the bundle is annotated as wasm but its entrypoint {} is not a wasm module", entry.guest_path));
  }
  // compat-smart means "wasm exactly when the entrypoint is", which the magic bytes decide.
  return entry;
}

Result<std::vector<uint8_t>> read_in_root(const std::string& root, const std::string& guest_path) {
  Fd root_fd{open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)};
  if (root_fd.fd < 0) return io_error(fmt::format("{}: {}", root, std::strerror(errno)));
  Fd f{open_in_root(root_fd.fd, guest_path)};
  if (f.fd < 0) return io_error(fmt::format("{} (in {}): {}", guest_path, root, std::strerror(errno)));
  struct stat st{};
  if (fstat(f.fd, &st) != 0) return io_error(fmt::format("{}: {}", guest_path, std::strerror(errno)));
  std::vector<uint8_t> bytes(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = pread(f.fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return io_error(fmt::format("{}: read failed: {}", guest_path, n < 0 ? std::strerror(errno) : "short file"));
    done += static_cast<size_t>(n);
  }
  return bytes;
}

}  // namespace petrel::oci
