// Hostile and broken inputs given to the `petrel` CLI: each must produce one line on stderr
// naming the file, a position and the reason, and exit status 1 -- never a crash or a hang.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "process.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

fs::path temp_dir() {
  static fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("petrel-bad-input-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

fs::path write_file(const std::string& name, const std::string& bytes) {
  fs::path p = temp_dir() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

using petrel::test::Outcome;

Outcome run_petrel(const fs::path& file) {
  return petrel::test::run_command(std::string(PETREL_BIN) + " run '" + file.string() + "'");
}

std::string leb(uint64_t v) {
  std::string out;
  do {
    uint8_t b = v & 0x7F;
    v >>= 7;
    out += static_cast<char>(v ? (b | 0x80) : b);
  } while (v);
  return out;
}

const std::string kHeader("\0asm\1\0\0\0", 8);

void expect_one_line_error(const fs::path& file, const std::string& reason, const std::string& position) {
  Outcome o = run_petrel(file);
  EXPECT_EQ(o.status, 1) << o.output;
  ASSERT_FALSE(o.output.empty());
  EXPECT_EQ(o.output.find('\n'), o.output.size() - 1) << "more than one line: " << o.output;
  EXPECT_NE(o.output.find(file.string()), std::string::npos) << o.output;
  EXPECT_NE(o.output.find(position), std::string::npos) << o.output;
  EXPECT_NE(o.output.find(reason), std::string::npos) << o.output;
}

}  // namespace

TEST(BadInput, TruncatedModule) {
  std::string m = kHeader + "\x01\x05\x01\x60\x01\x7f\x00"s + "\x03\x02\x01\x00"s + "\x0a\x06\x01\x04\x00\x20\x00\x0b"s;
  expect_one_line_error(write_file("truncated.wasm", m.substr(0, m.size() - 5)), "length out of bounds", "offset 0x15");
  expect_one_line_error(write_file("truncated-header.wasm", m.substr(0, 6)), "unexpected end", "offset 0x4");
  std::string no_end = m.substr(0, m.size() - 1);  // body without its final `end`
  no_end[20] = 0x05;                               // code section size
  no_end[22] = 0x03;                               // body size
  expect_one_line_error(write_file("truncated-body.wasm", no_end),
                        "unexpected end of section or function", "offset 0x");
}

TEST(BadInput, GarbageBytes) {
  std::string g;
  for (int i = 0; i < 1024; ++i) g += static_cast<char>((i * 37 + 11) & 0xFF);
  expect_one_line_error(write_file("garbage.wasm", g), "magic header not detected", "offset 0x0");
}

TEST(BadInput, HugeDeclaredSectionLength) {
  std::string m = kHeader + "\x01" + leb(uint64_t{1} << 30) + "\x01\x60";
  expect_one_line_error(write_file("huge-section.wasm", m), "length out of bounds", "offset 0x");
}

TEST(BadInput, HugeDeclaredVectorCount) {
  std::string m = kHeader + "\x01\x06" + leb(0xFFFFFFF0u) + "\x60";
  expect_one_line_error(write_file("huge-count.wasm", m), "unexpected end", "offset 0x");
}

TEST(BadInput, HundredThousandNestedBlocksBinary) {
  const int n = 100000;
  std::string body = std::string("\x00", 1);
  for (int i = 0; i < n; ++i) body += "\x02\x40";
  body += std::string(n + 1, '\x0b');
  std::string code = leb(1) + leb(body.size()) + body;
  std::string m = kHeader + "\x01\x04\x01\x60\x00\x00"s + "\x03\x02\x01\x00"s + "\x0a" + leb(code.size()) + code;
  expect_one_line_error(write_file("deep.wasm", m), "nested too deeply", "offset 0x");
}

TEST(BadInput, HundredThousandNestedBlocksText) {
  std::string src = "(module (func ";
  for (int i = 0; i < 100000; ++i) src += "(block ";
  src += std::string(100000, ')') + "))";
  expect_one_line_error(write_file("deep.wat", src), "nested too deeply", "1:");
}

TEST(BadInput, UnterminatedString) {
  expect_one_line_error(write_file("unterminated.wat", "(module\n  (func (export \"f))\n"), "string", "2:");
  expect_one_line_error(write_file("unterminated-eof.wat", "(module (func (export \"f"), "unclosed string", "1:");
}

TEST(BadInput, ValidationErrorNamesOffset) {
  // i32.add with an empty stack.
  std::string m = kHeader + "\x01\x04\x01\x60\x00\x00"s + "\x03\x02\x01\x00"s +
                  "\x0a\x05\x01\x03\x00\x6a\x0b"s;
  expect_one_line_error(write_file("invalid.wasm", m), "type mismatch", "offset 0x");
}

TEST(BadInput, MissingFile) {
  Outcome o = run_petrel(temp_dir() / "does-not-exist.wasm");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("cannot open"), std::string::npos) << o.output;
}
