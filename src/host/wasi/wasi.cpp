#include "host/wasi/wasi.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

#include "host/wasi/context.hpp"
#include "host/wasi/functions.hpp"

namespace petrel::wasi {

constexpr const char* kModule = "wasi_snapshot_preview1";

namespace {

// Why directory `fd` (opened from `p.host_path`) must not be preopened, if it must not: procfs
// and its kin would give the guest Petrel's own memory (/proc/self/mem), other processes,
// kernel settings and devices.
std::optional<std::string> special_fs_refusal(int fd, const Preopen& p) {
  constexpr const char* kWhy = "a kernel interface through which a guest could reach the host's processes and settings";
  if (auto type = special_fs_of(fd))
    return fmt::format("refusing to preopen '{}': it is on {}, {}", p.host_path, *type, kWhy);
  if (p.allow_special_fs_below) return std::nullopt;
  if (auto mount = special_fs_mount_below(p.host_path))
    return fmt::format("refusing to preopen '{}': {} is mounted below it, {}; grant a directory without one "
                       "(or, unsafe, petrel run --allow-special-fs-below)", p.host_path, *mount, kWhy);
  return std::nullopt;
}

}  // namespace

Wasi::Wasi(std::unique_ptr<Context> ctx) : ctx_(std::move(ctx)) {}
Wasi::~Wasi() = default;

Result<std::unique_ptr<Wasi>> Wasi::create(Options options) {
  auto ctx = std::make_unique<Context>(std::move(options));
  auto stdio = [&](int host_fd, uint64_t rights) {
    FdEntry e;
    e.host_fd = host_fd;
    e.type = Context::filetype_of(host_fd);
    if (e.type == kUnknown) e.type = kCharacterDevice;
    e.rights_base = rights | rights::fd_fdstat_set_flags | rights::fd_filestat_get | rights::poll_fd_readwrite;
    e.owned = false;
    ctx->add_fd(std::move(e));
  };
  stdio(ctx->options.stdin_fd, rights::fd_read);
  stdio(ctx->options.stdout_fd, rights::fd_write);
  stdio(ctx->options.stderr_fd, rights::fd_write);
  for (const auto& p : ctx->options.preopens) {
    int fd = open(p.host_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
      return std::unexpected(Error{Error::Kind::Io, fmt::format("cannot open directory '{}' for --dir: {}", p.host_path,
                                                                std::strerror(errno)), {}});
    if (auto refused = special_fs_refusal(fd, p)) {
      close(fd);
      return std::unexpected(Error{Error::Kind::Io, *refused, {}});
    }
    FdEntry e;
    e.host_fd = fd;
    e.type = kDirectory;
    e.readonly = p.readonly;
    e.rights_base = rights::directory;
    e.rights_inheriting = rights::directory | rights::file;
    if (p.readonly) {
      e.rights_base &= ~rights::writes;
      e.rights_inheriting &= ~rights::writes;
    }
    e.preopen_name = p.guest_path;
    ctx->add_fd(std::move(e));
  }
  return std::unique_ptr<Wasi>(new Wasi(std::move(ctx)));
}

void Wasi::define(Store& store, Linker& linker, const Module* module) {
  // WasmEdge's sock_accept(fd, out_fd) and preview1's sock_accept(fd, flags, out_fd) share a
  // name: an extension call that shares a name with a preview1 one is defined instead of it
  // only when the module imports it with the extension's parameters.
  auto imported_with = [module](const Call& call) {
    if (!module) return false;
    auto params = call.signature.params();
    for (const auto& imp : module->imports)
      if (imp.module == call.module && imp.name == call.name && imp.kind == ExternKind::Func &&
          imp.func_type < module->types.size() &&
          std::equal(params.begin(), params.end(), module->types[imp.func_type].params.begin(),
                     module->types[imp.func_type].params.end()))
        return true;
    return false;
  };
  auto calls = host_calls();
  auto shadowed = [&](const Call& call) {
    for (const Call& other : calls)
      if (&other != &call && other.module == call.module && other.name == call.name)
        return call.origin == Origin::kWasmEdge ? !imported_with(call) : imported_with(other);
    return false;
  };
  for (const Call& call : calls) {
    if (shadowed(call)) continue;
    Context* ctx = ctx_.get();
    std::string module_name(call.module), name(call.name);
    auto* f = store.add_host_func(call.signature.func_type(),
        [ctx, &call](std::span<const uint64_t> args, std::span<uint64_t> results) -> Result<void> {
          PETREL_TRY(e, call.fn(*ctx, Args{args, call.needs}));
          if (!results.empty()) results[0] = e;
          return {};
        }, module_name + "." + name);
    linker.define(module_name, name, ExternVal{ExternKind::Func, f});
  }
}

Result<void> Wasi::bind(ModuleInstance& instance) {
  auto mem = instance.find_export("memory");
  if (!mem || mem->kind != ExternKind::Memory)
    return std::unexpected(Error{Error::Kind::Unlinkable, "a WASI module must export its memory as \"memory\"", {}});
  ctx_->memory = mem->memory();
  return {};
}

std::optional<std::string> special_fs_at(const std::string& path) {
  int fd = open(path.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  auto type = special_fs_of(fd);
  close(fd);
  return type;
}

bool imports_wasi(const Module& m) {
  for (const auto& imp : m.imports)
    if (imp.module == kModule) return true;
  return false;
}

}  // namespace petrel::wasi
