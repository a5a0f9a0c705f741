// WASI: our C test programs (tests/guest/wasi) run by `petrel run`; each test checks what the
// guest prints and what it did on the host (files only inside the granted folder).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <thread>
#include <vector>

#include "wasi_harness.hpp"

TEST(Wasi, ArgsAndEnvironment) {
  auto o = run_command(kPetrel + " run --env A=1 --env 'B=two words' " + guest("args_env") + " x 'y z' --env");
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.output, "argc=4\narg[1]=x\narg[2]=y z\narg[3]=--env\nenv:A=1\nenv:B=two words\n");
  // Nothing of the host's environment leaks unless asked for.
  o = run_command("PETREL_SECRET=s " + kPetrel + " run " + guest("args_env"));
  EXPECT_EQ(o.output.find("PETREL_SECRET"), std::string::npos);
  o = run_command("PETREL_SECRET=s " + kPetrel + " run --env-inherit " + guest("args_env"));
  EXPECT_NE(o.output.find("env:PETREL_SECRET=s"), std::string::npos);
}

TEST(Wasi, ExitStatusIsTheGuests) {
  EXPECT_EQ(run_command(kPetrel + " run " + guest("exit_code") + " 0").status, 0);
  EXPECT_EQ(run_command(kPetrel + " run " + guest("exit_code") + " 3").status, 3);
  EXPECT_EQ(run_command(kPetrel + " run " + guest("exit_code") + " 255").status, 255);
}

TEST(Wasi, StdinToStdoutFilter) {
  // stdout and stderr arrive together: the filtered text, then the byte count on stderr.
  auto o = run_command("printf 'hello, edge\\n' | " + kPetrel + " run " + guest("filter"));
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.output, "HELLO, EDGE\n12 bytes\n");
}

TEST(Wasi, ClocksAndSleep) {
  auto start = std::chrono::steady_clock::now();
  auto o = run_command(kPetrel + " run " + guest("clock_sleep"));
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(o.status, 0);
  EXPECT_NE(o.output.find("slept_enough=yes"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("realtime_after_2020=yes"), std::string::npos);
  EXPECT_NE(o.output.find("resolution_ok=yes"), std::string::npos);
  EXPECT_GE(elapsed, std::chrono::milliseconds(150));
}

TEST(Wasi, Random) {
  auto o = run_command(kPetrel + " run " + guest("random"));
  EXPECT_EQ(o.output, "distinct=yes\nnonzero=yes\n");
}

TEST(Wasi, FileOperationsHaveTheirEffectsInsideTheGrantedFolder) {
  TempDir t;
  fs::path box = t.path / "box";
  fs::create_directories(box);
  auto files = [&](const std::string& args) {
    return run_command(kPetrel + " run --dir /w:" + box.string() + " " + guest("files") + " " + args);
  };
  EXPECT_EQ(files("write /w/a.txt hello").status, 0);
  EXPECT_EQ(read_file(box / "a.txt"), "hello");
  EXPECT_EQ(files("append /w/a.txt _world").status, 0);
  EXPECT_EQ(files("cat /w/a.txt").output, "hello_world");
  EXPECT_EQ(files("mkdir /w/d").status, 0);
  EXPECT_TRUE(fs::is_directory(box / "d"));
  EXPECT_EQ(files("cp /w/a.txt /w/d/b.txt").status, 0);
  EXPECT_EQ(read_file(box / "d" / "b.txt"), "hello_world");
  EXPECT_EQ(files("ls /w").output, "a.txt\nd/\n");
  EXPECT_EQ(files("stat /w/d/b.txt").output.substr(0, 24), "type=file size=11 nlink=");
  EXPECT_EQ(files("symlink d/b.txt /w/lnk").status, 0);
  EXPECT_EQ(fs::read_symlink(box / "lnk"), "d/b.txt");
  EXPECT_EQ(files("readlink /w/lnk").output, "d/b.txt\n");
  EXPECT_EQ(files("lstat /w/lnk").output.substr(0, 12), "type=symlink");
  EXPECT_EQ(files("stat /w/lnk").output.substr(0, 17), "type=file size=11");
  EXPECT_EQ(files("link /w/a.txt /w/hard").status, 0);
  EXPECT_EQ(fs::hard_link_count(box / "a.txt"), 2u);
  EXPECT_EQ(files("mv /w/hard /w/d/moved").status, 0);
  EXPECT_TRUE(fs::exists(box / "d" / "moved"));
  EXPECT_EQ(files("truncate /w/a.txt 3").status, 0);
  EXPECT_EQ(read_file(box / "a.txt"), "hel");
  EXPECT_EQ(files("touch /w/a.txt 1000000000").status, 0);
  EXPECT_NE(files("stat /w/a.txt").output.find("mtime=1000000000"), std::string::npos);
  EXPECT_EQ(files("pio /w/p.bin").output, "pread=2AB pos=10\n");
  EXPECT_EQ(files("seek /w/p.bin").output, "size=10 tail=789\n");
  auto o = files("rmdir /w/d");
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.output, "error: rmdir: Directory not empty\n");
  EXPECT_EQ(files("rm /w/d/moved").status, 0);
  EXPECT_EQ(files("rm /w/d/b.txt").status, 0);
  EXPECT_EQ(files("rmdir /w/d").status, 0);
  EXPECT_FALSE(fs::exists(box / "d"));
  EXPECT_EQ(files("cat /w/nope").output, "error: cat: No such file or directory\n");
  // Nothing appeared beside the granted folder.
  std::vector<std::string> outside;
  for (const auto& e : fs::directory_iterator(t.path)) outside.push_back(e.path().filename());
  EXPECT_EQ(outside, std::vector<std::string>{"box"});
}

