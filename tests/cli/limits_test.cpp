// `petrel run`'s limits — --fuel/--gas-limit, --time-limit, --max-memory/--memory-page-limit,
// --max-stack — in both engines: interpreted, and compiled (--aot) when the compiler is built.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "cli_dir.hpp"
#include "json_object.hpp"
#include "process.hpp"

namespace {

using petrel::test::run_command;

const std::string kPetrel = PETREL_BIN;

const char* kGuest = R"((module
  (memory 2)
  (func (export "spin") (loop $l (br $l)))
  (func (export "sum") (param i32) (result i32) (local i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 0)))
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l)))
    (local.get 1))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func $depth (export "depth") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get 0) (i32.const 1)))))))
))";

// A WASI command that never ends.
const char* kSpinningCommand = R"((module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (loop $l (br $l)) (call $exit (i32.const 3))))
)";

// The engines to run each test in: flags for `petrel run`, and whether it runs compiled code.
struct Engine {
  std::string name, flags;
  bool compiled;
};
void PrintTo(const Engine& e, std::ostream* os) { *os << e.name; }
std::vector<Engine> engines() {
  std::vector<Engine> e{{"interpreted", "", false}};
#ifdef PETREL_TEST_COMPILED
  e.push_back({"compiled", "--aot", true});
#endif
  return e;
}

class Limits : public petrel::test::CliDir, public ::testing::WithParamInterface<Engine> {
 protected:
  // `petrel run` in this test's engine (checked to be the one running) on the guest.
  petrel::test::Outcome run(const std::string& options, const std::string& file, const std::string& args = "") {
    // A kill after two minutes: a run the time limit failed to stop ends the test, not the suite
    // (and its status, 137 from the shell, is no limit's).
    auto o = run_command(env() + "timeout -s KILL 120 " + kPetrel + " run --verbose " + GetParam().flags + " " +
                         options + " " + file + " " + args);
    EXPECT_EQ(o.output.find("running compiled code") != std::string::npos, GetParam().compiled) << o.output;
    return o;
  }
  std::string guest() { return write("guest.wat", kGuest); }
};

uint64_t instructions_of(const std::string& stderr_text) {
  auto line = petrel::test::last_json_line(stderr_text);
  auto members = petrel::test::JsonReader(line).object_members();
  EXPECT_TRUE(members) << stderr_text;
  return members ? std::stoull(members->at("instructions")) : 0;
}

TEST_P(Limits, FuelRunsOutExactlyAtTheMeasuredCount) {
  std::string g = guest();
  auto measured = petrel::test::run_command_split(env() + kPetrel + " run --stats=json " + GetParam().flags +
                                                  " --invoke sum " + g + " 1000");
  ASSERT_EQ(measured.status, 0) << measured.err;
  uint64_t fuel = instructions_of(measured.err);
  ASSERT_GT(fuel, 1000u);
  auto enough = run("--fuel " + std::to_string(fuel) + " --invoke sum", g, "1000");
  EXPECT_EQ(enough.status, 0) << enough.output;
  EXPECT_NE(enough.output.find("(i32.const 500500)"), std::string::npos) << enough.output;
  for (const char* option : {"--fuel", "--gas-limit"}) {
    auto short_by_one = run(std::string(option) + " " + std::to_string(fuel - 1) + " --invoke sum", g, "1000");
    EXPECT_EQ(short_by_one.status, 135) << short_by_one.output;
    EXPECT_NE(short_by_one.output.find("petrel: trap in " + g + ": fuel exhausted"), std::string::npos)
        << short_by_one.output;
    EXPECT_NE(short_by_one.output.find("--fuel budget of " + std::to_string(fuel - 1)), std::string::npos);
    EXPECT_EQ(short_by_one.output.find("(i32.const"), std::string::npos) << short_by_one.output;
  }
}

