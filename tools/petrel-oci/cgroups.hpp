// Cgroup placement for wasm containers, with no systemd or cgroup library: cgroup v2, v1 and
// the hybrid layout (v1 controllers plus an empty v2 "unified" hierarchy) are all handled by
// writing the cgroup filesystem directly. --systemd-cgroup paths ("slice:prefix:name") are
// mapped to the directory systemd would use (SLICE/…/PREFIX-NAME.scope).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "errors.hpp"

namespace petrel::oci {

// The cgroup (relative to each hierarchy's root) for a container.
std::string cgroup_relative_path(const std::string& cgroups_path, bool systemd, const std::string& id);

// Where a new container process goes. Moving a process between cgroups the usual way
// (writing its pid to cgroup.procs) takes the kernel's global threadgroup lock, whose first
// writer waits for an RCU grace period — 7 to 17 ms on this machine kind, the longest step of
// a container start. Both ways used here avoid it: on cgroup v2 the process is born in its
// cgroup (clone3 with CLONE_INTO_CGROUP); on v1 the process, still single-threaded, moves
// itself by writing "0" to each hierarchy's `tasks` file, which migrates the calling thread
// alone and needs no such lock.
struct CgroupPlacement {
  std::vector<std::string> made;     // directories created, for remove_cgroups
  std::vector<std::string> v1_dirs;  // for join_cgroups_v1, in the new process
  std::vector<bool> v1_optional;     // joining is best-effort (the named systemd hierarchy)
  std::string v2_dir;                // for CLONE_INTO_CGROUP (also the hybrid layout's "unified")
  bool v2_optional = false;          // the hybrid layout's v2 hierarchy carries no controllers
};

enum class Hierarchies { V2, V1 };

// Makes the cgroup in the v2 hierarchy, or in every v1 hierarchy, and applies
// linux.resources there (memory, pids, cpu; devices on v1); nothing is moved yet. (The v1
// part can then be made while the new process loads its module.)
Result<CgroupPlacement> prepare_cgroups(const std::string& relative, const nlohmann::json& resources,
                                                            Hierarchies which);

// The v1 directories as one message for the new process, and back.
std::string encode_v1(const CgroupPlacement& placement);
CgroupPlacement decode_v1(const std::string& message);

// In the new process, while it has one thread: moves it into the v1 cgroups. Failing to join
// an optional one adds a note instead of failing.
Result<void> join_cgroups_v1(const CgroupPlacement& placement, std::vector<std::string>& notes);

// The slow way, for a process not born in its v2 cgroup (no clone3): writes PID to cgroup.procs.
Result<void> move_to_cgroup_v2(const CgroupPlacement& placement, int pid,
                                                   std::vector<std::string>& notes);

// Processes in the container's cgroups.
std::vector<int> cgroup_pids(const std::vector<std::string>& dirs);

// Removes the directories (deepest first); a cgroup still holding processes stays.
void remove_cgroups(const std::vector<std::string>& dirs);

}  // namespace petrel::oci
