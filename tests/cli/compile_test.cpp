// `petrel compile` and loading universal wasm: compiled code runs when it matches, and a
// tampered, mismatched, foreign or truncated native section is refused with a reason — the
// module then runs interpreted, never the bad code.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "process.hpp"

namespace {

namespace fs = std::filesystem;
using petrel::test::run_command;

const std::string kPetrel = PETREL_BIN;

const char* kFib = R"((module
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (memory 1)
  (func (export "peek") (param i32) (result i32) (i32.load (local.get 0))))
)";

class Compile : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    dir = fs::temp_directory_path() / ("petrel-compile-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    std::ofstream(dir / "fib.wat") << kFib;
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string path(const char* name) const { return (dir / name).string(); }
  std::vector<char> read(const char* name) const {
    std::ifstream in(dir / name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void write(const char* name, const std::vector<char>& bytes) const {
    std::ofstream(dir / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::string compile(const std::string& flags = "") {
    auto c = run_command(kPetrel + " compile " + flags + " " + path("fib.wat") + " -o " + path("fib.wasm"));
    EXPECT_EQ(c.status, 0) << c.output;
    return path("fib.wasm");
  }
  // Runs fib(20) verbosely; the answer must be right whichever engine ran it.
  std::string run_fib(const std::string& file) {
    auto o = run_command(kPetrel + " run --verbose --invoke fib " + file + " 20");
    EXPECT_EQ(o.status, 0) << o.output;
    EXPECT_NE(o.output.find("(i32.const 6765)"), std::string::npos) << o.output;
    return o.output;
  }
  static size_t find(const std::vector<char>& bytes, const std::string& s) {
    auto it = std::search(bytes.begin(), bytes.end(), s.begin(), s.end());
    return it == bytes.end() ? std::string::npos : static_cast<size_t>(it - bytes.begin());
  }
};

TEST_F(Compile, RunsCompiledCode) {
  EXPECT_NE(run_fib(compile()).find("running compiled code"), std::string::npos);
}

TEST_F(Compile, EveryOptimisationLevelAndTarget) {
  for (const char* flags : {"-O0", "-O1", "-O3", "-Os", "--target generic", "--target x86-64-v2"})
    EXPECT_NE(run_fib(compile(flags)).find("running compiled code"), std::string::npos) << flags;
  auto bad = run_command(kPetrel + " compile --target pentium " + path("fib.wat") + " -o " + path("x.wasm"));
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.output.find("unknown target 'pentium'"), std::string::npos) << bad.output;
}

TEST_F(Compile, GuardRegionsTrapOutOfBounds) {
  auto o = run_command(kPetrel + " run --invoke peek " + compile() + " 65534");
  EXPECT_EQ(o.status, 134);
  EXPECT_NE(o.output.find("out of bounds memory access"), std::string::npos) << o.output;
}

TEST_F(Compile, InterpretFlagIgnoresCompiledCode) {
  auto o = run_command(kPetrel + " run --verbose --interpret --invoke fib " + compile() + " 20");
  EXPECT_NE(o.output.find("compiled code disabled"), std::string::npos) << o.output;
}

TEST_F(Compile, TamperedCodeIsRefused) {
  compile();
  auto bytes = read("fib.wasm");
  size_t elf = find(bytes, "\x7f" "ELF");
  ASSERT_NE(elf, std::string::npos);
  bytes[elf + 0x400] ^= 0x55;  // inside the shared object
  write("bad.wasm", bytes);
  EXPECT_NE(run_fib(path("bad.wasm")).find("the native code is corrupted"), std::string::npos);
}

TEST_F(Compile, MismatchedModuleIsRefused) {
  compile();
  auto bytes = read("fib.wasm");
  // Change the module, keeping it valid: the constant 20 never appears, but fib's `2` does.
  size_t at = find(bytes, std::string("\x41\x02\x49", 3));  // i32.const 2; i32.lt_u
  ASSERT_NE(at, std::string::npos);
  bytes[at + 1] = 3;
  write("bad.wasm", bytes);
  auto o = run_command(kPetrel + " run --verbose --invoke fib " + path("bad.wasm") + " 20");
  EXPECT_NE(o.output.find("module hash differs"), std::string::npos) << o.output;
  EXPECT_EQ(o.output.find("running compiled code"), std::string::npos) << o.output;
}

TEST_F(Compile, OtherCpuIsRefused) {
  compile("--target x86-64-v2");
  auto bytes = read("fib.wasm");
  size_t at = find(bytes, "x86-64-v2");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 8] = '9';
  write("bad.wasm", bytes);
  EXPECT_NE(run_fib(path("bad.wasm")).find("compiled for CPU level x86-64-v9, which this host lacks"),
            std::string::npos);
}

TEST_F(Compile, OtherPlatformIsRefused) {
  compile();
  auto bytes = read("fib.wasm");
  size_t at = find(bytes, "x86_64-linux");
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'y';
  write("bad.wasm", bytes);
  EXPECT_NE(run_fib(path("bad.wasm")).find("compiled for y86_64-linux"), std::string::npos);
}

TEST_F(Compile, TruncatedSectionIsRefused) {
  compile();
  auto bytes = read("fib.wasm");
  bytes.resize(bytes.size() - 100);
  write("bad.wasm", bytes);
  EXPECT_NE(run_fib(path("bad.wasm")).find("section is truncated"), std::string::npos);
}

TEST_F(Compile, RunAotUsesTheCompileCache) {
  std::string env = "XDG_CACHE_HOME=" + path("cache") + " ";
  std::string cmd = env + kPetrel + " run --aot --verbose --invoke fib " + path("fib.wat") + " 20";
  auto first = run_command(cmd);
  EXPECT_NE(first.output.find("compiled into"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("running compiled code"), std::string::npos) << first.output;
  auto second = run_command(cmd);
  EXPECT_NE(second.output.find("cache hit"), std::string::npos) << second.output;
  // A damaged entry is detected and rebuilt, never run.
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir / "cache" / "petrel")) entries.push_back(e.path());
  ASSERT_EQ(entries.size(), 1u);
  {
    std::fstream f(entries[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(entries[0]) - 64));
    f.write("\xde\xad\xbe\xef", 4);
  }
  auto third = run_command(cmd);
  EXPECT_NE(third.output.find("not used (the native code is corrupted (code hash differs)); rebuilt"), std::string::npos)
      << third.output;
  EXPECT_NE(third.output.find("(i32.const 6765)"), std::string::npos) << third.output;
  // Concurrent runs on an empty cache all succeed (entries are renamed into place whole).
  fs::remove_all(dir / "cache");
  auto many = run_command("for i in 1 2 3 4 5 6; do " + env + kPetrel + " run --aot --invoke fib " + path("fib.wat") +
                          " 20 & done; wait");
  size_t n = 0;
  for (size_t at = many.output.find("(i32.const 6765)"); at != std::string::npos;
       at = many.output.find("(i32.const 6765)", at + 1))
    ++n;
  EXPECT_EQ(n, 6u) << many.output;
}

TEST_F(Compile, RunAotUsesTheCodeAUniversalWasmCarries) {
  std::string file = compile();
  std::string env = "XDG_CACHE_HOME=" + path("cache") + " ";
  auto o = run_command(env + kPetrel + " run --aot --verbose --invoke fib " + file + " 20");
  EXPECT_NE(o.output.find("running compiled code"), std::string::npos) << o.output;
  EXPECT_EQ(o.output.find("compiled into"), std::string::npos) << o.output;  // not compiled again
  EXPECT_FALSE(fs::exists(dir / "cache" / "petrel")) << o.output;
  // Code that may not run here is replaced by a fresh compile, not interpreted.
  auto bytes = read("fib.wasm");
  bytes[bytes.size() - 40] ^= 1;
  write("tampered.wasm", bytes);
  auto t = run_command(env + kPetrel + " run --aot --verbose --invoke fib " + path("tampered.wasm") + " 20");
  EXPECT_NE(t.output.find("compiled into"), std::string::npos) << t.output;
  EXPECT_NE(t.output.find("running compiled code"), std::string::npos) << t.output;
  EXPECT_NE(t.output.find("(i32.const 6765)"), std::string::npos) << t.output;
}

TEST_F(Compile, OtherRuntimesSeeAPlainModule) {
  // The universal wasm is a valid module whatever reads it: wabt's validator accepts it.
  auto o = run_command("wasm-validate " + compile());
  EXPECT_EQ(o.status, 0) << o.output;
}

}  // namespace
