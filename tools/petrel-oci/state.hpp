// Container state kept under --root, so that it outlives the runtime process: each wasm
// container has ROOT/.petrel/ID/ with state.json and, until it is started, start.fifo.
// (runc keeps its own containers in ROOT/ID/; the two never collide.)
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "errors.hpp"

namespace petrel::oci {

struct ContainerState {
  std::string id, bundle, rootfs, created;  // created: RFC 3339, UTC
  int pid = 0;
  uint64_t pid_start_time = 0;  // from /proc/PID/stat: tells our process from a recycled pid
  std::map<std::string, std::string> annotations;
  std::vector<std::string> cgroup_dirs;  // the cgroup directories made for the container
  std::string module;                    // the entrypoint, as the guest sees it

  nlohmann::json to_json() const;
  static ContainerState from_json(const nlohmann::json& j);
};

class StateStore {
 public:
  explicit StateStore(std::string root);
  const std::string& root() const { return root_; }
  std::string dir(const std::string& id) const;
  std::string fifo(const std::string& id) const { return dir(id) + "/start.fifo"; }
  bool exists(const std::string& id) const;
  // Makes the container's directory; fails when the id is taken (by us or by runc).
  Result<void> claim(const std::string& id) const;
  Result<void> save(const ContainerState& s) const;  // atomic (rename)
  Result<ContainerState> load(const std::string& id) const;
  void remove(const std::string& id) const;
  std::vector<std::string> ids() const;

 private:
  std::string root_;
};

// "creating", "created", "running" or "stopped".
std::string container_status(const StateStore& store, const ContainerState& s);
// Whether PID is alive and still the process that was started at START_TIME.
bool process_alive(int pid, uint64_t start_time);
uint64_t process_start_time(int pid);  // 0 when there is no such process
// Container ids: letters, digits, '_', '+', '-', '.', not starting with '.'.
bool valid_container_id(const std::string& id);
std::string now_rfc3339();

}  // namespace petrel::oci
