#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "host/wasi/abi.hpp"
#include "ir/types.hpp"

namespace petrel::wasi {

class Context;

// Parameter access for host functions: a[i] read as the witx type.
struct Args {
  std::span<const uint64_t> a;
  uint32_t u32(size_t i) const { return static_cast<uint32_t>(a[i]); }
  uint64_t u64(size_t i) const { return a[i]; }
};

// Registers one function `name` with these parameter types, returning an errno (i32).
using Definer = std::function<void(const char* name, std::vector<ValType> params, std::function<Errno(Args)> fn)>;

void define_preview1(Context& ctx, const Definer& def);
// The WasmEdge socket extension; `wasmedge_accept` picks the two-parameter sock_accept.
void define_sockets(Context& ctx, const Definer& def, bool wasmedge_accept);

}  // namespace petrel::wasi
