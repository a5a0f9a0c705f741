// libFuzzer target: random sequences of wasi_snapshot_preview1 calls with random arguments
// against a fresh preopened directory that holds files, folders and symlinks pointing outside
// it. Checks that nothing outside the preopen changes (a canary folder beside it, whose tree,
// contents and mtimes are compared after every input), that the host does not crash and that
// no host file descriptors leak.
//
// The calls go through the same host functions a guest reaches: a generated module imports
// every WASI function, re-exports each one and exports its memory; `Wasi::bind` points the
// functions at that memory, whose contents (paths, iovecs, subscriptions) the input writes.
//
// Input: a list of operations. An operation's first byte picks either a write into guest
// memory (a path from a small alphabet into one of the path slots, an iovec array, raw bytes,
// or a 32/64-bit word) or a call of one WASI function, whose arguments follow, each drawn
// according to its role (fd, path pointer and its length, out pointer, flags, rights, ...).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "host/wasi/wasi.hpp"
#include "interp/interpreter.hpp"
#include "runtime/instantiate.hpp"

using namespace petrel;

namespace {

// ---- the WASI functions and the role of each parameter ------------------------------------
// Roles: f fd, p path pointer, l its length, o out pointer, i iovec pointer, c its count,
// n length or count, g flags or small enum, s poll subscriptions (pointer), k their count
// (i32); R rights, W offset or size, T timestamp, A fd_allocate length (i64).
struct WasiFunc {
  const char* name;
  const char* roles;
};

constexpr WasiFunc kFuncs[] = {
    {"args_get", "oo"}, {"args_sizes_get", "oo"}, {"environ_get", "oo"}, {"environ_sizes_get", "oo"},
    {"clock_res_get", "go"}, {"clock_time_get", "gTo"}, {"random_get", "on"}, {"sched_yield", ""},
    {"proc_raise", "g"}, {"proc_exit", "g"},
    {"fd_write", "fico"}, {"fd_read", "fico"}, {"fd_pwrite", "ficWo"}, {"fd_pread", "ficWo"},
    {"fd_seek", "fWgo"}, {"fd_tell", "fo"}, {"fd_close", "f"}, {"fd_renumber", "ff"},
    {"fd_fdstat_get", "fo"}, {"fd_fdstat_set_flags", "fg"}, {"fd_fdstat_set_rights", "fRR"},
    {"fd_filestat_get", "fo"}, {"fd_filestat_set_size", "fW"}, {"fd_filestat_set_times", "fTTg"},
    {"fd_advise", "fWWg"}, {"fd_allocate", "fWA"}, {"fd_datasync", "f"}, {"fd_sync", "f"},
    {"fd_prestat_get", "fo"}, {"fd_prestat_dir_name", "fon"}, {"fd_readdir", "fonWo"},
    {"path_create_directory", "fpl"}, {"path_filestat_get", "fgplo"}, {"path_filestat_set_times", "fgplTTg"},
    {"path_link", "fgplfpl"}, {"path_open", "fgplgRRgo"}, {"path_readlink", "fplono"},
    {"path_remove_directory", "fpl"}, {"path_rename", "fplfpl"}, {"path_symlink", "plfpl"},
    {"path_unlink_file", "fpl"}, {"poll_oneoff", "soko"},
    {"sock_recv", "ficgoo"}, {"sock_send", "ficgo"}, {"sock_shutdown", "fg"},
    {"sock_open", "ggo"}, {"sock_bind", "fog"}, {"sock_listen", "fg"}, {"sock_accept", "fgo"},
    {"sock_connect", "fog"}, {"sock_recv_from", "ficogoo" "o"}, {"sock_send_to", "ficogo" "o"},
    {"sock_getlocaladdr", "fooo"}, {"sock_getpeeraddr", "fooo"}, {"sock_setsockopt", "fggon"},
    {"sock_getsockopt", "fggoo"}, {"sock_getaddrinfo", "plplooo" "o"},
};
constexpr size_t kNumFuncs = std::size(kFuncs);

bool is_i64_role(char r) { return r >= 'A' && r <= 'Z'; }

// ---- guest memory layout ---------------------------------------------------------------------
constexpr uint32_t kMemSize = 65536;
constexpr uint32_t kPathSlots = 8, kPathBase = 0x1000, kPathSlotSize = 0x400;   // 0x1000..0x3000
constexpr uint32_t kIovSlots = 4, kIovBase = 0x3000, kIovSlotSize = 0x40;       // 0x3000..0x3100
constexpr uint32_t kSubBase = 0x3100, kMaxSubs = 4, kSubSize = 48;              // poll subscriptions
constexpr uint32_t kScratchBase = 0x4000;                                        // outputs, buffers

// ---- the sandbox: ROOT/pre is the preopen, ROOT/canary must never change ---------------------
struct Sandbox {
  std::string root, pre, canary;
  int null_fd = -1;
};

Sandbox& sandbox() {
  // Never destroyed: the exit handler that removes the folder still needs it.
  static Sandbox& s = *[] {
    auto* made = new Sandbox;
    Sandbox& s = *made;
    // tmpfs when there is one: fd_sync is free there and the fuzzer does not wear a disk.
    std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    std::string tmpl = base + "/petrel-fuzz-wasi-XXXXXX";
    if (!mkdtemp(tmpl.data())) {
      std::perror("fuzz_wasi: mkdtemp");
      std::abort();
    }
    s.root = tmpl;
    s.pre = s.root + "/pre";
    s.canary = s.root + "/canary";
    s.null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(sandbox().root, ec);
    });
    return made;
  }();
  return s;
}