TEST(Wasi, ReadOnlyDirectoryRefusesWrites) {
  TempDir t;
  std::ofstream(t.path / "keep.txt") << "original";
  std::string dir = " --dir /r:" + t.path.string() + ":ro ";
  EXPECT_EQ(run_command(kPetrel + " run" + dir + guest("files") + " cat /r/keep.txt").output, "original");
  auto o = run_command(kPetrel + " run" + dir + guest("files") + " write /r/keep.txt changed");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("error: write:"), std::string::npos);
  EXPECT_EQ(run_command(kPetrel + " run" + dir + guest("files") + " mkdir /r/new").status, 1);
  EXPECT_EQ(run_command(kPetrel + " run" + dir + guest("files") + " rm /r/keep.txt").status, 1);
  EXPECT_EQ(read_file(t.path / "keep.txt"), "original");
  EXPECT_FALSE(fs::exists(t.path / "new"));
}

TEST(Wasi, SandboxEscapesAllFail) {
  TempDir t;
  fs::path box = t.path / "box";
  fs::create_directories(box / "a");
  std::ofstream(t.path / "secret.txt") << "secret";
  std::ofstream(box / "inside.txt") << "inside";
  fs::create_directory_symlink("..", box / "link-out");
  fs::create_symlink(t.path / "secret.txt", box / "abs-link");
  auto o = run_command(kPetrel + " run --dir /box:" + box.string() + " " + guest("escape"));
  EXPECT_EQ(o.status, 0) << o.output;
  EXPECT_EQ(o.output.find("ESCAPED"), std::string::npos) << o.output;
  EXPECT_EQ(std::count(o.output.begin(), o.output.end(), '\n'), 15) << o.output;
  // The host outside the box is untouched.
  EXPECT_EQ(read_file(t.path / "secret.txt"), "secret");
  std::vector<std::string> outside;
  for (const auto& e : fs::directory_iterator(t.path)) outside.push_back(e.path().filename());
  std::sort(outside.begin(), outside.end());
  EXPECT_EQ(outside, (std::vector<std::string>{"box", "secret.txt"}));
  EXPECT_FALSE(fs::exists(box / "stolen"));
  EXPECT_FALSE(fs::exists(box / "stolen2"));
}

