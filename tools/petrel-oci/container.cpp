#include "container.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "cgroups.hpp"
#include "container_init.hpp"
#include "log.hpp"

namespace petrel::oci {
namespace {

// The node's trust in images' compiled code: trusted-keys/*.pub (and machine.key) there.
std::string node_trust_dir() {
  const char* dir = std::getenv("PETREL_OCI_TRUST_DIR");
  return dir && *dir ? dir : "/etc/petrel";
}

std::string errno_text() { return std::strerror(errno); }

Result<int> clone_flags(const Bundle& bundle) {
  int flags = 0;
  for (const Namespace& ns : bundle.namespaces) {
    if (ns.type == "user") return usage_error("user namespaces are not supported for wasm containers (run the engine as root)");
    if (!ns.path.empty() || ns.type == "cgroup") continue;  // joined, or unshared after cgroup placement
    if (ns.type == "pid") flags |= CLONE_NEWPID;
    else if (ns.type == "network") flags |= CLONE_NEWNET;
    else if (ns.type == "mount") flags |= CLONE_NEWNS;
    else if (ns.type == "ipc") flags |= CLONE_NEWIPC;
    else if (ns.type == "uts") flags |= CLONE_NEWUTS;
    else if (ns.type != "time") return usage_error(fmt::format("linux.namespaces: unknown type '{}'", ns.type));
  }
  return flags;
}

Result<void> write_pid_file(const std::string& path, int pid) {
  std::string tmp = path + ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  std::string text = std::to_string(pid);
  if (fd < 0 || write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    if (fd >= 0) close(fd);
    return io_error(fmt::format("--pid-file {}: {}", path, errno_text()));
  }
  close(fd);
  if (rename(tmp.c_str(), path.c_str()) != 0) return io_error(fmt::format("--pid-file {}: {}", path, errno_text()));
  return {};
}

// Forks the container process into new namespaces — and, when the kernel has clone3, straight
// into its v2 cgroup (CLONE_INTO_CGROUP), which spares the migration lock. Returns 0 in the
// child, like fork.
long spawn_container_process(int flags, const std::string& v2_dir, bool& born_in_cgroup) {
  born_in_cgroup = v2_dir.empty();
  if (!v2_dir.empty()) {
    int dir = open(v2_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      clone_args args{};
      args.flags = static_cast<uint64_t>(flags) | CLONE_INTO_CGROUP;
      args.exit_signal = SIGCHLD;
      args.cgroup = static_cast<uint64_t>(dir);
      long pid = syscall(SYS_clone3, &args, sizeof args);
      int e = errno;
      if (pid != 0) close(dir);  // (the child never returns to use it)
      if (pid >= 0) {
        born_in_cgroup = true;
        return pid;
      }
      errno = e;
      if (e != ENOSYS && e != E2BIG && e != EINVAL && e != EOPNOTSUPP && e != EBUSY) return -1;
    }
  }
  return syscall(SYS_clone, flags | SIGCHLD, nullptr, nullptr, nullptr, nullptr);
}

bool wait_gone(const ContainerState& s, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (process_alive(s.pid, s.pid_start_time)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace

Result<ContainerState> create_container(const StateStore& store, const Bundle& bundle,
                                                            const WasmEntry& entry, const CreateOptions& options) {
  PETREL_TRY(flags, clone_flags(bundle));
  PETREL_CHECK(store.claim(options.id));
  auto fail = [&](std::unexpected<Error> failure, std::vector<std::string> cgroups = {}) -> Result<ContainerState> {
    remove_cgroups(cgroups);
    store.remove(options.id);
    return failure;
  };
  if (mkfifo(store.fifo(options.id).c_str(), 0600) != 0) return fail(io_error(fmt::format("mkfifo {}: {}", store.fifo(options.id), errno_text())));
  // A pid namespace to join must be entered before the fork: it applies to children only.
  for (const Namespace& ns : bundle.namespaces) {
    if (ns.type != "pid" || ns.path.empty()) continue;
    int fd = open(ns.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || setns(fd, CLONE_NEWPID) != 0) return fail(io_error(fmt::format("joining pid namespace {}: {}", ns.path, errno_text())));
    close(fd);
  }
  std::string relative = cgroup_relative_path(bundle.cgroups_path, options.systemd_cgroup, options.id);
  auto cgroups = prepare_cgroups(relative, bundle.resources, Hierarchies::V2);
  if (!cgroups) return fail(std::unexpected(std::move(cgroups.error())));
  int sync[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sync) != 0)
    return fail(io_error(fmt::format("socketpair: {}", errno_text())), cgroups->made);

  InitPlan plan{&bundle, entry.guest_path, store.fifo(options.id), options.console_socket, sync[1], node_trust_dir()};
  bool born_in_cgroup = false;
  long pid = spawn_container_process(flags, cgroups->v2_dir, born_in_cgroup);
  if (pid < 0) {
    close(sync[0]);
    close(sync[1]);
    return fail(io_error(fmt::format("creating the container process: {}", errno_text())), cgroups->made);
  }
  if (pid == 0) {
    close(sync[0]);
    container_init(plan);  // never returns
  }
  close(sync[1]);
  log(LogLevel::Debug, fmt::format("{}: container process {} cloned", options.id, pid));
  auto abandon = [&](std::unexpected<Error> failure, std::vector<std::string> cgroups = {}) {
    kill(static_cast<pid_t>(pid), SIGKILL);
    waitpid(static_cast<pid_t>(pid), nullptr, 0);
    close(sync[0]);
    return fail(std::move(failure), std::move(cgroups));
  };

  std::vector<std::string> warnings;
  if (!born_in_cgroup)
    if (auto moved = move_to_cgroup_v2(*cgroups, static_cast<int>(pid), warnings); !moved)
      return abandon(std::unexpected(std::move(moved.error())), cgroups->made);
  // The v1 cgroups are made while the process loads its module; it joins them itself.
  auto v1 = prepare_cgroups(relative, bundle.resources, Hierarchies::V1);
  if (!v1) return abandon(std::unexpected(std::move(v1.error())), cgroups->made);
  cgroups->made.insert(cgroups->made.end(), v1->made.begin(), v1->made.end());
  for (const auto& w : warnings) log(LogLevel::Warning, w);
  // The process may have failed its setup meanwhile: then its message is waiting below.
  std::string go = "g" + encode_v1(*v1);
  send(sync[0], go.data(), go.size(), MSG_NOSIGNAL);
  // The process reports notes, then "ok" or "error:WHY".
  for (;;) {
    char buf[4096];
    ssize_t n = recv(sync[0], buf, sizeof buf, 0);
    if (n <= 0) return abandon(io_error("the container process exited during setup"), cgroups->made);
    std::string msg(buf, static_cast<size_t>(n));
    if (msg == "ok") break;
    if (msg.starts_with("note:")) log(LogLevel::Info, msg.substr(5));
    else return abandon(io_error(msg.starts_with("error:") ? msg.substr(6) : msg), cgroups->made);
  }
  close(sync[0]);
  log(LogLevel::Debug, fmt::format("{}: the container process is ready", options.id));

  ContainerState state;
  state.id = options.id;
  state.bundle = bundle.path;
  state.rootfs = bundle.root_path;
  state.created = now_rfc3339();
  state.pid = static_cast<int>(pid);
  state.pid_start_time = process_start_time(state.pid);
  state.annotations = bundle.annotations;
  state.cgroup_dirs = cgroups->made;
  state.module = entry.guest_path;
  if (auto saved = store.save(state); !saved) return abandon(std::unexpected(std::move(saved.error())), cgroups->made);
  if (!options.pid_file.empty())
    if (auto written = write_pid_file(options.pid_file, state.pid); !written)
      return abandon(std::unexpected(std::move(written.error())), cgroups->made);
  log(LogLevel::Info, fmt::format("created wasm container {} (pid {}, module {})", state.id, state.pid, entry.guest_path));
  return state;
}

Result<void> start_container(const StateStore& store, const ContainerState& state) {
  std::string status = container_status(store, state);
  if (status != "created") return usage_error(fmt::format("cannot start container {}: it is {}, not created", state.id, status));
  int fd = open(store.fifo(state.id).c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENXIO) return io_error(fmt::format("cannot start container {}: its process has exited", state.id));
    return io_error(fmt::format("cannot start container {}: {}", state.id, errno_text()));
  }
  ssize_t n = write(fd, "s", 1);
  int e = errno;
  close(fd);
  if (n != 1) return io_error(fmt::format("cannot start container {}: {}", state.id, std::strerror(e)));
  unlink(store.fifo(state.id).c_str());
  log(LogLevel::Info, fmt::format("started wasm container {}", state.id));
  return {};
}

Result<void> signal_container(const StateStore& store, const ContainerState& state, int signal, bool all) {
  std::string status = container_status(store, state);
  if (status == "stopped" || status == "creating")
    return usage_error(fmt::format("container {} is not running ({})", state.id, status));
  if (kill(state.pid, signal) != 0) return io_error(fmt::format("kill {}: {}", state.pid, errno_text()));
  if (all)
    for (int pid : cgroup_pids(state.cgroup_dirs))
      if (pid != state.pid) kill(pid, signal);
  return {};
}

Result<void> delete_container(const StateStore& store, const ContainerState& state, bool force) {
  std::string status = container_status(store, state);
  if (status == "running" && !force)
    return usage_error(fmt::format("cannot delete container {}: it is running (stop it first, or use --force)", state.id));
  if (status != "stopped" && state.pid > 0) {
    // A created container has not run yet: deleting it ends it, as runc does.
    kill(state.pid, SIGKILL);
    if (!wait_gone(state, std::chrono::seconds(5)))
      return io_error(fmt::format("container {}: process {} did not exit after SIGKILL", state.id, state.pid));
  }
  remove_cgroups(state.cgroup_dirs);
  store.remove(state.id);
  log(LogLevel::Info, fmt::format("deleted wasm container {}", state.id));
  return {};
}

}  // namespace petrel::oci
