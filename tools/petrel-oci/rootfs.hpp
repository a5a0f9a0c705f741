// The container's file system view, in its own mount namespace: the rootfs with the bundle's
// bind and tmpfs mounts on it becomes "/" (pivot_root), the host's tree is detached. Kernel
// file systems (proc, sysfs, devpts, mqueue, cgroup) are not mounted for a wasm container:
// a WASI guest reaches only preopened directories and could not use them.
#pragma once
#include <string>
#include <vector>

#include "bundle.hpp"
#include "errors.hpp"

namespace petrel::oci {

Result<void> enter_rootfs(const Bundle& bundle, std::vector<std::string>& notes);

}  // namespace petrel::oci
