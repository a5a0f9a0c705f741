// petrel-oci: an OCI runtime (the command line container engines call, as they call runc)
// that runs wasm containers in Petrel and hands every other container to runc or crun.
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstring>
#include <fstream>
#include <set>

#include "bundle.hpp"
#include "container.hpp"
#include "delegate.hpp"
#include "info.hpp"
#include "log.hpp"
#include "state.hpp"
#include "support/version.hpp"
#include "wasm_entry.hpp"

namespace {

using namespace petrel::oci;
using petrel::Error;
using petrel::Result;

constexpr const char* kDefaultRoot = "/run/petrel-oci";

Result<int> parse_signal(std::string s) {
  if (s.empty()) return SIGTERM;
  if (std::all_of(s.begin(), s.end(), ::isdigit)) {
    int n = std::stoi(s);
    if (n > 0 && n < NSIG) return n;
    return usage_error(fmt::format("invalid signal '{}'", s));
  }
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (s.starts_with("SIG")) s = s.substr(3);
  for (int n = 1; n < NSIG; ++n) {
    const char* abbrev = sigabbrev_np(n);
    if (abbrev && s == abbrev) return n;
  }
  return usage_error(fmt::format("invalid signal '{}'", s));
}

// The OCI state document (runtime spec, "State").
std::string state_json(const StateStore& store, const ContainerState& s) {
  std::string status = container_status(store, s);
  nlohmann::json j{{"ociVersion", "1.0.2"}, {"id", s.id},           {"status", status},
                   {"pid", status == "stopped" ? 0 : s.pid}, {"bundle", s.bundle}, {"rootfs", s.rootfs},
                   {"created", s.created}, {"owner", ""}};
  if (!s.annotations.empty()) j["annotations"] = s.annotations;
  return j.dump(2);
}

// The commands that take a container id as their first operand, other than ours.
bool names_our_container(const StateStore& store, int argc, char** argv, int command_index) {
  for (int i = command_index + 1; i < argc; ++i)
    if (argv[i][0] != '-' && store.exists(argv[i])) return true;
  return false;
}

int fail(const std::string& message) {
  report_error(message);
  return 1;
}
int fail(const Error& error) { return fail(error.message); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"petrel-oci: an OCI runtime that runs wasm containers in Petrel and delegates the rest to runc/crun"};
  app.set_version_flag("-v,--version", fmt::format("petrel-oci version {}\nspec: 1.0.2", PETREL_VERSION));
  app.require_subcommand(1);
  app.fallthrough();
  std::string root = kDefaultRoot, log_path, log_format = "text";
  bool systemd_cgroup = false, debug = false;
  std::string criu, rootless;
  app.add_option("--root", root, "Where container state is kept")->capture_default_str();
  app.add_option("--log", log_path, "Log file (default: none)");
  app.add_option("--log-format", log_format, "Log format: text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--systemd-cgroup", systemd_cgroup, "linux.cgroupsPath is systemd's slice:prefix:name");
  app.add_flag("--debug", debug, "Log debug messages");
  app.add_option("--criu", criu, "Ignored (checkpointing goes to the delegate runtime)");
  app.add_option("--rootless", rootless, "Ignored");
  app.footer(
      "Wasm containers (annotation module.wasm.image/variant=compat or compat-smart, run.oci.handler=wasm,\n"
      "or an entrypoint that is a wasm module) run in Petrel; every other container goes to runc (or crun,\n"
      "or $PETREL_OCI_DELEGATE) with these arguments unchanged.");

  CreateOptions create_opts;
  std::string bundle_dir = ".";
  bool no_pivot = false, no_new_keyring = false, detach = false, keep = false;
  auto add_create_options = [&](CLI::App* c) {
    c->add_option("-b,--bundle", bundle_dir, "The bundle directory (holding config.json)");
    c->add_option("--pid-file", create_opts.pid_file, "Write the container process's pid here");
    c->add_option("--console-socket", create_opts.console_socket, "Unix socket to send the terminal's master fd to");
    c->add_option("--preserve-fds", create_opts.preserve_fds, "Keep this many fds beyond stdio (3…) open (inherited; a wasm guest reaches only WASI preopens)");
    c->add_flag("--no-pivot", no_pivot, "Accepted for compatibility (pivot_root is always used with a mount namespace)");
    c->add_flag("--no-new-keyring", no_new_keyring, "Accepted for compatibility (wasm containers get no keyring)");
    c->add_option("id", create_opts.id, "Container id")->required();
  };
  auto* create = app.add_subcommand("create", "Create a container; its process waits for `start`");
  add_create_options(create);
  auto* run = app.add_subcommand("run", "Create and start a container, and wait for it (unless --detach)");
  add_create_options(run);
  run->add_flag("-d,--detach", detach, "Return once the container has started");
  run->add_flag("--keep", keep, "Keep the container's state after it exits");