void write_file(const std::string& path, const std::string& contents) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 || write(fd, contents.data(), contents.size()) != static_cast<ssize_t>(contents.size())) {
    std::perror(("fuzz_wasi: " + path).c_str());
    std::abort();
  }
  close(fd);
}

void must(int rc, const std::string& what) {
  if (rc != 0) {
    std::perror(("fuzz_wasi: " + what).c_str());
    std::abort();
  }
}

void make_canary(const Sandbox& s) {
  must(mkdir(s.canary.c_str(), 0755), s.canary);
  must(mkdir((s.canary + "/dir").c_str(), 0755), "canary/dir");
  write_file(s.canary + "/secret.txt", "secret contents\n");
  write_file(s.canary + "/dir/inner.txt", "inner contents\n");
  must(symlink("secret.txt", (s.canary + "/alias").c_str()), "canary/alias");
}

// The preopen's contents, made afresh for every input.
void make_preopen(const Sandbox& s) {
  std::error_code ec;
  std::filesystem::remove_all(s.pre, ec);
  if (ec) {
    std::fprintf(stderr, "fuzz_wasi: cannot remove %s: %s\n", s.pre.c_str(), ec.message().c_str());
    std::abort();
  }
  const std::string& p = s.pre;
  must(mkdir(p.c_str(), 0755), p);
  must(mkdir((p + "/sub").c_str(), 0755), "pre/sub");
  must(mkdir((p + "/sub/deep").c_str(), 0755), "pre/sub/deep");
  write_file(p + "/a.txt", "hello\n");
  write_file(p + "/sub/b.txt", "world\n");
  struct Link {
    std::string target, name;
  };
  const Link links[] = {
      {s.canary + "/secret.txt", "abs_out"},    // absolute, to a file outside
      {s.canary, "abs_dir"},                    // absolute, to a folder outside
      {s.root, "abs_root"},                     // absolute, to the preopen's parent
      {"../canary/secret.txt", "rel_out"},      // relative, escaping by ..
      {"../canary", "rel_dir"},
      {"../canary/created", "dangling_out"},    // names a file outside that does not exist
      {"../../canary/dir", "sub/up"},           // escaping from a subfolder
      {"..", "sub/parent"},                     // stays inside: sub/.. is the preopen
      {"sub/b.txt", "inner"},                   // inside
      {"loop", "loop"},                         // a loop
      {".", "dot"},
  };
  for (const auto& l : links) must(symlink(l.target.c_str(), (p + "/" + l.name).c_str()), l.name);
}

