#include "delegate.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "log.hpp"
#include "process_setup.hpp"

namespace petrel::oci {
namespace fs = std::filesystem;

std::string delegate_runtime() {
  std::error_code ec;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  auto usable = [&](const fs::path& p) {
    std::error_code e;
    fs::path real = fs::canonical(p, e);
    return !e && real != self && access(real.c_str(), X_OK) == 0;
  };
  if (const char* env = std::getenv("PETREL_OCI_DELEGATE"); env && *env) return usable(env) ? env : "";
  const char* path_env = std::getenv("PATH");
  std::string path = path_env && *path_env ? path_env : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  // runc first: crun refuses the hybrid cgroup layout that many hosts still have.
  for (const char* name : {"runc", "crun"}) {
    for (size_t start = 0; start <= path.size();) {
      size_t end = path.find(':', start);
      if (end == std::string::npos) end = path.size();
      fs::path candidate = fs::path(path.substr(start, end - start)) / name;
      start = end + 1;
      if (usable(candidate)) return candidate.string();
    }
  }
  return "";
}

void clamp_bundle_rlimits(const std::string& bundle_dir) {
  std::string path = (bundle_dir.empty() ? std::string(".") : bundle_dir) + "/config.json";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.contains("process") || !doc["process"].contains("rlimits")) return;
  bool changed = false;
  for (auto& l : doc["process"]["rlimits"]) {
    if (!l.contains("hard") || !l["hard"].is_number_unsigned() || !l["soft"].is_number_unsigned()) continue;
    Rlimit want{l.value("type", ""), l["soft"].get<uint64_t>(), l["hard"].get<uint64_t>()};
    // Trying it on this process (runc inherits what is set here anyway) tells what is allowed.
    auto set = set_rlimit_clamped(want);
    if (!set || (set->soft == want.soft && set->hard == want.hard)) continue;  // runc reports errors itself
    log(LogLevel::Warning, fmt::format("{}: {} {}/{} is above the host's hard limit; clamped to {}/{}", path, want.type,
                                       want.soft, want.hard, set->soft, set->hard));
    l["soft"] = set->soft;
    l["hard"] = set->hard;
    changed = true;
  }
  if (!changed) return;
  std::string tmp = path + ".petrel-oci.tmp";
  std::ofstream out(tmp, std::ios::trunc);
  out << doc.dump();
  out.close();
  if (!out || rename(tmp.c_str(), path.c_str()) != 0) log(LogLevel::Warning, fmt::format("cannot rewrite {}", path));
}

int delegate(int argc, char** argv) {
  std::string runtime = delegate_runtime();
  if (runtime.empty()) {
    report_error("not a wasm container, and no runc or crun to run it (install runc, or set PETREL_OCI_DELEGATE)");
    return 1;
  }
  log(LogLevel::Debug, fmt::format("delegating to {}", runtime));
  std::vector<char*> args(argv, argv + argc);
  args[0] = runtime.data();
  args.push_back(nullptr);
  execv(runtime.c_str(), args.data());
  report_error(fmt::format("cannot run {}: {}", runtime, std::strerror(errno)));
  return 1;
}

}  // namespace petrel::oci
