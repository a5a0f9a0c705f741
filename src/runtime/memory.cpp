#include "runtime/memory.hpp"

#include <sys/mman.h>

#include <fmt/format.h>

#include <algorithm>

#include "runtime/native_abi.hpp"

namespace petrel {

Result<std::unique_ptr<MemoryInstance>> MemoryInstance::create(MemoryType type, uint64_t page_limit, bool guarded) {
  std::unique_ptr<MemoryInstance> m(new MemoryInstance);
  m->type_ = type;
  m->max_pages_ = std::min({type.limits.max.value_or(kMaxPages), kMaxPages, page_limit});
  // Not a trap: the module asks for more than this store grants, so it cannot be instantiated
  // here at all (the message names both numbers, for the user to raise the limit).
  if (type.limits.min > m->max_pages_)
    return std::unexpected(Error{Error::Kind::Unlinkable,
                                 fmt::format("memory limit exceeded: initial size of {} pages is above the limit of {} pages",
                                             type.limits.min, m->max_pages_),
                                 {}});
  m->reserved_ = m->max_pages_ * kPageSize;
  if (guarded) m->reserved_ = std::max(m->reserved_, native::kGuardedReservation);
  if (m->reserved_ > 0) {
    void* p = mmap(nullptr, m->reserved_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return std::unexpected(Error{Error::Kind::Trap, "cannot reserve linear memory", {}});
    m->base_ = static_cast<uint8_t*>(p);
  }
  if (m->grow(type.limits.min) < 0)
    return std::unexpected(Error{Error::Kind::Trap, "cannot allocate linear memory", {}});
  return m;
}

MemoryInstance::~MemoryInstance() {
  if (base_) munmap(base_, reserved_);
}

int64_t MemoryInstance::grow(uint64_t delta) {
  uint64_t old = pages();
  if (delta > max_pages_ - old) return -1;
  if (delta == 0) return static_cast<int64_t>(old);
  uint64_t new_size = (old + delta) * kPageSize;
  if (mprotect(base_ + size_, new_size - size_, PROT_READ | PROT_WRITE) != 0) return -1;
  size_ = new_size;
  return static_cast<int64_t>(old);
}

}  // namespace petrel
