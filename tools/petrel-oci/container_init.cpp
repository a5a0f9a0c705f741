#include "container_init.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "console.hpp"
#include "host/wasi/command.hpp"
#include "interp/interpreter.hpp"
#include "native/native_code.hpp"
#include "process_setup.hpp"
#include "rootfs.hpp"
#include "seccomp_filter.hpp"
#include "wasm_entry.hpp"

namespace petrel::oci {
namespace {

constexpr int kExitTrap = 134;  // as `petrel run`: 128 + SIGABRT

// As PID 1 of its namespace the process would ignore SIGTERM: end with the status a shell
// reports for a signal, so that `podman stop` is quick and `podman ps` shows 143.
void on_stop_signal(int sig) { _exit(128 + sig); }

bool is_directory(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void send_line(int fd, const std::string& msg) { send(fd, msg.data(), msg.size(), MSG_NOSIGNAL); }

[[noreturn]] void fail(const InitPlan& plan, const std::string& why) {
  send_line(plan.sync_fd, "error:" + why);
  _exit(1);
}

template <typename T>
T check(const InitPlan& plan, Result<T> r) {
  if (!r) fail(plan, r.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

void join_namespaces(const InitPlan& plan) {
  static const std::pair<const char*, int> kinds[] = {{"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS}, {"network", CLONE_NEWNET},
                                                      {"mount", CLONE_NEWNS}};
  for (const auto& [name, flag] : kinds) {
    for (const Namespace& ns : plan.bundle->namespaces) {
      if (ns.type != name || ns.path.empty()) continue;
      int fd = open(ns.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0 || setns(fd, flag) != 0) fail(plan, fmt::format("joining {} namespace {}: {}", name, ns.path, std::strerror(errno)));
      close(fd);
    }
  }
}

// Maps trusted compiled code once the process is confined, naming its memfd relative to the
// kept /proc/self/fd (the working directory is restored afterwards).
void load_confined(const std::shared_ptr<const LoadedModule>& module, const native::CheckedCode& code, int proc_fds,
                   native::LoadReport& report) {
  int cwd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (proc_fds < 0 || cwd < 0 || fchdir(proc_fds) != 0) {
    report.why_not = fmt::format("cannot reach /proc/self/fd to map it: {}", std::strerror(errno));
  } else {
    native::load_native(module, code, report, ".");
    if (fchdir(cwd) != 0) report.why_not += fmt::format(" (working directory lost: {})", std::strerror(errno));
  }
  if (cwd >= 0) close(cwd);
  if (proc_fds >= 0) close(proc_fds);
}

}  // namespace

void container_init(const InitPlan& plan) {
  const Bundle& b = *plan.bundle;
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // the runtime died during setup: so do we
  std::vector<std::string> notes;
  join_namespaces(plan);
  if (!b.hostname.empty() && b.has_namespace("uts") && sethostname(b.hostname.data(), b.hostname.size()) != 0)
    fail(plan, fmt::format("hostname: {}", std::strerror(errno)));

  // Everything that needs the host's file system happens before pivot_root: reading and
  // validating the module, deciding whether its compiled code is trusted (by the node's keys),
  // opening the fifo. The code itself is mapped only once this process is confined: loading
  // it runs its initialisers.
  auto bytes = check(plan, read_in_root(b.root_path, plan.module_path));
  auto module = native::load_module(bytes, {.use_native = false});
  if (!module) fail(plan, fmt::format("{}: {}", plan.module_path, module.error().describe()));
  native::LoadReport report;
  native::LoadOptions native_options{.trust = native::TrustPolicy::read_now(plan.trust_dir, notes)};
  auto trusted_code = native::check_native(bytes, native_options, report);
  // The loader maps code from a memfd through /proc/self/fd, which the container lacks: keep
  // this process's fd folder of the host's /proc open until then.
  int proc_fds = trusted_code ? open("/proc/self/fd", O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
  int fifo = open(plan.fifo_path.c_str(), O_RDWR | O_CLOEXEC);
  if (fifo < 0) fail(plan, fmt::format("{}: {}", plan.fifo_path, std::strerror(errno)));

  wasi::Options w;
  w.args = b.process.args;
  w.env = b.process.env;
  w.allow_net = true;  // the network namespace is the boundary
  // The terminal comes from the host's /dev/ptmx and goes out through a host socket: before
  // pivot_root (a wasm container's rootfs has no /dev) and before the devices cgroup applies.
  if (b.process.terminal) check(plan, setup_console(plan.console_socket));
  // Meanwhile the runtime has made the v1 cgroups (the v2 one, if any, this process was born
  // in): join them now, while single-threaded and before pivot_root hides /sys/fs/cgroup.
  // What was allocated so far (the module) is bounded by the image, not by the guest.
  {
    char msg[16384];
    ssize_t n = recv(plan.sync_fd, msg, sizeof msg, 0);
    if (n < 1 || msg[0] != 'g') _exit(1);
    check(plan, join_cgroups_v1(decode_v1(std::string(msg + 1, static_cast<size_t>(n - 1))), notes));
  }
  if (b.has_namespace("cgroup") && unshare(CLONE_NEWCGROUP) != 0)
    fail(plan, fmt::format("cgroup namespace: {}", std::strerror(errno)));
  bool own_mounts = b.has_namespace("mount");
  // Directories bound into the rootfs are preopened at their destination too (with a mount
  // namespace they are also reachable through "/"); bound files are seen through "/" alone.
  // Sources are host paths: look at them before pivot_root.
  std::vector<const Mount*> bound_dirs;
  for (const Mount& m : b.mounts) {
    if (!m.is_bind()) continue;
    if (is_directory(m.source)) {
      // procfs, sysfs and their kin are never a guest's (Wasi::create refuses to preopen
      // them): the container runs without them.
      if (auto type = wasi::special_fs_at(m.source))
        notes.push_back(fmt::format("{}: a {} file system, which a wasm guest may not reach; not shown", m.destination, *type));
      else
        bound_dirs.push_back(&m);
    } else if (!own_mounts) notes.push_back(fmt::format("{}: a file bind mount needs a mount namespace; not shown", m.destination));
  }
  if (own_mounts) check(plan, enter_rootfs(b, notes));
  // Every preopen is a directory this runtime mounted (or was given) for the container: a
  // procfs or sysfs that the bundle binds below one must not stop the container, and its
  // guest cannot open one all the same (the WASI layer refuses them at every open).
  w.preopens.push_back({"/", own_mounts ? "/" : b.root_path, b.root_readonly, true});
  for (const Mount* m : bound_dirs)
    w.preopens.push_back({m->destination, own_mounts ? m->destination : m->source, m->readonly(), true});
  // process.cwd: a "." preopen there is where wasi-libc resolves the guest's relative paths.
  if (b.process.cwd != "/") {
    std::string cwd = own_mounts ? b.process.cwd : b.root_path + b.process.cwd;
    w.preopens.push_back({".", cwd, b.root_readonly, true});
    if (chdir(cwd.c_str()) != 0) notes.push_back(fmt::format("process.cwd {}: {}", b.process.cwd, std::strerror(errno)));
  }

  check(plan, apply_rlimits(b.process.rlimits, notes));
  if (b.process.oom_score_adj) apply_oom_score_adj(*b.process.oom_score_adj, notes);
  check(plan, apply_user(b.process));
  // Loading a filter needs CAP_SYS_ADMIN or no_new_privs: without the latter, load it while
  // the capabilities are still there.
  if (b.process.no_new_privileges) {
    check(plan, apply_no_new_privileges());
    check(plan, apply_capabilities(b.process.capabilities));
    check(plan, apply_seccomp(b.seccomp));
  } else {
    check(plan, apply_seccomp(b.seccomp));
    check(plan, apply_capabilities(b.process.capabilities));
  }
  for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT}) signal(sig, on_stop_signal);
  signal(SIGPIPE, SIG_IGN);
  if (trusted_code) load_confined(*module, *trusted_code, proc_fds, report);
  if (report.had_section && !report.native)
    notes.push_back(fmt::format("{}: not using its compiled code: {}; interpreting", plan.module_path, report.why_not));

  for (const auto& n : notes) send_line(plan.sync_fd, "note:" + n);
  prctl(PR_SET_PDEATHSIG, 0);
  send_line(plan.sync_fd, "ok");
  close(plan.sync_fd);

  char started = 0;
  ssize_t n;
  while ((n = read(fifo, &started, 1)) < 0 && errno == EINTR) {}
  if (n != 1) _exit(1);
  close(fifo);

  Store store(std::make_unique<interp::Interpreter>());
  auto status = wasi::run_command(store, *module, std::move(w));
  if (status) _exit(*status);
  const Error& e = status.error();
  if (e.kind == Error::Kind::Trap) {
    if (e.where.empty()) fmt::print(stderr, "petrel: trap in {}: {}\n", plan.module_path, e.message);
    else fmt::print(stderr, "petrel: trap in {}: {} ({})\n", plan.module_path, e.message, e.where);
    fflush(stderr);
    _exit(kExitTrap);
  }
  fmt::print(stderr, "petrel: {}: {}\n", plan.module_path, e.describe());
  fflush(stderr);
  _exit(1);
}

}  // namespace petrel::oci
