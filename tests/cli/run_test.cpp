// `petrel run --invoke`: argument parsing by parameter type, result printing, trap status.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "process.hpp"

namespace {

petrel::test::Outcome sh(const std::string& cmd) { return petrel::test::run_command(cmd); }

std::string module_path() {
  auto p = std::filesystem::temp_directory_path() / ("petrel-run-" + std::to_string(getpid()) + ".wat");
  std::ofstream(p) << R"((module
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "mix") (param i64 f32 f64) (result f64 i64)
      (f64.add (f64.promote_f32 (local.get 1)) (local.get 2)) (local.get 0))
    (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func $rec (export "recurse") (call $rec))
  ))";
  return p.string();
}

const std::string kPetrel = PETREL_BIN;

}  // namespace

TEST(RunInvoke, PrintsResultsInWastSyntax) {
  std::string m = module_path();
  auto o = sh(kPetrel + " run --invoke add " + m + " 40 2");
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.output, "(i32.const 42)\n");
  o = sh(kPetrel + " run --invoke add " + m + " 0xFFFFFFFF -1");
  EXPECT_EQ(o.output, "(i32.const -2)\n");
  o = sh(kPetrel + " run --invoke mix " + m + " -7 1.5 0x1p-1");
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.output, "(f64.const 2)\n(i64.const -7)\n");
}

TEST(RunInvoke, TrapsReportFileAndMessage) {
  std::string m = module_path();
  auto o = sh(kPetrel + " run --invoke div " + m + " 1 0");
  EXPECT_EQ(o.status, 134);
  EXPECT_EQ(o.output, "petrel: trap in " + m + ": integer divide by zero (function div, offset 0x4)\n");
  o = sh(kPetrel + " run --invoke recurse " + m);
  EXPECT_EQ(o.status, 134);
  EXPECT_NE(o.output.find("call stack exhausted"), std::string::npos);
}

TEST(RunInvoke, UsageErrors) {
  std::string m = module_path();
  EXPECT_EQ(sh(kPetrel + " run --invoke add " + m + " 1").status, 2);
  EXPECT_EQ(sh(kPetrel + " run --invoke add " + m + " x y").status, 2);
  EXPECT_EQ(sh(kPetrel + " run --invoke nothere " + m).status, 1);
  EXPECT_EQ(sh(kPetrel + " run " + m).status, 1);  // no _start
  EXPECT_EQ(sh(kPetrel + " frobnicate").status, 2);
}
