#include "bundle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace petrel::oci {
namespace fs = std::filesystem;
using nlohmann::json;

bool Mount::is_bind() const {
  return type == "bind" || std::ranges::any_of(options, [](const std::string& o) { return o == "bind" || o == "rbind"; });
}

bool Mount::readonly() const {
  return std::ranges::any_of(options, [](const std::string& o) { return o == "ro"; });
}

bool Bundle::has_namespace(const std::string& type) const {
  return std::ranges::any_of(namespaces, [&](const Namespace& n) { return n.type == type; });
}

namespace {

// A field check that names the JSON path of what is wrong.
struct Reader {
  std::string file;
  std::string error;

  bool fail(const std::string& where, const std::string& what) {
    if (error.empty()) error = fmt::format("{}: {}: {}", file, where, what);
    return false;
  }
  bool string(const json& j, const char* key, const std::string& where, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_string()) return fail(where + "." + key, "expected a string");
    out = j[key].get<std::string>();
    return true;
  }
  bool strings(const json& j, const char* key, const std::string& where, std::vector<std::string>& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_array()) return fail(where + "." + key, "expected an array of strings");
    for (const auto& s : j[key]) {
      if (!s.is_string()) return fail(where + "." + key, "expected an array of strings");
      out.push_back(s.get<std::string>());
    }
    return true;
  }
  template <typename T>
  bool number(const json& j, const char* key, const std::string& where, T& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_number_integer()) return fail(where + "." + key, "expected an integer");
    out = j[key].get<T>();
    return true;
  }
};

}  // namespace

Result<Bundle> load_bundle(const std::string& bundle_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(bundle_dir.empty() ? "." : bundle_dir, ec);
  if (!fs::is_directory(dir, ec)) return usage_error(fmt::format("bundle {}: not a directory", dir.string()));
  fs::path file = dir / "config.json";
  std::ifstream in(file);
  if (!in) return io_error(fmt::format("{}: cannot open (is {} an OCI bundle?)", file.string(), dir.string()));
  std::stringstream text;
  text << in.rdbuf();
  json doc;
  try {
    doc = json::parse(text.str());
  } catch (const json::parse_error& e) {
    return usage_error(fmt::format("{}: invalid JSON at byte {}: {}", file.string(), e.byte, e.what()));
  }
  if (!doc.is_object()) return usage_error(fmt::format("{}: expected a JSON object", file.string()));

  Bundle b;
  Reader r{file.string(), {}};
  b.path = dir.lexically_normal().string();
  if (b.path.size() > 1 && b.path.ends_with('/')) b.path.pop_back();
  if (!doc.contains("root") || !doc["root"].is_object())
    return usage_error(fmt::format("{}: root: missing (the spec requires root.path)", file.string()));
  std::string root;
  r.string(doc["root"], "path", "root", root);
  if (doc["root"].contains("readonly") && doc["root"]["readonly"].is_boolean()) b.root_readonly = doc["root"]["readonly"];
  if (root.empty() && r.error.empty()) r.fail("root.path", "missing");
  fs::path root_path = fs::path(root).is_absolute() ? fs::path(root) : dir / root;
  b.root_path = root_path.lexically_normal().string();
  if (b.root_path.size() > 1 && b.root_path.ends_with('/')) b.root_path.pop_back();
  r.string(doc, "hostname", "", b.hostname);

  if (!doc.contains("process") || !doc["process"].is_object()) {
    r.fail("process", "missing");
  } else {
    const json& p = doc["process"];
    r.strings(p, "args", "process", b.process.args);
    r.strings(p, "env", "process", b.process.env);
    r.string(p, "cwd", "process", b.process.cwd);
    if (p.contains("terminal") && p["terminal"].is_boolean()) b.process.terminal = p["terminal"];
    if (p.contains("noNewPrivileges") && p["noNewPrivileges"].is_boolean()) b.process.no_new_privileges = p["noNewPrivileges"];
    if (p.contains("user") && p["user"].is_object()) {
      r.number(p["user"], "uid", "process.user", b.process.uid);
      r.number(p["user"], "gid", "process.user", b.process.gid);
      if (p["user"].contains("additionalGids") && p["user"]["additionalGids"].is_array())
        for (const auto& g : p["user"]["additionalGids"])
          if (g.is_number_integer()) b.process.additional_gids.push_back(g.get<uint32_t>());
    }
    if (p.contains("rlimits") && p["rlimits"].is_array()) {
      for (const auto& l : p["rlimits"]) {
        Rlimit lim;
        r.string(l, "type", "process.rlimits", lim.type);
        r.number(l, "soft", "process.rlimits", lim.soft);
        r.number(l, "hard", "process.rlimits", lim.hard);
        b.process.rlimits.push_back(lim);
      }
    }
    if (p.contains("capabilities") && p["capabilities"].is_object()) {
      Capabilities c;
      const json& cj = p["capabilities"];
      r.strings(cj, "bounding", "process.capabilities", c.bounding);
      r.strings(cj, "effective", "process.capabilities", c.effective);
      r.strings(cj, "inheritable", "process.capabilities", c.inheritable);
      r.strings(cj, "permitted", "process.capabilities", c.permitted);
      r.strings(cj, "ambient", "process.capabilities", c.ambient);
      b.process.capabilities = c;
    }
    if (p.contains("oomScoreAdj") && p["oomScoreAdj"].is_number_integer()) b.process.oom_score_adj = p["oomScoreAdj"].get<int>();
    if (b.process.args.empty() && r.error.empty()) r.fail("process.args", "missing or empty");
    if (!b.process.cwd.starts_with('/') && r.error.empty()) r.fail("process.cwd", "must be an absolute path");
  }

  if (doc.contains("mounts") && doc["mounts"].is_array()) {
    for (const auto& m : doc["mounts"]) {
      Mount mount;
      r.string(m, "destination", "mounts", mount.destination);
      r.string(m, "type", "mounts", mount.type);
      r.string(m, "source", "mounts", mount.source);
      r.strings(m, "options", "mounts", mount.options);
      if (mount.destination.empty() && r.error.empty()) r.fail("mounts", "a mount without a destination");
      b.mounts.push_back(mount);
    }
  }
  if (doc.contains("annotations") && doc["annotations"].is_object())
    for (const auto& [k, v] : doc["annotations"].items())
      if (v.is_string()) b.annotations[k] = v.get<std::string>();
  if (doc.contains("linux") && doc["linux"].is_object()) {
    const json& l = doc["linux"];
    if (l.contains("namespaces") && l["namespaces"].is_array()) {
      for (const auto& n : l["namespaces"]) {
        Namespace ns;
        r.string(n, "type", "linux.namespaces", ns.type);
        r.string(n, "path", "linux.namespaces", ns.path);
        b.namespaces.push_back(ns);
      }
    }
    r.string(l, "cgroupsPath", "linux", b.cgroups_path);
    if (l.contains("resources")) b.resources = l["resources"];
    if (l.contains("seccomp")) b.seccomp = l["seccomp"];
    if (l.contains("sysctl")) b.sysctl = l["sysctl"];
  }
  if (!r.error.empty()) return usage_error(r.error);
  return b;
}

}  // namespace petrel::oci
