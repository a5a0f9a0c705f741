// An OCI bundle: its config.json (runtime spec 1.x), read into the parts this runtime uses.
// The whole document is kept too, for what is passed through untouched (seccomp, resources).
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"

namespace petrel::oci {

struct Rlimit {
  std::string type;  // RLIMIT_NOFILE, …
  uint64_t soft = 0, hard = 0;
};

struct Mount {
  std::string destination, type, source;
  std::vector<std::string> options;
  bool is_bind() const;
  bool readonly() const;
};

struct Namespace {
  std::string type;  // pid, network, mount, ipc, uts, user, cgroup
  std::string path;  // join this one instead of creating one
};

struct Capabilities {
  std::vector<std::string> bounding, effective, inheritable, permitted, ambient;
};

struct Process {
  std::vector<std::string> args, env;
  std::string cwd = "/";
  bool terminal = false;
  uint32_t uid = 0, gid = 0;
  std::vector<uint32_t> additional_gids;
  std::vector<Rlimit> rlimits;
  bool no_new_privileges = false;
  std::optional<Capabilities> capabilities;
  std::optional<int> oom_score_adj;
};

struct Bundle {
  std::string path;        // absolute bundle directory
  std::string root_path;   // absolute rootfs
  bool root_readonly = false;
  std::string hostname;
  Process process;
  std::vector<Mount> mounts;
  std::map<std::string, std::string> annotations;
  std::vector<Namespace> namespaces;
  std::string cgroups_path;
  nlohmann::json resources;  // linux.resources, or null
  nlohmann::json seccomp;    // linux.seccomp, or null
  nlohmann::json sysctl;     // linux.sysctl, or null

  bool has_namespace(const std::string& type) const;
};

// Reads BUNDLE/config.json. Errors name the file and what is wrong (with the byte offset of
// a JSON syntax error).
Result<Bundle> load_bundle(const std::string& bundle_dir);

}  // namespace petrel::oci
