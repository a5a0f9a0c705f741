#include "seccomp_filter.hpp"

#include <fmt/format.h>
#include <seccomp.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <vector>

namespace petrel::oci {
namespace {

using nlohmann::json;

Result<uint32_t> action(const json& j, const std::string& name, const json& errno_ret) {
  uint32_t err = errno_ret.is_number_unsigned() ? errno_ret.get<uint32_t>() : EPERM;
  if (name == "SCMP_ACT_ALLOW") return SCMP_ACT_ALLOW;
  if (name == "SCMP_ACT_ERRNO") return SCMP_ACT_ERRNO(err);
  if (name == "SCMP_ACT_KILL" || name == "SCMP_ACT_KILL_THREAD") return SCMP_ACT_KILL_THREAD;
  if (name == "SCMP_ACT_KILL_PROCESS") return SCMP_ACT_KILL_PROCESS;
  if (name == "SCMP_ACT_TRAP") return SCMP_ACT_TRAP;
  if (name == "SCMP_ACT_LOG") return SCMP_ACT_LOG;
  if (name == "SCMP_ACT_TRACE") return SCMP_ACT_TRACE(err);
  (void)j;
  return usage_error(fmt::format("linux.seccomp: unsupported action {}", name));
}

Result<scmp_compare> compare_op(const std::string& op) {
  static const std::map<std::string, scmp_compare> ops = {
      {"SCMP_CMP_NE", SCMP_CMP_NE}, {"SCMP_CMP_LT", SCMP_CMP_LT}, {"SCMP_CMP_LE", SCMP_CMP_LE},
      {"SCMP_CMP_EQ", SCMP_CMP_EQ}, {"SCMP_CMP_GE", SCMP_CMP_GE}, {"SCMP_CMP_GT", SCMP_CMP_GT},
      {"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ}};
  auto it = ops.find(op);
  if (it == ops.end()) return usage_error(fmt::format("linux.seccomp: unknown operator {}", op));
  return it->second;
}

uint32_t arch_token(const std::string& name) {
  static const std::map<std::string, uint32_t> arches = {
      {"SCMP_ARCH_X86", SCMP_ARCH_X86},       {"SCMP_ARCH_X86_64", SCMP_ARCH_X86_64},
      {"SCMP_ARCH_X32", SCMP_ARCH_X32},       {"SCMP_ARCH_ARM", SCMP_ARCH_ARM},
      {"SCMP_ARCH_AARCH64", SCMP_ARCH_AARCH64}, {"SCMP_ARCH_RISCV64", SCMP_ARCH_RISCV64}};
  auto it = arches.find(name);
  return it == arches.end() ? 0 : it->second;
}

}  // namespace

Result<void> apply_seccomp(const json& profile) {
  if (!profile.is_object()) return {};
  PETREL_TRY(default_action, action(profile, profile.value("defaultAction", "SCMP_ACT_ALLOW"),
                                    profile.contains("defaultErrnoRet") ? profile["defaultErrnoRet"] : json()));
  scmp_filter_ctx ctx = seccomp_init(default_action);
  if (!ctx) return io_error("linux.seccomp: cannot initialise libseccomp");
  struct Release {
    scmp_filter_ctx c;
    ~Release() { seccomp_release(c); }
  } release{ctx};
  // no_new_privs is the process's own setting (process.noNewPrivileges), not libseccomp's.
  seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
  if (profile.contains("architectures") && profile["architectures"].is_array())
    for (const auto& a : profile["architectures"])
      if (uint32_t token = a.is_string() ? arch_token(a.get<std::string>()) : 0; token && token != seccomp_arch_native())
        seccomp_arch_add(ctx, token);  // EEXIST and unsupported arches are fine
  if (profile.contains("syscalls") && profile["syscalls"].is_array()) {
    for (const auto& rule : profile["syscalls"]) {
      PETREL_TRY(act, action(rule, rule.value("action", "SCMP_ACT_ALLOW"), rule.contains("errnoRet") ? rule["errnoRet"] : json()));
      if (act == default_action) continue;  // libseccomp refuses rules that change nothing
      std::vector<scmp_arg_cmp> args;
      if (rule.contains("args") && rule["args"].is_array()) {
        for (const auto& a : rule["args"]) {
          PETREL_TRY(op, compare_op(a.value("op", "")));
          args.push_back({a.value("index", 0u), op, a.value("value", uint64_t{0}), a.value("valueTwo", uint64_t{0})});
        }
      }
      std::vector<std::string> names;
      if (rule.contains("names") && rule["names"].is_array())
        for (const auto& n : rule["names"])
          if (n.is_string()) names.push_back(n.get<std::string>());
      if (rule.contains("name") && rule["name"].is_string()) names.push_back(rule["name"].get<std::string>());
      for (const auto& name : names) {
        int nr = seccomp_syscall_resolve_name(name.c_str());
        if (nr == __NR_SCMP_ERROR) continue;
        int rc = seccomp_rule_add_array(ctx, act, nr, static_cast<unsigned>(args.size()), args.data());
        if (rc != 0 && rc != -EEXIST)
          return io_error(fmt::format("linux.seccomp: rule for {}: {}", name, std::strerror(-rc)));
      }
    }
  }
  if (int rc = seccomp_load(ctx); rc != 0) return io_error(fmt::format("cannot load the seccomp filter: {}", std::strerror(-rc)));
  return {};
}

}  // namespace petrel::oci
