// The table of host calls a WASI guest can import: every wasi_snapshot_preview1 function of
// the witx definitions and the WasmEdge socket extension, each with its signature, the C++
// function that implements it and the rights it needs. Registration (Wasi::define) and the
// test against the witx files both read this one table.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "host/wasi/abi.hpp"
#include "ir/types.hpp"
#include "support/error.hpp"

namespace petrel::wasi {

class Context;
struct Args;

// The rights a call needs, by the fd they are checked on. Recorded only in the table.
struct Needs {
  uint64_t fd = 0;      // on the fd the call acts on: its first fd parameter (path_symlink's third)
  uint64_t target = 0;  // on its second directory fd: path_link's and path_rename's target
  // poll_oneoff: on each fd subscribed to for reading and for writing.
  uint64_t polled_read = 0, polled_write = 0;
  // Where the arguments decide what the first fd needs (fd_seek, path_open's flags): this
  // gives it instead of `fd`.
  uint64_t (*fd_by_args)(const Args&) = nullptr;
  // path_open: what the directory must be able to hand on to the fd it opens (its
  // inheriting rights), by the flags asked for.
  uint64_t (*inheriting_by_args)(const Args&) = nullptr;
};

// Parameter access for host functions: a[i] read as the witx type, and the call's needs.
struct Args {
  std::span<const uint64_t> a;
  const Needs& needs;
  uint32_t u32(size_t i) const { return static_cast<uint32_t>(a[i]); }
  uint64_t u64(size_t i) const { return a[i]; }
  // What the fd the call acts on must hold.
  uint64_t fd_needs() const { return needs.fd_by_args ? needs.fd_by_args(*this) : needs.fd; }
  uint64_t inheriting_needs() const { return needs.inheriting_by_args ? needs.inheriting_by_args(*this) : 0; }
};

// A call returns the WASI errno it results in; proc_exit returns an Exit error instead.
using HostCall = Result<Errno> (*)(Context&, const Args&);

// The core wasm type of a call: its parameters, and the errno as its result (but for
// proc_exit, which has none).
struct Signature {
  static constexpr size_t kMaxParams = 9;  // path_open
  std::array<ValType, kMaxParams> param_types{};
  uint8_t param_count = 0;
  bool returns_errno = true;
  constexpr Signature(std::initializer_list<ValType> params, bool errno_result = true) : returns_errno(errno_result) {
    for (ValType t : params) param_types[param_count++] = t;
  }
  std::span<const ValType> params() const { return {param_types.data(), param_count}; }
  FuncType func_type() const;
};

enum class Origin : uint8_t {
  kPreview1,  // a function of wasi_snapshot_preview1.witx
  kWasmEdge,  // WasmEdge's socket extension (shared/wasmedge-socket-abi.md), same module
};

struct Call {
  std::string_view module;
  std::string_view name;
  Signature signature;
  HostCall fn;
  Needs needs;
  Origin origin = Origin::kPreview1;
};

// Every call, preview1's in witx order, then the WasmEdge extension. Two share a name:
// preview1's sock_accept(fd, flags, out) and WasmEdge's sock_accept(fd, out).
std::span<const Call> host_calls();

}  // namespace petrel::wasi