// ---- snapshots of everything outside the preopen ---------------------------------------------
struct EntryState {
  mode_t mode = 0;
  off_t size = 0;
  nlink_t links = 0;  // a hard link made from inside would show here
  int64_t mtime_ns = 0, ctime_ns = 0;
  std::string content;  // a file's bytes or a symlink's target
  bool operator==(const EntryState&) const = default;
};
using Snapshot = std::map<std::string, EntryState>;

void snapshot_dir(const std::string& dir, const std::string& rel, const std::string& skip, Snapshot& out) {
  DIR* d = opendir(dir.c_str());
  if (!d) {
    out[rel + "/<unreadable>"] = {};
    return;
  }
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string path = dir + "/" + name, key = rel + "/" + name;
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) continue;
    EntryState es;
    es.mode = st.st_mode;
    if (path == skip) {  // the preopen: only that it is still a folder
      out[key] = es;
      continue;
    }
    es.size = st.st_size;
    es.links = st.st_nlink;
    es.mtime_ns = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
    es.ctime_ns = int64_t{st.st_ctim.tv_sec} * 1000000000 + st.st_ctim.tv_nsec;
    if (S_ISLNK(st.st_mode)) {
      char buf[4096];
      ssize_t n = readlink(path.c_str(), buf, sizeof buf);
      es.content.assign(buf, n > 0 ? static_cast<size_t>(n) : 0);
    } else if (S_ISREG(st.st_mode)) {
      int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
      char buf[4096];
      ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf) : -1;
      es.content.assign(buf, n > 0 ? static_cast<size_t>(n) : 0);
      if (fd >= 0) close(fd);
    }
    out[key] = es;
    if (S_ISDIR(st.st_mode)) snapshot_dir(path, key, skip, out);
  }
  closedir(d);
}

Snapshot snapshot_outside(const Sandbox& s) {
  Snapshot snap;
  struct stat st {};
  if (stat(s.root.c_str(), &st) == 0) snap["<root>"].mode = st.st_mode;
  snapshot_dir(s.root, "", s.pre, snap);
  return snap;
}

void report_changes(const Snapshot& before, const Snapshot& after) {
  for (const auto& [k, v] : before) {
    auto it = after.find(k);
    if (it == after.end()) std::fprintf(stderr, "fuzz_wasi: outside the preopen, %s was removed\n", k.c_str());
    else if (!(it->second == v)) std::fprintf(stderr, "fuzz_wasi: outside the preopen, %s changed\n", k.c_str());
  }
  for (const auto& [k, v] : after)
    if (!before.contains(k)) std::fprintf(stderr, "fuzz_wasi: outside the preopen, %s was created\n", k.c_str());
}

int count_open_fds() {
  int n = 0;
  if (DIR* d = opendir("/proc/self/fd")) {
    while (readdir(d)) ++n;
    closedir(d);
  }
  return n;
}

// ---- the generated module: imports every function, re-exports it, exports its memory -------
std::shared_ptr<const LoadedModule> wasi_module() {
  static std::shared_ptr<const LoadedModule> lm = [] {
    Module m;
    for (uint32_t i = 0; i < kNumFuncs; ++i) {
      FuncType t;
      for (const char* r = kFuncs[i].roles; *r; ++r) t.params.push_back(is_i64_role(*r) ? ValType::I64 : ValType::I32);
      if (std::strcmp(kFuncs[i].name, "proc_exit") != 0) t.results.push_back(ValType::I32);
      m.types.push_back(t);
      Import imp;
      imp.module = "wasi_snapshot_preview1";
      imp.name = kFuncs[i].name;
      imp.func_type = i;
      m.add_import(imp);
      m.exports.push_back(Export{kFuncs[i].name, ExternKind::Func, i});
    }
    m.memories.push_back(MemoryType{{1, 1}});
    m.exports.push_back(Export{"memory", ExternKind::Memory, 0});
    auto loaded = load_ir(std::move(m));
    if (!loaded) {
      std::fprintf(stderr, "fuzz_wasi: the generated module is invalid: %s\n", loaded.error().describe().c_str());
      std::abort();
    }
    return *loaded;
  }();
  return lm;
}

