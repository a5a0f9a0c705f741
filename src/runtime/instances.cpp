#include "runtime/instances.hpp"

#include <map>

namespace petrel {

int64_t TableInstance::grow(uint64_t delta, Ref init) {
  uint64_t old = elems.size();
  if (old > max_size() || delta > max_size() - old) return -1;
  elems.resize(old + delta, init);
  return static_cast<int64_t>(old);
}

std::optional<ExternVal> ModuleInstance::find_export(std::string_view name) const {
  for (const auto& [n, v] : exports)
    if (n == name) return v;
  return std::nullopt;
}

uint32_t intern_func_type(const FuncType& t) {
  static std::mutex mu;
  static std::map<std::pair<std::vector<ValType>, std::vector<ValType>>, uint32_t> ids;
  std::lock_guard lock(mu);
  auto [it, inserted] = ids.try_emplace({t.params, t.results}, static_cast<uint32_t>(ids.size()));
  return it->second;
}

}  // namespace petrel
