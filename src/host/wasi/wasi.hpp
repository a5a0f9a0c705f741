// WASI preview1 (`wasi_snapshot_preview1`) for guests, with a capability sandbox: a guest
// reaches only the directories it is given, the environment it is given, and the network
// only when allowed. Includes the WasmEdge socket extension.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/instantiate.hpp"

namespace petrel::wasi {

struct Preopen {
  std::string guest_path;  // as the guest sees it, e.g. "/out" or "."
  std::string host_path;
  bool readonly = false;
  // Grant the directory although procfs, sysfs or another kernel file system is mounted
  // below it (Wasi::create refuses it otherwise). Those stay out of reach all the same: every
  // open beneath a preopen refuses what is on one. For directories the embedder has built
  // itself, such as a container's rootfs.
  bool allow_special_fs_below = false;
};

struct NetRule {
  std::string host;  // empty: any address
  uint16_t port = 0; // 0: any port
};

struct Options {
  std::vector<std::string> args;  // argv, incl. argv[0]
  std::vector<std::string> env;   // NAME=VALUE
  std::vector<Preopen> preopens;
  bool allow_net = false;         // every address, or only `net_rules` when those are given
  std::vector<NetRule> net_rules;
  int stdin_fd = 0, stdout_fd = 1, stderr_fd = 2;
};

class Context;

// One guest's WASI state: its fd table, arguments, environment and capabilities.
class Wasi {
 public:
  // Opens the preopened directories; fails (with a message) when one cannot be opened, or is
  // on procfs, sysfs or the like, or (unless allowed) has one mounted below it.
  static Result<std::unique_ptr<Wasi>> create(Options options);
  ~Wasi();

  // Defines every preview1 function and the socket extension under `wasi_snapshot_preview1`
  // (`module`, when given, decides between the two signatures of sock_accept).
  void define(Store& store, Linker& linker, const Module* module = nullptr);
  // Points the functions at the guest's exported memory; call once after instantiation.
  Result<void> bind(ModuleInstance& instance);

 private:
  explicit Wasi(std::unique_ptr<Context> ctx);
  std::unique_ptr<Context> ctx_;
};

// The special file system (procfs, sysfs or another the guest may never reach: see Preopen)
// that the file at `path` is on, by name ("proc", "sysfs", …), if it is on one.
std::optional<std::string> special_fs_at(const std::string& path);

// True when the module imports anything from wasi_snapshot_preview1.
bool imports_wasi(const Module& m);

}  // namespace petrel::wasi
