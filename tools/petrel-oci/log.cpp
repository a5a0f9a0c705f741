#include "log.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "state.hpp"

namespace petrel::oci {
namespace {

struct LogConfig {
  std::string path;
  bool json = false;
  bool debug = false;
};
LogConfig& config() {
  static LogConfig c;
  return c;
}

const char* level_name(LogLevel l) {
  switch (l) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
  }
  return "info";
}

}  // namespace

void configure_log(const std::string& path, bool json, bool debug) { config() = {path, json, debug}; }

void log(LogLevel level, const std::string& message) {
  const LogConfig& c = config();
  if (c.path.empty() || (level == LogLevel::Debug && !c.debug)) return;
  std::string line = c.json ? nlohmann::json{{"level", level_name(level)}, {"msg", message}, {"time", now_rfc3339()}}.dump() + "\n"
                            : fmt::format("{} {}: {}\n", now_rfc3339(), level_name(level), message);
  // O_APPEND writes of one line are atomic, so concurrent runtime calls do not interleave.
  int fd = open(c.path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  ssize_t ignored = write(fd, line.data(), line.size());
  (void)ignored;
  close(fd);
}

void report_error(const std::string& message) {
  log(LogLevel::Error, message);
  fmt::print(stderr, "petrel-oci: {}\n", message);
}

}  // namespace petrel::oci
