// kCalls: every host call, its signature, its function and the rights it needs.
#include "host/wasi/functions.hpp"

#include "host/wasi/calls.hpp"

namespace petrel::wasi {
namespace {

constexpr ValType I32 = ValType::I32, I64 = ValType::I64;
constexpr std::string_view kPreview1 = "wasi_snapshot_preview1";
namespace r = rights;

// fd_seek that leaves the offset where it is (whence cur, offset 0) only tells it (witx:
// fd_tell is "the right to invoke fd_seek in such a way that the file offset remains
// unaltered"); Context::fd lets fd_seek stand for fd_tell, which it implies.
uint64_t fd_seek_needs(const Args& a) {
  return ((a.u32(2) & 0xFF) == kCur && a.u64(1) == 0) ? r::fd_tell : r::fd_seek;
}

// path_open: creating a file and truncating one are rights of the directory.
uint64_t path_open_needs(const Args& a) {
  uint16_t of = static_cast<uint16_t>(a.u32(4));
  return r::path_open | ((of & oflags::creat) ? r::path_create_file : 0) |
         ((of & oflags::trunc) ? r::path_filestat_set_size : 0);
}

// path_open: an fd opened to synchronise its writes (dsync) or all its I/O (rsync, sync)
// does what fd_datasync and fd_sync would do after each, so the directory must be able to
// give it those rights (witx: fd_datasync "includes the right to invoke path_open with
// fdflags::dsync", fd_sync likewise with rsync).
uint64_t path_open_inheriting_needs(const Args& a) {
  uint16_t ff = static_cast<uint16_t>(a.u32(7));
  return ((ff & fdflags::dsync) ? r::fd_datasync : 0) | ((ff & (fdflags::rsync | fdflags::sync)) ? r::fd_sync : 0);
}

using namespace calls;
constexpr Origin kWasmEdge = Origin::kWasmEdge;

const Call kCalls[] = {
    // preview1, in the order of wasi_snapshot_preview1.witx
    {kPreview1, "args_get", {I32, I32}, args_get, {}},
    {kPreview1, "args_sizes_get", {I32, I32}, args_sizes_get, {}},
    {kPreview1, "environ_get", {I32, I32}, environ_get, {}},
    {kPreview1, "environ_sizes_get", {I32, I32}, environ_sizes_get, {}},
    {kPreview1, "clock_res_get", {I32, I32}, clock_res_get, {}},
    {kPreview1, "clock_time_get", {I32, I64, I32}, clock_time_get, {}},
    {kPreview1, "fd_advise", {I32, I64, I64, I32}, fd_advise, {.fd = r::fd_advise}},
    {kPreview1, "fd_allocate", {I32, I64, I64}, fd_allocate, {.fd = r::fd_allocate}},
    {kPreview1, "fd_close", {I32}, fd_close, {}},
    {kPreview1, "fd_datasync", {I32}, fd_datasync, {.fd = r::fd_datasync}},
    {kPreview1, "fd_fdstat_get", {I32, I32}, fd_fdstat_get, {}},
    {kPreview1, "fd_fdstat_set_flags", {I32, I32}, fd_fdstat_set_flags, {.fd = r::fd_fdstat_set_flags}},
    {kPreview1, "fd_fdstat_set_rights", {I32, I64, I64}, fd_fdstat_set_rights, {}},
    {kPreview1, "fd_filestat_get", {I32, I32}, fd_filestat_get, {.fd = r::fd_filestat_get}},
    {kPreview1, "fd_filestat_set_size", {I32, I64}, fd_filestat_set_size, {.fd = r::fd_filestat_set_size}},
    {kPreview1, "fd_filestat_set_times", {I32, I64, I64, I32}, fd_filestat_set_times, {.fd = r::fd_filestat_set_times}},
    {kPreview1, "fd_pread", {I32, I32, I32, I64, I32}, fd_pread, {.fd = r::fd_read | r::fd_seek}},
    {kPreview1, "fd_prestat_get", {I32, I32}, fd_prestat_get, {}},
    {kPreview1, "fd_prestat_dir_name", {I32, I32, I32}, fd_prestat_dir_name, {}},
    {kPreview1, "fd_pwrite", {I32, I32, I32, I64, I32}, fd_pwrite, {.fd = r::fd_write | r::fd_seek}},
    {kPreview1, "fd_read", {I32, I32, I32, I32}, fd_read, {.fd = r::fd_read}},
    {kPreview1, "fd_readdir", {I32, I32, I32, I64, I32}, fd_readdir, {.fd = r::fd_readdir}},
    {kPreview1, "fd_renumber", {I32, I32}, fd_renumber, {}},
    {kPreview1, "fd_seek", {I32, I64, I32, I32}, fd_seek, {.fd_by_args = fd_seek_needs}},
    {kPreview1, "fd_sync", {I32}, fd_sync, {.fd = r::fd_sync}},
    {kPreview1, "fd_tell", {I32, I32}, fd_tell, {.fd = r::fd_tell}},
    {kPreview1, "fd_write", {I32, I32, I32, I32}, fd_write, {.fd = r::fd_write}},
    {kPreview1, "path_create_directory", {I32, I32, I32}, path_create_directory, {.fd = r::path_create_directory}},
    {kPreview1, "path_filestat_get", {I32, I32, I32, I32, I32}, path_filestat_get, {.fd = r::path_filestat_get}},
    {kPreview1, "path_filestat_set_times", {I32, I32, I32, I32, I64, I64, I32}, path_filestat_set_times,
     {.fd = r::path_filestat_set_times}},
    {kPreview1, "path_link", {I32, I32, I32, I32, I32, I32, I32}, path_link,
     {.fd = r::path_link_source, .target = r::path_link_target}},
    {kPreview1, "path_open", {I32, I32, I32, I32, I32, I64, I64, I32, I32}, path_open,
     {.fd_by_args = path_open_needs, .inheriting_by_args = path_open_inheriting_needs}},
    {kPreview1, "path_readlink", {I32, I32, I32, I32, I32, I32}, path_readlink, {.fd = r::path_readlink}},
    {kPreview1, "path_remove_directory", {I32, I32, I32}, path_remove_directory, {.fd = r::path_remove_directory}},
    {kPreview1, "path_rename", {I32, I32, I32, I32, I32, I32}, path_rename,
     {.fd = r::path_rename_source, .target = r::path_rename_target}},
    {kPreview1, "path_symlink", {I32, I32, I32, I32, I32}, path_symlink, {.fd = r::path_symlink}},
    {kPreview1, "path_unlink_file", {I32, I32, I32}, path_unlink_file, {.fd = r::path_unlink_file}},
    {kPreview1, "poll_oneoff", {I32, I32, I32, I32}, poll_oneoff,
     {.polled_read = r::poll_fd_readwrite | r::fd_read, .polled_write = r::poll_fd_readwrite | r::fd_write}},
    {kPreview1, "proc_exit", Signature({I32}, false), proc_exit, {}},
    {kPreview1, "proc_raise", {I32}, proc_raise, {}},
    {kPreview1, "sched_yield", {}, sched_yield, {}},
    {kPreview1, "random_get", {I32, I32}, random_get, {}},
    {kPreview1, "sock_accept", {I32, I32, I32}, sock_accept, {.fd = r::sock_accept}},
    {kPreview1, "sock_recv", {I32, I32, I32, I32, I32, I32}, sock_recv, {.fd = r::fd_read}},
    {kPreview1, "sock_send", {I32, I32, I32, I32, I32}, sock_send, {.fd = r::fd_write}},
    {kPreview1, "sock_shutdown", {I32, I32}, sock_shutdown, {.fd = r::sock_shutdown}},
    // WasmEdge's socket extension; its sock_recv, sock_send and sock_shutdown are preview1's.
    {kPreview1, "sock_open", {I32, I32, I32}, sock_open, {}, kWasmEdge},
    {kPreview1, "sock_bind", {I32, I32, I32}, sock_bind, {}, kWasmEdge},
    {kPreview1, "sock_listen", {I32, I32}, sock_listen, {}, kWasmEdge},
    {kPreview1, "sock_accept", {I32, I32}, wasmedge_sock_accept, {.fd = r::sock_accept}, kWasmEdge},
    {kPreview1, "sock_connect", {I32, I32, I32}, sock_connect, {}, kWasmEdge},
    {kPreview1, "sock_recv_from", {I32, I32, I32, I32, I32, I32, I32, I32}, sock_recv_from, {.fd = r::fd_read}, kWasmEdge},
    {kPreview1, "sock_send_to", {I32, I32, I32, I32, I32, I32, I32}, sock_send_to, {.fd = r::fd_write}, kWasmEdge},
    {kPreview1, "sock_getlocaladdr", {I32, I32, I32, I32}, sock_getlocaladdr, {}, kWasmEdge},
    {kPreview1, "sock_getpeeraddr", {I32, I32, I32, I32}, sock_getpeeraddr, {}, kWasmEdge},
    {kPreview1, "sock_setsockopt", {I32, I32, I32, I32, I32}, sock_setsockopt, {}, kWasmEdge},
    {kPreview1, "sock_getsockopt", {I32, I32, I32, I32, I32}, sock_getsockopt, {}, kWasmEdge},
    {kPreview1, "sock_getaddrinfo", {I32, I32, I32, I32, I32, I32, I32, I32}, sock_getaddrinfo, {}, kWasmEdge},
};

}  // namespace

FuncType Signature::func_type() const {
  FuncType t;
  t.params.assign(param_types.begin(), param_types.begin() + param_count);
  if (returns_errno) t.results.push_back(ValType::I32);
  return t;
}

std::span<const Call> host_calls() { return kCalls; }

}  // namespace petrel::wasi
