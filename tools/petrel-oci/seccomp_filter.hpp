// The OCI seccomp profile (linux.seccomp) turned into a kernel filter with libseccomp.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "errors.hpp"

namespace petrel::oci {

// Loads the filter into the calling process. Syscall names this kernel or libseccomp does not
// know are skipped, as other runtimes do; an unknown action or operator is an error.
Result<void> apply_seccomp(const nlohmann::json& profile);

}  // namespace petrel::oci