  std::string id, signal_name;
  bool all = false, force = false;
  auto* start = app.add_subcommand("start", "Start a created container");
  start->add_option("id", id, "Container id")->required();
  auto* state = app.add_subcommand("state", "Print a container's state (JSON)");
  state->add_option("id", id, "Container id")->required();
  auto* kill_cmd = app.add_subcommand("kill", "Send a signal (default SIGTERM) to a container's process");
  kill_cmd->add_flag("-a,--all", all, "Signal every process in the container's cgroup");
  kill_cmd->add_option("id", id, "Container id")->required();
  kill_cmd->add_option("signal", signal_name, "Signal name or number");
  auto* del = app.add_subcommand("delete", "Delete a stopped container (with --force, any container)");
  del->add_flag("-f,--force", force, "Kill the container first if it is running");
  del->add_option("id", id, "Container id")->required();
  auto* features = app.add_subcommand("features", "Print the features this runtime supports (JSON)");
  auto* spec = app.add_subcommand("spec", "Write a starting config.json for a wasm bundle");
  spec->add_option("-b,--bundle", bundle_dir, "Where to write config.json");
  auto* list = app.add_subcommand("list", "List the wasm containers under --root");
  // Commands a wasm container does not support; for other containers they go to the delegate.
  std::set<std::string> delegated = {"exec", "ps", "pause", "resume", "events", "update", "checkpoint", "restore"};

  // Decide what is ours before parsing: a command we do not implement goes to the delegate
  // unless it names one of our containers.
  int command_index = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--root" || a == "--log" || a == "--log-format" || a == "--criu" || a == "--rootless") {
      if (a == "--root" && i + 1 < argc) root = argv[i + 1];
      ++i;
      continue;
    }
    if (a.starts_with("--root=")) root = a.substr(7);
    if (a.starts_with("-")) continue;
    command_index = i;
    break;
  }
  if (command_index > 0 && delegated.count(argv[command_index])) {
    StateStore store(root);
    if (!names_our_container(store, argc, argv, command_index)) return delegate(argc, argv);
    fmt::print(stderr, "petrel-oci: {} is not supported for wasm containers (a wasm container is one process)\n",
               argv[command_index]);
    return 1;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  configure_log(log_path, log_format == "json", debug);
  StateStore store(root);

  if (*features) {
    fmt::print("{}\n", features_document().dump(2));
    return 0;
  }
  if (*spec) {
    std::string path = bundle_dir + "/config.json";
    if (access(path.c_str(), F_OK) == 0) return fail(fmt::format("{} already exists", path));
    std::ofstream out(path);
    out << spec_template().dump(2) << "\n";
    if (!out) return fail(fmt::format("cannot write {}", path));
    return 0;
  }
  if (*list) {
    fmt::print("{:<24} {:<8} {:<9} {}\n", "ID", "PID", "STATUS", "BUNDLE");
    for (const auto& cid : store.ids())
      if (auto s = store.load(cid))
        fmt::print("{:<24} {:<8} {:<9} {}\n", s->id, s->pid, container_status(store, *s), s->bundle);
    return 0;
  }
  if (*create || *run) {
    auto bundle = load_bundle(bundle_dir);
    if (!bundle) return fail(bundle.error());
    auto entry = detect_wasm(*bundle);
    if (!entry) return fail(entry.error());
    if (!entry->is_wasm) {
      clamp_bundle_rlimits(bundle_dir);
      return delegate(argc, argv);
    }
    log(LogLevel::Debug, fmt::format("{}: wasm container ({})", create_opts.id, entry->why));
    create_opts.systemd_cgroup = systemd_cgroup;
    auto created = create_container(store, *bundle, *entry, create_opts);
    if (!created) return fail(created.error());
    if (*create) return 0;
    if (auto started = start_container(store, *created); !started) {
      (void)delete_container(store, *created, true);
      return fail(started.error());
    }
    if (detach) return 0;
    // Foreground: forward the usual stop signals, wait, report the status as a shell would.
    static pid_t child;
    child = created->pid;
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT}) signal(sig, [](int s) { ::kill(child, s); });
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (!keep) (void)delete_container(store, *created, true);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // The remaining commands name a container: ours, or the delegate's.
  if (!store.exists(id)) {
    if (*state || *start || *kill_cmd || *del) {
      if (!delegate_runtime().empty()) return delegate(argc, argv);
      return fail(fmt::format("container '{}' does not exist", id));
    }
  }
  auto s = store.load(id);
  if (!s) return fail(s.error());
  if (*state) {
    fmt::print("{}\n", state_json(store, *s));
    return 0;
  }
  if (*start) {
    if (auto r = start_container(store, *s); !r) return fail(r.error());
    return 0;
  }
  if (*kill_cmd) {
    auto sig = parse_signal(signal_name);
    if (!sig) return fail(sig.error());
    if (auto r = signal_container(store, *s, *sig, all); !r) return fail(r.error());
    return 0;
  }
  if (*del) {
    if (auto r = delete_container(store, *s, force); !r) return fail(r.error());
    return 0;
  }
  return 1;
}
