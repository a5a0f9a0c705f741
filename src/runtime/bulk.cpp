#include "runtime/bulk.hpp"

#include <algorithm>
#include <cstring>

namespace petrel::bulk {
namespace {
bool in_range(uint64_t at, uint64_t n, uint64_t size) { return at + n <= size; }
}  // namespace

bool memory_fill(uint8_t* mem, uint64_t size, uint32_t d, uint8_t value, uint32_t n) {
  if (!in_range(d, n, size)) return false;
  std::memset(mem + d, value, n);
  return true;
}

bool memory_copy(uint8_t* mem, uint64_t size, uint32_t d, uint32_t s, uint32_t n) {
  if (!in_range(s, n, size) || !in_range(d, n, size)) return false;
  std::memmove(mem + d, mem + s, n);
  return true;
}

bool memory_init(uint8_t* mem, uint64_t size, std::span<const uint8_t> seg, uint32_t d, uint32_t s, uint32_t n) {
  if (!in_range(s, n, seg.size()) || !in_range(d, n, size)) return false;
  if (n) std::memcpy(mem + d, seg.data() + s, n);
  return true;
}

void data_drop(std::span<const uint8_t>& seg) { seg = {}; }

bool table_get(const TableInstance& t, uint32_t i, Ref& out) {
  if (i >= t.elems.size()) return false;
  out = t.elems[i];
  return true;
}

bool table_set(TableInstance& t, uint32_t i, Ref ref) {
  if (i >= t.elems.size()) return false;
  t.elems[i] = ref;
  return true;
}

bool table_fill(TableInstance& t, uint32_t i, Ref ref, uint32_t n) {
  if (!in_range(i, n, t.elems.size())) return false;
  std::fill_n(t.elems.begin() + i, n, ref);
  return true;
}

bool table_copy(TableInstance& dst, const TableInstance& src, uint32_t d, uint32_t s, uint32_t n) {
  if (!in_range(s, n, src.elems.size()) || !in_range(d, n, dst.elems.size())) return false;
  if (n) std::memmove(dst.elems.data() + d, src.elems.data() + s, n * sizeof(Ref));
  return true;
}

bool table_init(TableInstance& t, const std::vector<Ref>& seg, uint32_t d, uint32_t s, uint32_t n) {
  if (!in_range(s, n, seg.size()) || !in_range(d, n, t.elems.size())) return false;
  std::copy_n(seg.begin() + s, n, t.elems.begin() + d);
  return true;
}

void elem_drop(std::vector<Ref>& seg) {
  seg.clear();
  seg.shrink_to_fit();
}

}  // namespace petrel::bulk
