// `petrel run --stats` and `--stats=json`: every field present and plausible, on stderr only,
// the same instruction count whichever engine runs the module.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cli_dir.hpp"
#include "json_object.hpp"
#include "process.hpp"

namespace {

using petrel::test::run_command_split;

const std::string kPetrel = PETREL_BIN;

// A WASI command: two fd_write calls of "hello\n", in a module of 3 pages.
const char* kHello = R"((module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 3)
  (data (i32.const 16) "hello\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
)";

class Stats : public petrel::test::CliDir {
 protected:
  // The members of the one JSON object --stats=json printed (the last line of stderr).
  std::map<std::string, std::string> json_stats(const std::string& flags, int expected_status = 0,
                                                const std::string& expected_stdout = "hello\nhello\n") {
    auto o = run_command_split(env() + kPetrel + " run --stats=json " + flags + " " + write("hello.wat", kHello));
    EXPECT_EQ(o.status, expected_status) << o.err;
    EXPECT_EQ(o.out, expected_stdout);  // the guest's stdout, untouched
    EXPECT_FALSE(o.err.empty());
    auto last_line = petrel::test::last_json_line(o.err);
    auto members = petrel::test::JsonReader(last_line).object_members();
    EXPECT_TRUE(members) << "not one JSON object: " << last_line;
    return members ? *members : std::map<std::string, std::string>{};
  }
};

TEST_F(Stats, TextListsEveryFieldOnStderr) {
  auto o = run_command_split(kPetrel + " run --stats " + write("hello.wat", kHello));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "hello\nhello\n");
  for (const char* field : {"petrel: stats: instructions ", "petrel: stats: wall time ", ", CPU time ",
                            "petrel: stats: host calls 2, ", "petrel: stats: peak linear memory 196608 bytes (3 pages)",
                            "petrel: stats: engine interpreter (no compiled code", "petrel: stats: load ", "translation "})
    EXPECT_NE(o.err.find(field), std::string::npos) << field << " missing in: " << o.err;
}

TEST_F(Stats, JsonHasEveryKeyWithPlausibleValues) {
  auto s = json_stats("");
  for (const char* key : {"instructions", "wall_time_ms", "cpu_time_ms", "host_calls", "host_time_ms",
                          "peak_memory_bytes", "engine", "not_compiled_why", "load_time_ms", "compile_time_ms",
                          "translation_time_ms"})
    EXPECT_TRUE(s.count(key)) << key;
  if (s.empty()) return;
  EXPECT_GT(std::stoull(s["instructions"]), 10u);
  EXPECT_EQ(s["host_calls"], "2");
  EXPECT_GE(std::stoull(s["peak_memory_bytes"]), 3u * 65536);
  EXPECT_EQ(s["engine"], "interpreter");
  EXPECT_NE(s["not_compiled_why"].find("no compiled code"), std::string::npos) << s["not_compiled_why"];
  EXPECT_GE(std::stod(s["wall_time_ms"]), std::stod(s["host_time_ms"]));
  EXPECT_GE(std::stod(s["load_time_ms"]), std::stod(s["compile_time_ms"]));
  EXPECT_GE(std::stod(s["cpu_time_ms"]), 0.0);
}

TEST_F(Stats, PrintedAfterATrapToo) {
  auto s = json_stats("--fuel 5", 135, "");
  EXPECT_EQ(s["instructions"], "5");  // the whole budget, and not one instruction more
}

#ifdef PETREL_TEST_COMPILED
TEST_F(Stats, CompiledCodeCountsTheSameInstructions) {
  auto interpreted = json_stats("");
  auto compiled = json_stats("--aot");
  EXPECT_EQ(compiled["engine"], "compiled");
  EXPECT_EQ(compiled["not_compiled_why"], "null");
  EXPECT_EQ(compiled["instructions"], interpreted["instructions"]);
  EXPECT_EQ(compiled["host_calls"], "2");
  EXPECT_EQ(compiled["peak_memory_bytes"], interpreted["peak_memory_bytes"]);
}

TEST_F(Stats, SayWhyUnmeteredCompiledCodeIsNotUsed) {
  // --stats counts instructions, so code compiled without --metered cannot run it.
  auto c = petrel::test::run_command(kPetrel + " compile " + write("hello.wat", kHello) + " -o " + path("u.wasm"));
  ASSERT_EQ(c.status, 0) << c.output;
  auto o = run_command_split(kPetrel + " run --stats=json " + path("u.wasm"));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.err.find("\"engine\":\"interpreter\""), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("compiled without fuel metering"), std::string::npos) << o.err;
  auto metered = petrel::test::run_command(kPetrel + " compile --metered " + path("hello.wat") + " -o " + path("m.wasm"));
  ASSERT_EQ(metered.status, 0) << metered.output;
  auto m = run_command_split(kPetrel + " run --stats=json " + path("m.wasm"));
  EXPECT_NE(m.err.find("\"engine\":\"compiled\""), std::string::npos) << m.err;
}
#endif

}  // namespace
