// The bulk-memory and table instructions, for the runtime's helpers that compiled code calls
// (native/helpers.cpp). Each does what its instruction does and returns true, or returns false,
// having changed nothing, when a range is out of bounds: the trap is then
// TrapCode::MemoryOutOfBounds for memories and data segments, TrapCode::TableOutOfBounds for
// tables and element segments. Ranges are summed in 64 bits, so `at + n` never wraps.
// The interpreter's handlers (interp/interpreter.cpp) keep the same few lines inline: calling
// these from its dispatch loop, inline or not, changed the register allocation of the whole
// loop and cost 3-9% more instructions on unrelated programs (callgrind, fib/json/lz77). The
// spec suite's bulk, memory_* and table_* scripts hold both to the same results.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "runtime/instances.hpp"

namespace petrel::bulk {

bool memory_fill(uint8_t* mem, uint64_t size, uint32_t d, uint8_t value, uint32_t n);
bool memory_copy(uint8_t* mem, uint64_t size, uint32_t d, uint32_t s, uint32_t n);
bool memory_init(uint8_t* mem, uint64_t size, std::span<const uint8_t> seg, uint32_t d, uint32_t s, uint32_t n);
void data_drop(std::span<const uint8_t>& seg);

bool table_get(const TableInstance& t, uint32_t i, Ref& out);
bool table_set(TableInstance& t, uint32_t i, Ref ref);
bool table_fill(TableInstance& t, uint32_t i, Ref ref, uint32_t n);
bool table_copy(TableInstance& dst, const TableInstance& src, uint32_t d, uint32_t s, uint32_t n);
bool table_init(TableInstance& t, const std::vector<Ref>& seg, uint32_t d, uint32_t s, uint32_t n);
// Frees the segment's storage too: a dropped segment is never read again.
void elem_drop(std::vector<Ref>& seg);

}  // namespace petrel::bulk