TEST_P(Limits, TimeLimitStopsAnInfiniteLoop) {
  auto o = run("--time-limit 200 --invoke spin", guest());
  EXPECT_EQ(o.status, 124) << o.output;
  EXPECT_NE(o.output.find("time limit exceeded"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("--time-limit 200 ms"), std::string::npos) << o.output;
  // A WASI command too (the status is the limit's, not the exit the guest never reaches).
  auto command = run("--time-limit 200", write("spin.wat", kSpinningCommand));
  EXPECT_EQ(command.status, 124) << command.output;
  EXPECT_NE(command.output.find("time limit exceeded"), std::string::npos) << command.output;
}

TEST_P(Limits, MaxMemoryBoundsGrowth) {
  std::string g = guest();  // 2 pages to start with
  EXPECT_NE(run("--invoke grow", g, "2").output.find("(i32.const 2)"), std::string::npos);  // no limit
  for (const char* limit : {"--max-memory 3", "--max-memory 192KiB", "--memory-page-limit 3"}) {
    auto one = run(std::string(limit) + " --invoke grow", g, "1");
    EXPECT_EQ(one.status, 0) << one.output;
    EXPECT_NE(one.output.find("(i32.const 2)"), std::string::npos) << limit << ": " << one.output;
    auto two = run(std::string(limit) + " --invoke grow", g, "2");
    EXPECT_EQ(two.status, 0) << two.output;
    EXPECT_NE(two.output.find("(i32.const -1)"), std::string::npos) << limit << ": " << two.output;
  }
}

TEST_P(Limits, MaxMemoryBelowTheInitialSizeRefusesInstantiation) {
  std::string g = guest();
  for (const char* limit : {"--max-memory 1", "--max-memory 64KiB", "--memory-page-limit 1"}) {
    auto o = run(std::string(limit) + " --invoke sum", g, "1");
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_NE(o.output.find("petrel: " + g + ": memory limit exceeded: initial size of 2 pages is above the limit of 1 "
                            "pages; raise --max-memory"),
              std::string::npos)
        << limit << ": " << o.output;
  }
}

TEST_P(Limits, MaxStackSetsTheRecursionDepth) {
  std::string g = guest();
  // 100,000 calls deep: beyond the interpreter's default (65,536 frames), within 64 MiB in both
  // engines; 64 KiB holds neither engine's frames for that depth.
  auto deep = run("--max-stack 64MiB --invoke depth", g, "100000");
  EXPECT_EQ(deep.status, 0) << deep.output;
  EXPECT_NE(deep.output.find("(i32.const 100000)"), std::string::npos) << deep.output;
  auto shallow = run("--max-stack 64KiB --invoke depth", g, "100000");
  EXPECT_EQ(shallow.status, 134) << shallow.output;
  EXPECT_NE(shallow.output.find("call stack exhausted"), std::string::npos) << shallow.output;
  // The same small stack holds a shallow recursion.
  auto fits = run("--max-stack 64KiB --invoke depth", g, "100");
  EXPECT_EQ(fits.status, 0) << fits.output;
  EXPECT_NE(fits.output.find("(i32.const 100)"), std::string::npos) << fits.output;
}

INSTANTIATE_TEST_SUITE_P(Engines, Limits, ::testing::ValuesIn(engines()),
                         [](const auto& info) { return info.param.name; });

class LimitUsage : public petrel::test::CliDir {};

TEST_F(LimitUsage, BadValuesAreUsageErrorsThatSayWhatToGive) {
  std::string g = write("guest.wat", kGuest);
  struct Case {
    std::string options, says;
  };
  for (const Case& c : std::vector<Case>{
           {"--max-memory 100KiB", "not a whole number of 64 KiB pages"},
           {"--max-memory 12XB", "expected a number of 64 KiB pages, or bytes with a unit"},
           {"--max-memory 65537", "at most 65536 pages"},
           {"--max-memory 2 --memory-page-limit 2", "give one of them"},
           {"--max-stack 1KiB", "give at least 16KiB"},
           {"--max-stack lots", "expected a number of bytes, or bytes with a unit"},
           {"--fuel many", "--fuel"},
       }) {
    auto o = run_command(kPetrel + " run " + c.options + " --invoke sum " + g + " 1");
    EXPECT_EQ(o.status, 2) << c.options << ": " << o.output;
    EXPECT_NE(o.output.find(c.says), std::string::npos) << c.options << ": " << o.output;
  }
}

}  // namespace
