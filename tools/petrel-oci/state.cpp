#include "state.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace petrel::oci {
namespace fs = std::filesystem;
using nlohmann::json;

json ContainerState::to_json() const {
  return json{{"id", id},        {"bundle", bundle},   {"rootfs", rootfs},
              {"created", created}, {"pid", pid},      {"pidStartTime", pid_start_time},
              {"annotations", annotations}, {"cgroupDirs", cgroup_dirs}, {"module", module}};
}

ContainerState ContainerState::from_json(const json& j) {
  ContainerState s;
  s.id = j.value("id", "");
  s.bundle = j.value("bundle", "");
  s.rootfs = j.value("rootfs", "");
  s.created = j.value("created", "");
  s.pid = j.value("pid", 0);
  s.pid_start_time = j.value("pidStartTime", uint64_t{0});
  if (j.contains("annotations") && j["annotations"].is_object())
    s.annotations = j["annotations"].get<std::map<std::string, std::string>>();
  if (j.contains("cgroupDirs") && j["cgroupDirs"].is_array()) s.cgroup_dirs = j["cgroupDirs"].get<std::vector<std::string>>();
  s.module = j.value("module", "");
  return s;
}

StateStore::StateStore(std::string root) : root_(std::move(root)) {}

std::string StateStore::dir(const std::string& id) const { return root_ + "/.petrel/" + id; }

bool StateStore::exists(const std::string& id) const {
  struct stat st{};
  return valid_container_id(id) && stat(dir(id).c_str(), &st) == 0;
}

Result<void> StateStore::claim(const std::string& id) const {
  if (!valid_container_id(id)) return usage_error(fmt::format("invalid container id '{}'", id));
  std::error_code ec;
  fs::create_directories(root_ + "/.petrel", ec);
  if (ec) return io_error(fmt::format("cannot create the state directory {}/.petrel: {}", root_, ec.message()));
  struct stat st{};
  if (stat((root_ + "/" + id).c_str(), &st) == 0)
    return usage_error(fmt::format("container with id '{}' already exists (managed by runc)", id));
  if (mkdir(dir(id).c_str(), 0700) != 0) {
    if (errno == EEXIST) return usage_error(fmt::format("container with id '{}' already exists", id));
    return io_error(fmt::format("cannot create {}: {}", dir(id), std::strerror(errno)));
  }
  return {};
}

Result<void> StateStore::save(const ContainerState& s) const {
  std::string path = dir(s.id) + "/state.json";
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << s.to_json().dump() << "\n";
    if (!out) return io_error(fmt::format("cannot write {}", tmp));
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) return io_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  return {};
}

Result<ContainerState> StateStore::load(const std::string& id) const {
  if (!exists(id)) return usage_error(fmt::format("container '{}' does not exist", id));
  std::ifstream in(dir(id) + "/state.json");
  if (!in) {  // claimed, not yet saved: create is still running
    ContainerState s;
    s.id = id;
    return s;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    return ContainerState::from_json(json::parse(text.str()));
  } catch (const json::exception& e) {
    return io_error(fmt::format("{}/state.json: {}", dir(id), e.what()));
  }
}

void StateStore::remove(const std::string& id) const {
  std::error_code ec;
  if (valid_container_id(id)) fs::remove_all(dir(id), ec);
}

std::vector<std::string> StateStore::ids() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root_ + "/.petrel", ec)) out.push_back(e.path().filename().string());
  return out;
}

uint64_t process_start_time(int pid) {
  if (pid <= 0) return 0;
  std::ifstream in(fmt::format("/proc/{}/stat", pid));
  std::string line;
  if (!std::getline(in, line)) return 0;
  // Field 2 (comm) may hold spaces and parentheses: count fields after the last ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  char state = 0;
  uint64_t start = 0;
  for (int i = 3; rest >> field; ++i) {
    if (i == 3) state = field[0];
    if (i == 22) {
      start = std::stoull(field);
      break;
    }
  }
  if (state == 'Z' || state == 'X') return 0;  // exited, waiting to be reaped
  return start;
}

bool process_alive(int pid, uint64_t start_time) {
  uint64_t now = process_start_time(pid);
  return now != 0 && (start_time == 0 || now == start_time);
}

std::string container_status(const StateStore& store, const ContainerState& s) {
  if (s.pid == 0) return "creating";
  if (!process_alive(s.pid, s.pid_start_time)) return "stopped";
  struct stat st{};
  if (stat(store.fifo(s.id).c_str(), &st) == 0) return "created";
  return "running";
}

bool valid_container_id(const std::string& id) {
  if (id.empty() || id.size() > 1024 || id[0] == '.') return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '+' || c == '-' || c == '.')) return false;
  return true;
}

std::string now_rfc3339() {
  auto now = std::chrono::system_clock::now();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
  time_t secs = static_cast<time_t>(ns / 1000000000);
  struct tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec, ns % 1000000000);
}

}  // namespace petrel::oci
