// Cgroup placement for wasm containers, with no systemd or cgroup library: cgroup v2, v1 and
// the hybrid layout (v1 controllers plus an empty v2 "unified" hierarchy) are all handled by
// writing the cgroup filesystem directly. --systemd-cgroup paths ("slice:prefix:name") are
// mapped to the directory systemd would use (SLICE/…/PREFIX-NAME.scope).
#pragma once
#include <expected>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace petrel::oci {

// The cgroup (relative to each hierarchy's root) for a container.
std::string cgroup_relative_path(const std::string& cgroups_path, bool systemd, const std::string& id);

// Makes the cgroup in every hierarchy, applies linux.resources (memory, pids, cpu, devices
// on v1) and moves PID into it. Returns the directories made, for remove_cgroups.
std::expected<std::vector<std::string>, std::string> enter_cgroups(int pid, const std::string& relative,
                                                                   const nlohmann::json& resources,
                                                                   std::vector<std::string>* warnings);

// Processes in the container's cgroups.
std::vector<int> cgroup_pids(const std::vector<std::string>& dirs);

// Removes the directories (deepest first); a cgroup still holding processes stays.
void remove_cgroups(const std::vector<std::string>& dirs);

}  // namespace petrel::oci
