// The container process's own settings from process.*: rlimits, user and groups,
// capabilities, no_new_privs, OOM score. Each returns an error naming the field.
#pragma once
#include <expected>
#include <string>
#include <vector>

#include "bundle.hpp"

namespace petrel::oci {

// Sets one rlimit on the calling process. A limit above what the host permits is clamped to
// the host's hard limit; the limit actually set is returned.
std::expected<Rlimit, std::string> set_rlimit_clamped(const Rlimit& limit);

// Applies process.rlimits. A limit above what the host permits (podman asks for
// RLIMIT_NOFILE 1048576) is clamped to the host's hard limit; `notes` says so.
std::expected<void, std::string> apply_rlimits(const std::vector<Rlimit>& limits, std::vector<std::string>& notes);

// setgroups/setgid/setuid, keeping capabilities across the switch so that apply_capabilities
// decides which remain.
std::expected<void, std::string> apply_user(const Process& process);

// Bounding, effective, permitted, inheritable and ambient sets; none listed: all dropped.
std::expected<void, std::string> apply_capabilities(const std::optional<Capabilities>& caps);

std::expected<void, std::string> apply_no_new_privileges();
void apply_oom_score_adj(int value, std::vector<std::string>& notes);

}  // namespace petrel::oci
