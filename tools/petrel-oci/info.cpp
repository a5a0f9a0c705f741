#include "info.hpp"

#include "support/version.hpp"

namespace petrel::oci {
using nlohmann::json;

json features_document() {
  return json{
      {"ociVersionMin", "1.0.0"},
      {"ociVersionMax", "1.1.0"},
      {"hooks", json::array()},
      {"mountOptions", {"bind", "rbind", "ro", "rw", "nosuid", "nodev", "noexec", "noatime", "nodiratime", "relatime",
                        "strictatime", "sync", "dirsync"}},
      {"linux",
       {{"namespaces", {"cgroup", "ipc", "mount", "network", "pid", "uts"}},
        {"cgroup", {{"v1", true}, {"v2", true}, {"systemd", true}}},
        {"seccomp",
         {{"enabled", true},
          {"actions", {"SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
                       "SCMP_ACT_LOG", "SCMP_ACT_TRAP", "SCMP_ACT_TRACE"}},
          {"operators", {"SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_LE", "SCMP_CMP_LT", "SCMP_CMP_MASKED_EQ",
                         "SCMP_CMP_NE"}},
          {"archs", {"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"}}}}}},
      {"annotations",
       {{"org.petrel.version", PETREL_VERSION},
        {"org.petrel.wasm.detection", "module.wasm.image/variant=compat|compat-smart, run.oci.handler=wasm, or wasm magic bytes"},
        {"org.petrel.delegate", "runc, else crun, else $PETREL_OCI_DELEGATE, for everything that is not wasm"}}}};
}

json spec_template() {
  return json{
      {"ociVersion", "1.0.2"},
      {"process",
       {{"terminal", false},
        {"user", {{"uid", 0}, {"gid", 0}}},
        {"args", {"/app.wasm"}},
        {"env", {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}},
        {"cwd", "/"},
        {"noNewPrivileges", true}}},
      {"root", {{"path", "rootfs"}, {"readonly", false}}},
      {"hostname", "petrel"},
      {"annotations", {{"module.wasm.image/variant", "compat"}}},
      {"mounts", json::array()},
      {"linux", {{"namespaces", {{{"type", "pid"}}, {{"type", "network"}}, {{"type", "ipc"}}, {{"type", "uts"}}, {{"type", "mount"}}}}}}};
}

}  // namespace petrel::oci
