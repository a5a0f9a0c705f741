// The life of a wasm container: `create` forks the container process into its namespaces and
// cgroups, where it loads the module and waits on ROOT/.petrel/ID/start.fifo; `start` writes
// one byte to the fifo and the process runs the module's _start under WASI.
#pragma once
#include <string>

#include "bundle.hpp"
#include "errors.hpp"
#include "state.hpp"
#include "wasm_entry.hpp"

namespace petrel::oci {

struct CreateOptions {
  std::string id, pid_file, console_socket;
  int preserve_fds = 0;
  bool systemd_cgroup = false;
};

// Creates the container process and records its state; returns it. The process is left
// waiting for `start`. On failure nothing is left behind (process, cgroups, state).
Result<ContainerState> create_container(const StateStore& store, const Bundle& bundle,
                                                            const WasmEntry& entry, const CreateOptions& options);

// Lets a created container run.
Result<void> start_container(const StateStore& store, const ContainerState& state);

// Signals the container's process (or, with `all`, every process in its cgroups).
Result<void> signal_container(const StateStore& store, const ContainerState& state, int signal, bool all);

// Removes a stopped container (with `force`, kills it first): cgroups and state.
Result<void> delete_container(const StateStore& store, const ContainerState& state, bool force);

}  // namespace petrel::oci
