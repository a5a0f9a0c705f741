// The C++ function behind each host call, by family (one file each); kCalls in
// functions.cpp gives each its signature and rights. Each reads its parameters as the witx
// file declares them, checks every guest pointer and length (EFAULT otherwise) and returns
// a WASI errno.
#pragma once
#include "host/wasi/functions.hpp"

namespace petrel::wasi::calls {

// proc.cpp: arguments, environment, the process, randomness.
Result<Errno> args_get(Context&, const Args&);
Result<Errno> args_sizes_get(Context&, const Args&);
Result<Errno> environ_get(Context&, const Args&);
Result<Errno> environ_sizes_get(Context&, const Args&);
Result<Errno> proc_exit(Context&, const Args&);
Result<Errno> proc_raise(Context&, const Args&);
Result<Errno> random_get(Context&, const Args&);

// clock_poll.cpp: clocks, waiting, scheduling.
Result<Errno> clock_res_get(Context&, const Args&);
Result<Errno> clock_time_get(Context&, const Args&);
Result<Errno> poll_oneoff(Context&, const Args&);
Result<Errno> sched_yield(Context&, const Args&);

// fd.cpp: operations on an open fd.
Result<Errno> fd_advise(Context&, const Args&);
Result<Errno> fd_allocate(Context&, const Args&);
Result<Errno> fd_close(Context&, const Args&);
Result<Errno> fd_datasync(Context&, const Args&);
Result<Errno> fd_fdstat_get(Context&, const Args&);
Result<Errno> fd_fdstat_set_flags(Context&, const Args&);
Result<Errno> fd_fdstat_set_rights(Context&, const Args&);
Result<Errno> fd_filestat_get(Context&, const Args&);
Result<Errno> fd_filestat_set_size(Context&, const Args&);
Result<Errno> fd_filestat_set_times(Context&, const Args&);
Result<Errno> fd_pread(Context&, const Args&);
Result<Errno> fd_prestat_get(Context&, const Args&);
Result<Errno> fd_prestat_dir_name(Context&, const Args&);
Result<Errno> fd_pwrite(Context&, const Args&);
Result<Errno> fd_read(Context&, const Args&);
Result<Errno> fd_readdir(Context&, const Args&);
Result<Errno> fd_renumber(Context&, const Args&);
Result<Errno> fd_seek(Context&, const Args&);
Result<Errno> fd_sync(Context&, const Args&);
Result<Errno> fd_tell(Context&, const Args&);
Result<Errno> fd_write(Context&, const Args&);

// path.cpp: paths beneath a directory fd.
Result<Errno> path_create_directory(Context&, const Args&);
Result<Errno> path_filestat_get(Context&, const Args&);
Result<Errno> path_filestat_set_times(Context&, const Args&);
Result<Errno> path_link(Context&, const Args&);
Result<Errno> path_open(Context&, const Args&);
Result<Errno> path_readlink(Context&, const Args&);
Result<Errno> path_remove_directory(Context&, const Args&);
Result<Errno> path_rename(Context&, const Args&);
Result<Errno> path_symlink(Context&, const Args&);
Result<Errno> path_unlink_file(Context&, const Args&);

// sockets.cpp: preview1's calls on sockets, and WasmEdge's socket extension.
Result<Errno> sock_accept(Context&, const Args&);           // preview1: (fd, flags, out)
Result<Errno> sock_recv(Context&, const Args&);
Result<Errno> sock_send(Context&, const Args&);
Result<Errno> sock_shutdown(Context&, const Args&);
Result<Errno> wasmedge_sock_accept(Context&, const Args&);  // WasmEdge: (fd, out)
Result<Errno> sock_open(Context&, const Args&);
Result<Errno> sock_bind(Context&, const Args&);
Result<Errno> sock_listen(Context&, const Args&);
Result<Errno> sock_connect(Context&, const Args&);
Result<Errno> sock_recv_from(Context&, const Args&);
Result<Errno> sock_send_to(Context&, const Args&);
Result<Errno> sock_getlocaladdr(Context&, const Args&);
Result<Errno> sock_getpeeraddr(Context&, const Args&);
Result<Errno> sock_setsockopt(Context&, const Args&);
Result<Errno> sock_getsockopt(Context&, const Args&);
Result<Errno> sock_getaddrinfo(Context&, const Args&);

}  // namespace petrel::wasi::calls