// ---- decoding the input ------------------------------------------------------------------------
const char* const kComponents[] = {
    "..", ".", "", "a.txt", "sub", "b.txt", "deep", "abs_out", "abs_dir", "abs_root", "rel_out", "rel_dir",
    "dangling_out", "up", "parent", "inner", "loop", "dot", "canary", "secret.txt", "dir", "inner.txt",
    "created", "pre", "new", "new2", "x\xff\xfe", "con\n",
};

struct Decoder {
  FuzzedDataProvider& in;
  uint8_t* mem;
  uint32_t slot_len[kPathSlots] = {};
  uint32_t iov_count[kIovSlots] = {};
  uint32_t last_path = 0, last_iov = 0;

  std::string make_path() {
    std::string path;
    if (in.ConsumeBool() && in.ConsumeBool()) path = "/";
    size_t n = in.ConsumeIntegralInRange<size_t>(1, 6);
    for (size_t i = 0; i < n; ++i) {
      if (i) path += "/";
      uint8_t pick = in.ConsumeIntegral<uint8_t>();
      if (pick < 240) path += kComponents[pick % std::size(kComponents)];
      else path += std::string(pick == 255 ? 300 : 255, 'n');  // at and past NAME_MAX
    }
    if (in.ConsumeBool() && in.ConsumeBool()) path += "/";
    return path;
  }

  uint32_t pick_address() {
    switch (in.ConsumeIntegral<uint8_t>() % 6) {
      case 0: return kMemSize - in.ConsumeIntegralInRange<uint32_t>(0, 64);  // straddling the end
      case 1: return in.ConsumeIntegral<uint32_t>();                          // anywhere, mostly out
      case 2: return kPathBase + (in.ConsumeIntegral<uint8_t>() % kPathSlots) * kPathSlotSize;
      default: return kScratchBase + in.ConsumeIntegralInRange<uint32_t>(0, 0x1000);
    }
  }

  uint32_t pick_length() {
    switch (in.ConsumeIntegral<uint8_t>() % 5) {
      case 0: return in.ConsumeIntegral<uint32_t>();
      case 1: return in.ConsumeIntegralInRange<uint32_t>(0, kMemSize);
      default: return in.ConsumeIntegralInRange<uint32_t>(0, 64);
    }
  }

