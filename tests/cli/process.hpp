// Runs shell commands for the CLI tests, capturing their output.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace petrel::test {

struct Outcome {
  int status;  // exit status, or -1 when killed by a signal
  std::string output;
};

// Runs `shell_cmd` as it is, returning its status and stdout.
inline Outcome read_stdout(const std::string& shell_cmd) {
  FILE* pipe = popen(shell_cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Runs a shell command, capturing stdout and stderr together.
inline Outcome run_command(const std::string& cmd) { return read_stdout(cmd + " 2>&1"); }

struct SplitOutcome {
  int status;  // exit status, or -1 when killed by a signal
  std::string out, err;
};

// Runs a shell command with its stdout and stderr captured apart (stderr through a file).
inline SplitOutcome run_command_split(const std::string& cmd) {
  char path[] = "/tmp/petrel-cli-stderr-XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  Outcome o = read_stdout(cmd + " 2>" + path);
  std::ifstream in(path);
  std::string err((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  return {o.status, o.output, err};
}

}  // namespace petrel::test
