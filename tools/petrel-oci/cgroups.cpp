#include "cgroups.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace petrel::oci {
namespace {

using nlohmann::json;

struct Hierarchy {
  std::string mount_point;
  std::set<std::string> controllers;  // v1: memory, cpu, …, or "name=systemd"; v2: empty
  bool v2 = false;
};

std::vector<Hierarchy> hierarchies() {
  std::vector<Hierarchy> out;
  std::ifstream in("/proc/self/mountinfo");
  std::string line;
  while (std::getline(in, line)) {
    // ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPER_OPTIONS
    std::istringstream s(line);
    std::string id, parent, dev, root, mount_point, options, field;
    s >> id >> parent >> dev >> root >> mount_point >> options;
    while (s >> field && field != "-") {}
    std::string fstype, source, super;
    s >> fstype >> source >> super;
    if (fstype != "cgroup" && fstype != "cgroup2") continue;
    Hierarchy h{mount_point, {}, fstype == "cgroup2"};
    if (!h.v2) {
      std::istringstream opts(super);
      for (std::string o; std::getline(opts, o, ',');)
        if (o != "rw" && o != "ro" && o != "xattr" && !o.starts_with("release_agent") && o != "clone_children") h.controllers.insert(o);
    }
    // A hierarchy may be mounted at several places (cpu,cpuacct is, via symlinks it is not): keep the first.
    if (std::ranges::none_of(out, [&](const Hierarchy& o) { return !o.v2 && !h.v2 && o.controllers == h.controllers; }))
      out.push_back(h);
  }
  return out;
}

bool write_file(const std::string& path, const std::string& value, std::string* error) {
  int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, value.data(), value.size()) != static_cast<ssize_t>(value.size())) {
    if (error) *error = fmt::format("cannot write '{}' to {}: {}", value, path, std::strerror(errno));
    if (fd >= 0) close(fd);
    return false;
  }
  close(fd);
  return true;
}

std::string read_trimmed(const std::string& path) {
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  return s;
}

// Expands a systemd slice name to its path: a-b.slice → /a.slice/a-b.slice.
std::string slice_path(const std::string& slice) {
  if (slice.empty() || slice == "-.slice") return "";
  std::string name = slice.ends_with(".slice") ? slice.substr(0, slice.size() - 6) : slice;
  std::string path, prefix;
  std::istringstream parts(name);
  for (std::string part; std::getline(parts, part, '-');) {
    prefix = prefix.empty() ? part : prefix + "-" + part;
    path += "/" + prefix + ".slice";
  }
  return path;
}

bool has(const json& j, const char* key) { return j.is_object() && j.contains(key) && !j[key].is_null(); }

}  // namespace

std::string cgroup_relative_path(const std::string& cgroups_path, bool systemd, const std::string& id) {
  if (systemd || std::count(cgroups_path.begin(), cgroups_path.end(), ':') == 2) {
    // slice:prefix:name (empty parts take systemd's defaults).
    std::string slice = "system.slice", prefix = "petrel-oci", name = id;
    auto first = cgroups_path.find(':');
    if (first != std::string::npos) {
      auto second = cgroups_path.find(':', first + 1);
      if (first > 0) slice = cgroups_path.substr(0, first);
      if (second != std::string::npos) {
        if (second > first + 1) prefix = cgroups_path.substr(first + 1, second - first - 1);
        if (second + 1 < cgroups_path.size()) name = cgroups_path.substr(second + 1);
      }
    }
    if (name.ends_with(".slice")) return slice_path(slice) + "/" + name;
    return slice_path(slice) + "/" + prefix + "-" + name + ".scope";
  }
  if (cgroups_path.empty()) return "/petrel-oci/" + id;
  return cgroups_path.starts_with('/') ? cgroups_path : "/" + cgroups_path;
}