  void memory_op(uint8_t op) {
    switch (op % 5) {
      case 0: {  // a path into a slot
        uint32_t slot = in.ConsumeIntegral<uint8_t>() % kPathSlots;
        std::string p = make_path();
        if (p.size() > kPathSlotSize) p.resize(kPathSlotSize);
        std::memcpy(mem + kPathBase + slot * kPathSlotSize, p.data(), p.size());
        slot_len[slot] = static_cast<uint32_t>(p.size());
        break;
      }
      case 1: {  // an iovec array into a slot
        uint32_t slot = in.ConsumeIntegral<uint8_t>() % kIovSlots;
        uint32_t n = in.ConsumeIntegralInRange<uint32_t>(0, kIovSlotSize / 8);
        for (uint32_t i = 0; i < n; ++i) {
          uint32_t iov[2] = {pick_address(), pick_length()};
          std::memcpy(mem + kIovBase + slot * kIovSlotSize + i * 8, iov, 8);
        }
        iov_count[slot] = n;
        break;
      }
      case 2: {  // a poll subscription: clock (0), fd_read (1) or fd_write (2)
        uint8_t* sub = mem + kSubBase + in.ConsumeIntegralInRange<uint32_t>(0, kMaxSubs - 1) * kSubSize;
        uint64_t userdata = in.ConsumeIntegral<uint64_t>(), timeout = in.ConsumeIntegral<uint64_t>();
        uint32_t clock_or_fd = in.ConsumeIntegralInRange<uint32_t>(0, 8);
        uint16_t flags = in.ConsumeIntegral<uint16_t>() & 3;
        std::memset(sub, 0, kSubSize);
        std::memcpy(sub, &userdata, 8);
        sub[8] = in.ConsumeIntegralInRange<uint8_t>(0, 3);
        std::memcpy(sub + 16, &clock_or_fd, 4);
        std::memcpy(sub + 24, &timeout, 8);
        std::memcpy(sub + 40, &flags, 2);
        break;
      }
      case 3: {  // raw bytes
        uint32_t at = std::min(pick_address(), kMemSize - 1);
        auto bytes = in.ConsumeBytes<uint8_t>(in.ConsumeIntegralInRange<size_t>(0, 64));
        size_t n = std::min<size_t>(bytes.size(), kMemSize - at);
        if (n) std::memcpy(mem + at, bytes.data(), n);
        break;
      }
      default: {  // a word, e.g. a subscription's fields
        uint32_t at = in.ConsumeIntegralInRange<uint32_t>(0, kMemSize - 8);
        uint64_t v = in.ConsumeBool() ? in.ConsumeIntegral<uint64_t>() : in.ConsumeIntegralInRange<uint64_t>(0, 16);
        std::memcpy(mem + at, &v, in.ConsumeBool() ? 8 : 4);
        break;
      }
    }
  }

  uint64_t arg(char role) {
    bool wild = in.ConsumeIntegral<uint8_t>() < 16;  // now and then any value at all
    if (wild) return is_i64_role(role) ? in.ConsumeIntegral<uint64_t>() : in.ConsumeIntegral<uint32_t>();
    switch (role) {
      case 'f': {
        uint8_t b = in.ConsumeIntegral<uint8_t>();
        return b < 128 ? 3 : b % 12;  // 3 is the preopen; later fds are the ones path_open made
      }
      case 'p':
        last_path = in.ConsumeIntegral<uint8_t>() % kPathSlots;
        return kPathBase + last_path * kPathSlotSize;
      case 'l': return in.ConsumeIntegral<uint8_t>() < 224 ? slot_len[last_path] : pick_length();
      case 'o': return pick_address();
      case 'i':
        last_iov = in.ConsumeIntegral<uint8_t>() % kIovSlots;
        return kIovBase + last_iov * kIovSlotSize;
      case 'c': return in.ConsumeIntegral<uint8_t>() < 224 ? iov_count[last_iov] : pick_length();
      case 'n': return pick_length();
      case 'g': {
        uint8_t b = in.ConsumeIntegral<uint8_t>();
        return b < 192 ? in.ConsumeIntegral<uint16_t>() & ((1u << (b % 8 + 1)) - 1) : in.ConsumeIntegral<uint32_t>();
      }
      case 's': return kSubBase;
      case 'k': return in.ConsumeIntegralInRange<uint32_t>(0, kMaxSubs);
      case 'R': return in.ConsumeBool() ? ~uint64_t{0} : in.ConsumeIntegral<uint64_t>();
      case 'A': return in.ConsumeIntegralInRange<uint64_t>(0, 1 << 20);  // real blocks: kept small
      default:  // W, T
        switch (in.ConsumeIntegral<uint8_t>() % 4) {
          case 0: return in.ConsumeIntegral<uint64_t>();
          case 1: return uint64_t{1} << in.ConsumeIntegralInRange<int>(0, 63);
          default: return in.ConsumeIntegralInRange<uint64_t>(0, 1 << 16);
        }
    }
  }
};

