// Containers that are not wasm go to the system's OCI runtime (runc, else crun, or the one
// PETREL_OCI_DELEGATE names), called with our own arguments unchanged, so one runtime serves
// mixed workloads.
#pragma once
#include <string>

namespace petrel::oci {

// The runtime to delegate to, or "" when none is installed.
std::string delegate_runtime();

// Engines ask for rlimits above what some hosts permit (podman: RLIMIT_NOFILE 1048576), which
// runc applies verbatim and fails on. Lowers such limits in BUNDLE/config.json to the host's
// hard limit, logging each change.
void clamp_bundle_rlimits(const std::string& bundle_dir);

// Replaces this process with the delegate; returns (with a message printed) only on failure.
int delegate(int argc, char** argv);

}  // namespace petrel::oci
