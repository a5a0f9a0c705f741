#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>

#include "ir/types.hpp"
#include "support/error.hpp"

namespace petrel {

// A linear memory. Its whole maximum size is reserved up front (PROT_NONE) and committed as it
// grows, so the base address never moves: engines may keep it in a register across calls.
class MemoryInstance {
 public:
  // `page_limit` caps growth below the type's maximum (the embedder's memory limit).
  // `guarded` reserves native::kGuardedReservation bytes, as compiled code needs.
  static Result<std::unique_ptr<MemoryInstance>> create(MemoryType type, uint64_t page_limit, bool guarded = false);
  ~MemoryInstance();
  MemoryInstance(const MemoryInstance&) = delete;
  MemoryInstance& operator=(const MemoryInstance&) = delete;

  uint8_t* data() const { return base_; }
  uint64_t size_bytes() const { return size_; }
  uint64_t pages() const { return size_ / kPageSize; }
  // Grows by `delta` pages; returns the old page count, or -1 when the limit forbids it.
  int64_t grow(uint64_t delta);
  MemoryType current_type() const { return {{pages(), type_.limits.max}}; }
  const MemoryType& declared_type() const { return type_; }
  uint64_t reserved_bytes() const { return reserved_; }
  // Where compiled code finds the base and size (checked against native_abi.hpp).
  static constexpr size_t base_offset();
  static constexpr size_t size_offset();

 private:
  MemoryInstance() = default;
  // base_ and size_ come first: compiled code reads them at fixed offsets (native_abi.hpp).
  uint8_t* base_ = nullptr;
  uint64_t size_ = 0;
  MemoryType type_;
  uint64_t reserved_ = 0;
  uint64_t max_pages_ = 0;
};

constexpr size_t MemoryInstance::base_offset() { return offsetof(MemoryInstance, base_); }
constexpr size_t MemoryInstance::size_offset() { return offsetof(MemoryInstance, size_); }

}  // namespace petrel