// poll_oneoff's clock subscriptions are made short, so that a call never sleeps for long.
void shorten_poll_timeouts(uint8_t* mem) {
  for (uint32_t i = 0; i < kMaxSubs; ++i) {
    uint8_t* sub = mem + kSubBase + i * kSubSize;
    if (sub[8] != 0) continue;  // not a clock
    uint64_t timeout;
    std::memcpy(&timeout, sub + 24, 8);
    timeout %= 100000;  // 100 µs; absolute deadlines that small are long past
    std::memcpy(sub + 24, &timeout, 8);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Sandbox& s = sandbox();
  static Snapshot baseline = [&] {
    make_canary(s);
    make_preopen(s);
    return snapshot_outside(s);
  }();
  make_preopen(s);
  // Counted within the input: libFuzzer itself opens descriptors now and then (its symbolizer).
  int fds_before = count_open_fds();

  {
    wasi::Options options;
    options.args = {"fuzz", "--flag", ""};
    options.env = {"A=1", "EMPTY="};
    options.preopens.push_back({"/pre", s.pre, false});
    options.stdin_fd = options.stdout_fd = options.stderr_fd = s.null_fd;
    auto w = wasi::Wasi::create(options);
    if (!w) {
      std::fprintf(stderr, "fuzz_wasi: %s\n", w.error().message.c_str());
      std::abort();
    }
    interp::InterpreterConfig cfg;
    cfg.stack_slots = 1 << 10;
    cfg.max_frames = 16;
    Store store(std::make_unique<interp::Interpreter>(cfg));
    Linker linker;
    (*w)->define(store, linker);
    auto inst = linker.instantiate(store, wasi_module());
    if (!inst) {
      std::fprintf(stderr, "fuzz_wasi: cannot link the WASI module: %s\n", inst.error().describe().c_str());
      std::abort();
    }
    if (auto b = (*w)->bind(**inst); !b) std::abort();
    FuncInstance* funcs[kNumFuncs];
    for (size_t i = 0; i < kNumFuncs; ++i) funcs[i] = (*inst)->find_export(kFuncs[i].name)->func();
    uint8_t* mem = (*inst)->find_export("memory")->memory()->data();

    FuzzedDataProvider in(data, size);
    Decoder dec{in, mem};
    while (in.remaining_bytes() > 0) {
      uint8_t op = in.ConsumeIntegral<uint8_t>();
      if (op < 64) {
        dec.memory_op(op);
        continue;
      }
      const WasiFunc& fn = kFuncs[(op - 64) % kNumFuncs];
      std::vector<uint64_t> args;
      for (const char* r = fn.roles; *r; ++r) args.push_back(dec.arg(*r));
      if (std::strcmp(fn.name, "poll_oneoff") == 0) shorten_poll_timeouts(mem);
      uint64_t result = 0;
      std::span<uint64_t> results(&result, std::strcmp(fn.name, "proc_exit") == 0 ? 0 : 1);
      // Errors are traps of the guest (proc_exit's unwinding among them): the next call goes on.
      (void)store.call(funcs[(op - 64) % kNumFuncs], args, results);
    }
  }

  // Self-test of the check (scripts/fuzz runs it): an escape simulated by the harness itself,
  // which the comparison below must report.
  if (std::getenv("FUZZ_WASI_SELF_TEST")) write_file(s.canary + "/secret.txt", "overwritten\n");

  Snapshot now = snapshot_outside(s);
  if (now != baseline) {
    report_changes(baseline, now);
    std::abort();
  }
  int fds = count_open_fds();
  if (fds != fds_before) {
    std::fprintf(stderr, "fuzz_wasi: %d host file descriptors open after the input, %d before\n", fds, fds_before);
    std::abort();
  }
  return 0;
}
