// The container process: set up inside its namespaces, load the module, wait for `start`,
// run the module. Runs in the child of `petrel-oci create` (no exec: the runtime is already
// in memory, so a FROM-scratch rootfs needs nothing but the module).
#pragma once
#include <string>

#include "bundle.hpp"
#include "cgroups.hpp"

namespace petrel::oci {

struct InitPlan {
  const Bundle* bundle;
  std::string module_path;  // inside the rootfs
  std::string fifo_path;    // start.fifo (host path)
  std::string console_socket;
  int sync_fd;              // to the runtime: "g" arrives, then notes and "ok" / "error:WHY" go back
  std::string trust_dir;    // the node's trusted-keys/ and machine.key (host path)
};

[[noreturn]] void container_init(const InitPlan& plan);

}  // namespace petrel::oci
