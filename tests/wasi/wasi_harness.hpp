// What the WASI tests share: the guests (plain or compiled ahead of time), temporary
// directories, ports, and a background `petrel run` read line by line.
#pragma once
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "../cli/process.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using petrel::test::run_command;

const std::string kPetrel = PETREL_BIN;
const std::string kGuests = PETREL_GUEST_DIR;

// With PETREL_WASI_COMPILED set, every guest is first compiled (`petrel compile`) and the
// tests run the universal wasm, which must run as native code: --verbose says so, and a guest
// that would silently fall back to the interpreter fails the test.
std::string guest(const std::string& name) {
  std::string plain = kGuests + "/" + name + ".wasm";
  if (!std::getenv("PETREL_WASI_COMPILED")) return plain;
  static std::map<std::string, std::string> compiled;
  auto it = compiled.find(name);
  if (it != compiled.end()) return it->second;
  fs::path dir = fs::temp_directory_path() / ("petrel-wasi-aot-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string out = (dir / (name + ".wasm")).string();
  auto c = run_command(kPetrel + " compile " + plain + " -o " + out);
  EXPECT_EQ(c.status, 0) << c.output;
  auto v = run_command(kPetrel + " run --verbose --invoke _start_missing " + out + " 2>&1");
  EXPECT_NE(v.output.find("running compiled code"), std::string::npos) << v.output;
  compiled[name] = out;
  return out;
}

// A fresh directory for one test, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("petrel-wasi-" + std::to_string(getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A port unlikely to collide with other test runs on this machine.
uint16_t test_port(int offset) { return static_cast<uint16_t>(20000 + (getpid() * 7 + offset * 131) % 30000); }

// A background `petrel run` whose stdout is read until a line appears.
struct Server {
  pid_t pid = -1;
  int out = -1;
  explicit Server(std::vector<std::string> args) {
    int fds[2];
    if (pipe(fds) != 0) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    std::vector<char*> argv;
    args.insert(args.begin(), kPetrel);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn(&pid, kPetrel.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    out = fds[0];
  }
  bool wait_for_line(const std::string& want) {
    std::string buf;
    char c;
    while (read(out, &c, 1) == 1) {
      if (c == '\n') {
        if (buf.find(want) != std::string::npos) return true;
        buf.clear();
      } else {
        buf += c;
      }
    }
    return false;
  }
  // Sends `sig` and waits up to `limit`; returns the wait status, or -1 on timeout.
  int stop(int sig, std::chrono::milliseconds limit) {
    if (pid < 0) return -1;
    kill(pid, sig);
    auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        pid = -1;
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -1;
  }
  ~Server() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    if (out >= 0) close(out);
  }
};

}  // namespace