Result<CgroupPlacement> prepare_cgroups(const std::string& relative, const json& resources,
                                                            Hierarchies which) {
  CgroupPlacement placement;
  std::vector<std::string>& made = placement.made;
  static const std::vector<Hierarchy> hs = hierarchies();  // read once: create prepares v2, then v1
  bool hybrid = std::ranges::any_of(hs, [](const Hierarchy& h) { return !h.v2; });
  std::string error;
  const json memory = has(resources, "memory") ? resources["memory"] : json();
  const json pids = has(resources, "pids") ? resources["pids"] : json();
  const json cpu = has(resources, "cpu") ? resources["cpu"] : json();
  for (const Hierarchy& h : hs) {
    if (h.v2 != (which == Hierarchies::V2)) continue;
    // Make each level, so that cpuset levels can inherit their parent's cpus and mems.
    std::string dir = h.mount_point;
    std::istringstream parts(relative);
    for (std::string part; std::getline(parts, part, '/');) {
      if (part.empty()) continue;
      std::string parent = dir;
      dir += "/" + part;
      if (mkdir(dir.c_str(), 0755) == 0) {
        made.push_back(dir);
        if (h.controllers.count("cpuset")) {
          for (const char* f : {"/cpuset.cpus", "/cpuset.mems"})
            if (read_trimmed(dir + f).empty()) write_file(dir + f, read_trimmed(parent + f), nullptr);
        }
      } else if (errno != EEXIST) {
        error = fmt::format("cannot create cgroup {}: {}", dir, std::strerror(errno));
        break;
      }
    }
    if (!error.empty()) break;
    auto limit = [&](const json& section, const char* key, const std::string& file, auto convert) {
      if (!has(section, key) || !error.empty()) return;
      write_file(dir + "/" + file, convert(section[key]), &error);
    };
    auto plain = [](const json& v) { return std::to_string(v.get<int64_t>()); };
    auto max_or = [](const json& v) { return v.get<int64_t>() < 0 ? std::string("max") : std::to_string(v.get<int64_t>()); };
    if (h.v2 && !hybrid) {
      limit(memory, "limit", "memory.max", max_or);
      limit(memory, "swap", "memory.swap.max", max_or);
      limit(pids, "limit", "pids.max", [](const json& v) { return v.get<int64_t>() <= 0 ? std::string("max") : std::to_string(v.get<int64_t>()); });
      limit(cpu, "shares", "cpu.weight", [](const json& v) {
        uint64_t s = v.get<uint64_t>();  // the conversion runc and crun use
        return std::to_string(s == 0 ? 100 : 1 + ((std::max<uint64_t>(s, 2) - 2) * 9999) / 262142);
      });
      if (has(cpu, "quota") && error.empty()) {
        int64_t quota = cpu["quota"].get<int64_t>();
        uint64_t period = has(cpu, "period") ? cpu["period"].get<uint64_t>() : 100000;
        write_file(dir + "/cpu.max", fmt::format("{} {}", quota > 0 ? std::to_string(quota) : "max", period), &error);
      }
    } else if (!h.v2) {
      if (h.controllers.count("memory")) {
        limit(memory, "limit", "memory.limit_in_bytes", plain);
        limit(memory, "swap", "memory.memsw.limit_in_bytes", plain);
      }
      if (h.controllers.count("pids"))
        limit(pids, "limit", "pids.max", [](const json& v) { return v.get<int64_t>() <= 0 ? std::string("max") : std::to_string(v.get<int64_t>()); });
      if (h.controllers.count("cpu")) {
        limit(cpu, "shares", "cpu.shares", plain);
        limit(cpu, "period", "cpu.cfs_period_us", plain);
        limit(cpu, "quota", "cpu.cfs_quota_us", plain);
      }
      if (h.controllers.count("devices") && has(resources, "devices") && resources["devices"].is_array()) {
        for (const json& d : resources["devices"]) {
          if (!error.empty()) break;
          auto part = [&](const char* key, const std::string& dflt) {
            return has(d, key) ? (d[key].is_string() ? d[key].get<std::string>() : std::to_string(d[key].get<int64_t>())) : dflt;
          };
          std::string rule = fmt::format("{} {}:{} {}", part("type", "a"), part("major", "*"), part("minor", "*"), part("access", "rwm"));
          if (rule.starts_with("a ")) rule = "a";
          bool allow = d.value("allow", false);
          write_file(dir + (allow ? "/devices.allow" : "/devices.deny"), rule, &error);
        }
      }
    }
    if (!error.empty()) break;
    // The named systemd hierarchy and the empty unified one of the hybrid layout carry no
    // limits: failing to join them is worth a note, not a failed container.
    if (h.v2) {
      placement.v2_dir = dir;
      placement.v2_optional = hybrid;
    } else {
      placement.v1_dirs.push_back(dir);
      placement.v1_optional.push_back(h.controllers.count("name=systemd") > 0);
    }
  }
  if (!error.empty()) {
    remove_cgroups(made);
    return io_error(error);
  }
  return placement;
}

std::string encode_v1(const CgroupPlacement& placement) {
  std::string out;
  for (size_t i = 0; i < placement.v1_dirs.size(); ++i)
    out += (placement.v1_optional[i] ? "?" : "!") + placement.v1_dirs[i] + "\n";
  return out;
}

CgroupPlacement decode_v1(const std::string& message) {
  CgroupPlacement p;
  std::istringstream lines(message);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() < 2) continue;
    p.v1_optional.push_back(line[0] == '?');
    p.v1_dirs.push_back(line.substr(1));
  }
  return p;
}

Result<void> join_cgroups_v1(const CgroupPlacement& placement, std::vector<std::string>& notes) {
  for (size_t i = 0; i < placement.v1_dirs.size(); ++i) {
    std::string error;
    if (write_file(placement.v1_dirs[i] + "/tasks", "0", &error)) continue;
    if (!placement.v1_optional[i]) return io_error(error);
    notes.push_back(error);
  }
  return {};
}

Result<void> move_to_cgroup_v2(const CgroupPlacement& placement, int pid,
                                                   std::vector<std::string>& notes) {
  if (placement.v2_dir.empty()) return {};
  std::string error;
  if (write_file(placement.v2_dir + "/cgroup.procs", std::to_string(pid), &error)) return {};
  if (!placement.v2_optional) return io_error(error);
  notes.push_back(error);
  return {};
}

std::vector<int> cgroup_pids(const std::vector<std::string>& dirs) {
  std::set<int> pids;
  for (const auto& d : dirs) {
    std::ifstream in(d + "/cgroup.procs");
    for (int p; in >> p;) pids.insert(p);
  }
  return {pids.begin(), pids.end()};
}

void remove_cgroups(const std::vector<std::string>& dirs) {
  std::vector<std::string> sorted = dirs;
  std::ranges::sort(sorted, [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& d : sorted) rmdir(d.c_str());
}

}  // namespace petrel::oci