// The edges of preview1 that the official WASI testsuite checks (guest preview1_edges): a
// box holding "file", "dir/inner" and "out", a symlink to a directory outside the box.
struct EdgeBox {
  TempDir t;
  fs::path box = t.path / "box", outside = t.path / "outside";
  EdgeBox() {
    fs::create_directories(box / "dir");
    fs::create_directories(outside);
    std::ofstream(box / "file") << "data";
    std::ofstream(box / "dir" / "inner") << "inner";
    fs::create_directory_symlink(outside, box / "out");
  }
  std::string run(const std::string& group) {
    auto o = run_command(kPetrel + " run --dir /w:" + box.string() + " " + guest("preview1_edges") + " " + group);
    EXPECT_EQ(o.status, 0) << o.output;
    return o.output;
  }
};

TEST(Wasi, SocketCallsOnAFileAreNotASocket) {
  EdgeBox b;
  // ENOTSOCK (57) whatever rights the fd has: stdout and a file hold no socket rights.
  EXPECT_EQ(b.run("sockets"), "sock_shutdown_stdout=57\nsock_shutdown_file=57\nsock_recv_file=57\n");
}

TEST(Wasi, TrailingSlashesNameDirectoriesAndNeverLeaveTheBox) {
  EdgeBox b;
  auto before = fs::last_write_time(b.outside);
  // ENOTDIR 54, EISDIR 31, ENOENT 44, EEXIST 20, ENOTCAPABLE 76.
  EXPECT_EQ(b.run("slashes"),
            "unlink_file_slash=54\nunlink_dir_slash=31\nsymlink_to_new_slash=44\nsymlink_to_file_slash=20\n"
            "link_to_new_slash=44\nlink_from_file_slash=54\nrename_file_slash=54\nstat_file_slash=54\n"
            "stat_dir_slash=0\nmkdir_slash=0\nrmdir_slash=0\n"
            "stat_out_slash=76\ntimes_out_slash=76\nreadlink_out_slash=76\nlink_from_out_slash=76\n"
            "unlink_out_slash=54\nrmdir_out_slash=54\nrename_out_slash=54\n");
  // Nothing was made, removed or moved; the directory outside is as it was.
  EXPECT_EQ(read_file(b.box / "file"), "data");
  EXPECT_TRUE(fs::is_directory(b.box / "dir"));
  EXPECT_TRUE(fs::is_symlink(b.box / "out"));
  for (const char* name : {"new", "moved", "made"}) EXPECT_FALSE(fs::exists(fs::symlink_status(b.box / name))) << name;
  EXPECT_TRUE(fs::is_directory(b.outside));
  EXPECT_TRUE(fs::is_empty(b.outside));
  EXPECT_EQ(fs::last_write_time(b.outside), before);
}

TEST(Wasi, PathsWithANulAndAbsoluteSymlinksAreRefused) {
  EdgeBox b;
  // EILSEQ (25) for a NUL anywhere in a path; ENOTCAPABLE (76) for a link to an absolute path.
  EXPECT_EQ(b.run("names"),
            "open_trailing_nul=25\nopen_embedded_nul=25\nopen_plain=0\n"
            "symlink_to_root=76\nsymlink_to_absolute=76\nsymlink_to_relative=0\n");
  EXPECT_FALSE(fs::exists(fs::symlink_status(b.box / "abs")));
  EXPECT_EQ(fs::read_symlink(b.box / "rel"), "dir/inner");
}

TEST(Wasi, DirectoryOpenedAsOneForWritingIsEisdir) {
  EdgeBox b;
  EXPECT_EQ(b.run("directories"), "open_directory_read_write=31\nopen_directory_read=0\nopen_dir_read_write_as_any=0\n");
}

TEST(Wasi, RightsOfTruncSeekPollAndSyncFlags) {
  EdgeBox b;
  EXPECT_EQ(b.run("rights"),
            "trunc_without_right=76\ncreat_with_right=0\n"
            "tell_only_seek_cur_0=0\ntell_only_seek_set_1=76\ntell_only_tell=0\n"
            "seek_only_seek_cur_0=0\nseek_only_seek_set_1=0\nseek_only_tell=0\n"
            "neither_seek_cur_0=76\nneither_seek_set_1=76\nneither_tell=76\n"
            "poll_read_on_write_only=76\npoll_write_on_write_only=0\npoll_read_without_poll_right=76\n"
            "dsync_without_datasync=76\nsync_with_sync=0\nsync_without_sync=76\nrsync_without_sync=76\n"
            "dsync_with_datasync=0\n");
  EXPECT_EQ(read_file(b.box / "dir" / "inner"), "inner");  // not truncated
  EXPECT_TRUE(fs::exists(b.box / "dir" / "created"));
}

