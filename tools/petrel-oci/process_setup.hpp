// The container process's own settings from process.*: rlimits, user and groups,
// capabilities, no_new_privs, OOM score. Each returns an error naming the field.
#pragma once
#include <string>
#include <vector>

#include "bundle.hpp"
#include "errors.hpp"

namespace petrel::oci {

// Sets one rlimit on the calling process. A limit above what the host permits is clamped to
// the host's hard limit; the limit actually set is returned.
Result<Rlimit> set_rlimit_clamped(const Rlimit& limit);

// Applies process.rlimits. A limit above what the host permits (podman asks for
// RLIMIT_NOFILE 1048576) is clamped to the host's hard limit; `notes` says so.
Result<void> apply_rlimits(const std::vector<Rlimit>& limits, std::vector<std::string>& notes);

// setgroups/setgid/setuid, keeping capabilities across the switch so that apply_capabilities
// decides which remain.
Result<void> apply_user(const Process& process);

// Bounding, effective, permitted, inheritable and ambient sets; none listed: all dropped.
Result<void> apply_capabilities(const std::optional<Capabilities>& caps);

Result<void> apply_no_new_privileges();
void apply_oom_score_adj(int value, std::vector<std::string>& notes);

}  // namespace petrel::oci
