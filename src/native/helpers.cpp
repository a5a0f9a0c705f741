// The runtime functions compiled code calls (native_abi.hpp's Helpers). Each checks its
// operands as the spec says and traps through raise(); none returns into compiled code with a
// live C++ object left behind.
#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "native/activation.hpp"
#include "native/instance_state.hpp"
#include "runtime/bulk.hpp"
#include "runtime/memory.hpp"

namespace petrel::native {
namespace {

ModuleInstance& instance(VmContext* ctx) { return *state_of(ctx).instance; }

void trap(VmContext*, uint32_t code, uint64_t detail) {
  if (static_cast<TrapCode>(code) == TrapCode::UninitializedElement) {
    // The testsuite expects the element index in this message (as the interpreter gives it).
    raise(Error{Error::Kind::Trap, fmt::format("{} {}", trap_message(TrapCode::UninitializedElement), detail), {}});
  }
  raise_trap(static_cast<TrapCode>(code));
}

void call(VmContext* ctx, FuncInstance* f, uint64_t* slots) {
  bool failed = false;
  {
    size_t np = slot_count(f->type.params), nr = slot_count(f->type.results);
    uint64_t args[16], results[16];
    std::vector<uint64_t> big_args, big_results;
    uint64_t* a = args;
    uint64_t* r = results;
    if (np > 16) {
      big_args.assign(slots, slots + np);
      a = big_args.data();
    } else {
      std::copy(slots, slots + np, args);
    }
    if (nr > 16) {
      big_results.resize(nr);
      r = big_results.data();
    }
    Store& store = *state_of(ctx).store;
    if (f->host) store.engine().count_host_call();
    auto ok = store.call(f, std::span<const uint64_t>(a, np), std::span<uint64_t>(r, nr));
    if (ok) {
      std::copy(r, r + nr, slots);
    } else {
      failed = true;
      // Park the error where raise() will find it after this scope is gone.
      state_of(ctx).pending = std::move(ok.error());
    }
  }
  if (failed) raise(std::move(state_of(ctx).pending));
}

uint32_t memory_grow(VmContext* ctx, uint32_t delta) {
  return static_cast<uint32_t>(ctx->memory->grow(delta));
}

// The semantics are runtime/bulk.hpp's; out of bounds, these trap.
void memory_check(bool in_bounds) {
  if (!in_bounds) raise_trap(TrapCode::MemoryOutOfBounds);
}
void table_check(bool in_bounds) {
  if (!in_bounds) raise_trap(TrapCode::TableOutOfBounds);
}

void memory_fill(VmContext* ctx, uint32_t dst, uint32_t value, uint32_t n) {
  memory_check(bulk::memory_fill(ctx->mem_base, ctx->memory->size_bytes(), dst, static_cast<uint8_t>(value), n));
}

void memory_copy(VmContext* ctx, uint32_t dst, uint32_t src, uint32_t n) {
  memory_check(bulk::memory_copy(ctx->mem_base, ctx->memory->size_bytes(), dst, src, n));
}

void memory_init(VmContext* ctx, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n) {
  memory_check(
      bulk::memory_init(ctx->mem_base, ctx->memory->size_bytes(), instance(ctx).data_segments[seg], dst, src, n));
}

void data_drop(VmContext* ctx, uint32_t seg) { bulk::data_drop(instance(ctx).data_segments[seg]); }

TableInstance& table(VmContext* ctx, uint32_t index) { return *ctx->tables[index]; }

uint64_t table_get(VmContext* ctx, uint32_t t, uint32_t i) {
  Ref out = kNullRef;
  table_check(bulk::table_get(table(ctx, t), i, out));
  return out;
}

void table_set(VmContext* ctx, uint32_t t, uint32_t i, uint64_t ref) { table_check(bulk::table_set(table(ctx, t), i, ref)); }

uint32_t table_size(VmContext* ctx, uint32_t t) { return static_cast<uint32_t>(table(ctx, t).elems.size()); }

uint32_t table_grow(VmContext* ctx, uint32_t t, uint64_t init, uint32_t delta) {
  return static_cast<uint32_t>(table(ctx, t).grow(delta, init));
}

void table_fill(VmContext* ctx, uint32_t t, uint32_t i, uint64_t ref, uint32_t n) {
  table_check(bulk::table_fill(table(ctx, t), i, ref, n));
}

void table_copy(VmContext* ctx, uint32_t dst_t, uint32_t src_t, uint32_t d, uint32_t s, uint32_t n) {
  table_check(bulk::table_copy(table(ctx, dst_t), table(ctx, src_t), d, s, n));
}

void table_init(VmContext* ctx, uint32_t t, uint32_t seg, uint32_t d, uint32_t s, uint32_t n) {
  table_check(bulk::table_init(table(ctx, t), instance(ctx).elem_segments[seg], d, s, n));
}

void elem_drop(VmContext* ctx, uint32_t seg) { bulk::elem_drop(instance(ctx).elem_segments[seg]); }

void interrupted(VmContext* ctx) {
  auto* flag = reinterpret_cast<std::atomic<int>*>(ctx->exec->interrupt);
  int why = flag->exchange(0, std::memory_order_relaxed);
  if (why == 0) return;
  raise(Error{Error::Kind::Trap, why == 2 ? kDeadlineExceeded : kInterrupted, {}});
}

}  // namespace

const Helpers kHelpers = {
#define PETREL_HELPER_ENTRY(Enum, field, ...) field,
    PETREL_NATIVE_HELPERS(PETREL_HELPER_ENTRY)
#undef PETREL_HELPER_ENTRY
};

}  // namespace petrel::native
