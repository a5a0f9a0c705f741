// `petrel validate`, `petrel inspect` and `petrel wat2wasm` on valid, invalid, plain and
// universal modules.
#include <gtest/gtest.h>

#include <string>

#include "cli_dir.hpp"
#include "json_object.hpp"
#include "process.hpp"

namespace {

using petrel::test::run_command;
using petrel::test::run_command_split;

const std::string kPetrel = PETREL_BIN;

const char* kModule = R"((module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "table" (table 1 10 funcref))
  (memory (export "memory") 2 5)
  (global $counter (export "counter") (mut i64) (i64.const 0))
  (func $init (global.set $counter (i64.const 1)))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (start $init))
)";

// A binary module whose only function returns an i64 where its type says i32: byte offset 0x1a
// is the function body's `end`, where the validator finds the mismatch.
const std::string kInvalidBinary(
    "\0asm\1\0\0\0"
    "\x01\x05\x01\x60\x00\x01\x7f"  // type section: [] -> [i32]
    "\x03\x02\x01\x00"              // function section: one function of type 0
    "\x0a\x06\x01\x04\x00\x42\x00\x0b",  // code section: i64.const 0, end
    27);

class ModuleTools : public petrel::test::CliDir {
 protected:
  std::string binary() {
    auto c = run_command(kPetrel + " wat2wasm " + write("m.wat", kModule) + " -o " + path("m.wasm"));
    EXPECT_EQ(c.status, 0) << c.output;
    EXPECT_EQ(c.output, "");
    return path("m.wasm");
  }
};

TEST_F(ModuleTools, ValidateIsSilentOnValidModules) {
  for (const std::string& file : {write("m.wat", kModule), binary()}) {
    auto o = run_command(kPetrel + " validate " + file);
    EXPECT_EQ(o.status, 0) << o.output;
    EXPECT_EQ(o.output, "") << file;
  }
}

TEST_F(ModuleTools, ValidateNamesFileOffsetAndReason) {
  std::string bad = write("bad.wasm", kInvalidBinary);
  auto o = run_command(kPetrel + " validate " + bad);
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.output, "petrel: " + bad + ": offset 0x1a: type mismatch\n");
  auto text = run_command(kPetrel + " validate " + write("bad.wat", "(module (func (result i32) (i64.const 0)))"));
  EXPECT_EQ(text.status, 1);
  EXPECT_NE(text.output.find("bad.wat: "), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("type mismatch"), std::string::npos) << text.output;
  EXPECT_EQ(text.output.find('\n'), text.output.size() - 1) << text.output;
  auto missing = run_command(kPetrel + " validate " + path("none.wasm"));
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.output, "petrel: " + path("none.wasm") + ": cannot open file\n");
}

TEST_F(ModuleTools, Wat2WasmWritesAModuleThatRunsAlike) {
  std::string wasm = binary();
  auto o = run_command(kPetrel + " run --invoke add " + wasm + " 40 2");
  // It imports a table from "env", which `petrel run` does not provide: the link error proves
  // the binary holds the import (the wat runs the same way).
  EXPECT_EQ(o.status, 1) << o.output;
  EXPECT_EQ(run_command(kPetrel + " run --invoke add " + path("m.wat") + " 40 2").output,
            std::string(o.output).replace(o.output.find(wasm), wasm.size(), path("m.wat")));
  auto simple = run_command(kPetrel + " wat2wasm " +
                            write("add.wat", "(module (func (export \"add\") (param i32 i32) (result i32) "
                                             "(i32.add (local.get 0) (local.get 1))))") +
                            " -o " + path("add.wasm"));
  ASSERT_EQ(simple.status, 0) << simple.output;
  EXPECT_EQ(run_command(kPetrel + " run --invoke add " + path("add.wasm") + " 40 2").output, "(i32.const 42)\n");
  auto already = run_command(kPetrel + " wat2wasm " + path("add.wasm") + " -o " + path("x.wasm"));
  EXPECT_EQ(already.status, 1);
  EXPECT_NE(already.output.find("already a binary module"), std::string::npos) << already.output;
}

