// The WASI sandbox against a guest that tries to get around it: rights that must be
// missing, the network allow list, signals that must not reach the host, special file
// systems, and a guest that opens many files. Guests are tests/guest/wasi/sec_*.c.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <petrel/petrel.hpp>
#include <thread>

#include "wasi_harness.hpp"

// ---- finding 2: a read-only preopen gives no writable name for its files ---------------------
TEST(WasiSecurity, ReadOnlyPreopenCannotBeLinkedMovedOrSymlinkedFrom) {
  TempDir t;
  fs::create_directories(t.path / "ro");
  fs::create_directories(t.path / "rw");
  std::ofstream(t.path / "ro" / "keep.txt") << "original";
  auto files = [&](const std::string& args) {
    return run_command(kPetrel + " run --dir /r:" + (t.path / "ro").string() + ":ro --dir /w:" +
                       (t.path / "rw").string() + " " + guest("files") + " " + args);
  };
  auto o = files("link /r/keep.txt /w/hard");
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.output, "error: link: Capabilities insufficient\n");
  o = files("mv /r/keep.txt /w/moved");
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.output, "error: mv: Capabilities insufficient\n");
  o = files("symlink keep.txt /r/lnk");
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.output, "error: symlink: Capabilities insufficient\n");
  EXPECT_FALSE(fs::exists(t.path / "rw" / "hard"));
  EXPECT_FALSE(fs::exists(t.path / "rw" / "moved"));
  EXPECT_FALSE(fs::is_symlink(t.path / "ro" / "lnk"));
  EXPECT_EQ(fs::hard_link_count(t.path / "ro" / "keep.txt"), 1u);
  EXPECT_EQ(read_file(t.path / "ro" / "keep.txt"), "original");
  // The writable preopen still links within itself.
  std::ofstream(t.path / "rw" / "mine.txt") << "mine";
  EXPECT_EQ(files("link /w/mine.txt /w/again").status, 0);
  EXPECT_EQ(fs::hard_link_count(t.path / "rw" / "mine.txt"), 2u);
}
