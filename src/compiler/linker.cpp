#include "compiler/linker.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern char** environ;

namespace petrel::compiler {
namespace {

namespace fs = std::filesystem;

std::unexpected<Error> link_error(std::string msg) {
  return std::unexpected(Error{Error::Kind::Io, "linking compiled code: " + std::move(msg), {}});
}

std::string find_lld() {
  if (const char* env = std::getenv("PETREL_LLD"); env && *env) return env;
  for (const char* candidate : {"/usr/bin/ld.lld-19", "/usr/lib/llvm-19/bin/ld.lld", "/usr/bin/ld.lld"})
    if (access(candidate, X_OK) == 0) return candidate;
  return "ld.lld";
}

bool write_file(const fs::path& p, std::span<const uint8_t> bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Removes the temporary folder however linking ends.
struct TempDir {
  fs::path path;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

Result<std::vector<uint8_t>> link_shared_object(std::span<const uint8_t> object) {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "petrel-link-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return link_error("cannot create a temporary folder in " + base.string());
  TempDir dir{pattern};
  fs::path obj = dir.path / "code.o", so = dir.path / "code.so", log = dir.path / "lld.log";
  if (!write_file(obj, object)) return link_error("cannot write " + obj.string());

  std::string lld = find_lld();
  std::vector<std::string> args = {lld, "-shared", "--hash-style=gnu", "-z", "noexecstack", "-z", "now",
                                   "-z", "relro", "--build-id=none", "-O1", "-o", so.string(), obj.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid;
  int rc = posix_spawnp(&pid, lld.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return link_error("cannot run " + lld + " (install lld-19, or set PETREL_LLD)");
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return link_error(lld + " failed: " + read_text(log));
  std::ifstream in(so, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  if (bytes.empty()) return link_error("empty output from " + lld);
  return bytes;
}

}  // namespace petrel::compiler