TEST_F(ModuleTools, InspectShowsThePlainModule) {
  for (const std::string& file : {write("m.wat", kModule), binary()}) {
    auto o = run_command_split(kPetrel + " inspect " + file);
    EXPECT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.err, "");
    for (const char* line : {"imports (2):\n", "  func wasi_snapshot_preview1.fd_write: [i32 i32 i32 i32] -> [i32]\n",
                             "  table env.table: funcref, min 1 elements, max 10\n", "exports (3):\n",
                             "  memory memory: min 2 pages, max 5\n", "  global counter: mut i64\n",
                             "  func add: [i32 i32] -> [i32]\n", "memories (1):\n  0: min 2 pages, max 5\n",
                             "tables (1):\n  0: funcref, min 1 elements, max 10 (imported)\n",
                             "globals (1):\n  0: mut i64\n", "start: function 1 $init\n"})
      EXPECT_NE(o.out.find(line), std::string::npos) << line << " missing in:\n" << o.out;
    EXPECT_EQ(o.out.find("native code"), std::string::npos) << o.out;
  }
  // The binary carries the function names in a custom section.
  EXPECT_NE(run_command(kPetrel + " inspect " + path("m.wasm")).output.find("custom sections (1):\n  name: "),
            std::string::npos);
}

TEST_F(ModuleTools, InspectJsonIsOneObject) {
  auto o = run_command_split(kPetrel + " inspect --json " + binary());
  EXPECT_EQ(o.status, 0) << o.err;
  auto members = petrel::test::JsonReader(o.out).object_members();
  ASSERT_TRUE(members) << o.out;
  for (const char* key : {"file", "imports", "exports", "memories", "tables", "globals", "start", "custom_sections",
                          "native"})
    EXPECT_TRUE(members->count(key)) << key;
  EXPECT_EQ(members->at("start"), "1");
  EXPECT_EQ(members->at("native"), "null");
  EXPECT_EQ(members->at("memories"), "[{\"min\":2,\"max\":5,\"imported\":false}]");
}

TEST_F(ModuleTools, InspectReportsABrokenFileAsValidateDoes) {
  std::string bad = write("bad.wasm", kInvalidBinary);
  auto o = run_command(kPetrel + " inspect " + bad);
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.output, "petrel: " + bad + ": offset 0x1a: type mismatch\n");
  std::string truncated = write("cut.wasm", kInvalidBinary.substr(0, 12));
  auto cut = run_command(kPetrel + " inspect " + truncated);
  EXPECT_EQ(cut.status, 1);
  EXPECT_NE(cut.output.find("petrel: " + truncated + ": offset 0x"), std::string::npos) << cut.output;
}

#ifdef PETREL_TEST_COMPILED
TEST_F(ModuleTools, InspectShowsTheNativeSectionOfAUniversalWasm) {
  std::string add = write("add.wat", "(module (func (export \"add\") (param i32 i32) (result i32) "
                                     "(i32.add (local.get 0) (local.get 1))))");
  auto c = run_command(kPetrel + " compile --metered --target x86-64-v2 " + add + " -o " + path("u.wasm"));
  ASSERT_EQ(c.status, 0) << c.output;
  auto o = run_command_split(kPetrel + " inspect " + path("u.wasm"));
  EXPECT_EQ(o.status, 0) << o.err;
  for (const char* line : {"  petrel.native: ", "native code (petrel.native):\n", "  ABI version: 1\n",
                           "  target: x86_64-linux x86-64-v2\n", "  metered: yes\n", "  signed: no\n",
                           "  authenticated by: machine key ", "  runs on this host: yes\n", "  trusted here: yes\n"})
    EXPECT_NE(o.out.find(line), std::string::npos) << line << " missing in:\n" << o.out;
  // Signed with a key this user does not trust: signed, and not trusted here.
  ASSERT_EQ(run_command(kPetrel + " keygen " + path("k")).status, 0);
  // Compiled with one configuration folder, inspected with another: the machine key that
  // authenticated it is not there, nor the signing key among the trusted ones.
  auto signed_run = run_command("PETREL_CONFIG_DIR=" + path("maker") + " " + kPetrel + " compile --sign " +
                                path("k.key") + " " + add + " -o " + path("s.wasm"));
  ASSERT_EQ(signed_run.status, 0) << signed_run.output;
  auto s = run_command_split("PETREL_CONFIG_DIR=" + path("user") + " " + kPetrel + " inspect --json " +
                             path("s.wasm"));
  EXPECT_EQ(s.status, 0) << s.err;
  auto members = petrel::test::JsonReader(s.out).object_members();
  ASSERT_TRUE(members) << s.out;
  auto native = members->at("native");
  for (const char* field : {"\"abi_version\":1", "\"platform\":\"x86_64-linux\"", "\"metered\":false",
                            "\"signed\":true", "\"trusted\":false", "signed by a key that is not trusted here"})
    EXPECT_NE(native.find(field), std::string::npos) << field << " missing in " << native;
}
#endif

}  // namespace