TEST(Wasi, NetworkIsDeniedByDefault) {
  auto o = run_command(kPetrel + " run " + guest("tcp_client") + " 9 x");
  EXPECT_EQ(o.output, "sock_open failed: errno 2\n");  // EACCES
  o = run_command(kPetrel + " run " + guest("getaddrinfo") + " localhost 8080");
  EXPECT_EQ(o.output, "getaddrinfo failed: errno 2\n");
  // An allow list admits only what it names.
  o = run_command(kPetrel + " run --allow-net=127.0.0.1:9 " + guest("tcp_client") + " 10 x");
  EXPECT_EQ(o.output, "connect failed: errno 2\n");
}

TEST(Wasi, GetaddrinfoLocalhost) {
  auto o = run_command(kPetrel + " run --allow-net " + guest("getaddrinfo") + " localhost 8080");
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.output, "family=1 socktype=2 protocol=1 port=8080 addr=127.0.0.1\n");
}

TEST(Wasi, UdpEcho) {
  uint16_t port = test_port(1);
  Server server({"run", "--allow-net", guest("udp_echo"), "server", std::to_string(port), "1"});
  ASSERT_TRUE(server.wait_for_line("listening"));
  auto o = run_command(kPetrel + " run --allow-net " + guest("udp_echo") + " client " + std::to_string(port) + " ping");
  EXPECT_EQ(o.output, "echo: ping from 127.0.0.1:" + std::to_string(port) + "\n");
}

TEST(Wasi, TcpEchoServesHundredConcurrentClientsAndStopsOnSigterm) {
  uint16_t port = test_port(2);
  Server server({"run", "--allow-net=127.0.0.1:" + std::to_string(port), "--env", "ECHO_ADDRESS=127.0.0.1", guest("echo_server"),
                 std::to_string(port)});
  ASSERT_TRUE(server.wait_for_line("listening on 127.0.0.1:" + std::to_string(port)));
  // The guest's own client first.
  auto o = run_command(kPetrel + " run --allow-net " + guest("tcp_client") + " " + std::to_string(port) + " 'from wasm'");
  EXPECT_EQ(o.output, "echo: from wasm\n");
  // Then 100 host clients at once; the server takes them in turn.
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 100; ++i) {
    clients.emplace_back([&, i] {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(port);
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      timeval tv{20, 0};
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        close(fd);
        return;
      }
      std::string sent;
      for (int line = 0; line < 5; ++line) sent += "client " + std::to_string(i) + " line " + std::to_string(line) + "\n";
      if (write(fd, sent.data(), sent.size()) != static_cast<ssize_t>(sent.size())) {
        close(fd);
        return;
      }
      shutdown(fd, SHUT_WR);
      std::string got;
      char buf[1024];
      ssize_t n;
      while ((n = read(fd, buf, sizeof buf)) > 0) got.append(buf, static_cast<size_t>(n));
      close(fd);
      if (got == sent) ++ok;
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), 100);
  int status = server.stop(SIGTERM, std::chrono::milliseconds(2000));
  ASSERT_NE(status, -1) << "the server did not stop within 2 s of SIGTERM";
  EXPECT_TRUE(WIFSIGNALED(status) || WIFEXITED(status));
}

TEST(Wasi, TrapReportsFileAndMessage) {
  TempDir t;
  fs::path wat = t.path / "oob.wat";
  std::ofstream(wat) << R"((module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
    (memory (export "memory") 1)
    (func (export "_start") (drop (i32.load (i32.const 70000))))))";
  auto o = run_command(kPetrel + " run " + wat.string());
  EXPECT_EQ(o.status, 134);
  // The location: the function's name and the trapping load's offset in the code.
  EXPECT_EQ(o.output, "petrel: trap in " + wat.string() + ": out of bounds memory access (function _start, offset 0x4)\n");
}
