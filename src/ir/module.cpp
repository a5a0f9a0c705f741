#include "ir/module.hpp"

namespace petrel {

namespace {
template <typename T, typename Get>
T nth_import(const std::vector<Import>& imports, ExternKind kind, uint32_t n, Get get) {
  for (const auto& imp : imports) {
    if (imp.kind != kind) continue;
    if (n-- == 0) return get(imp);
  }
  return T{};
}
}  // namespace

uint32_t Module::func_type_index(uint32_t index) const {
  if (index >= num_imported_funcs) return functions[index - num_imported_funcs].type;
  return nth_import<uint32_t>(imports, ExternKind::Func, index, [](const Import& i) { return i.func_type; });
}
TableType Module::table_type(uint32_t index) const {
  if (index >= num_imported_tables) return tables[index - num_imported_tables];
  return nth_import<TableType>(imports, ExternKind::Table, index, [](const Import& i) { return i.table; });
}
MemoryType Module::memory_type(uint32_t index) const {
  if (index >= num_imported_memories) return memories[index - num_imported_memories];
  return nth_import<MemoryType>(imports, ExternKind::Memory, index, [](const Import& i) { return i.memory; });
}
GlobalType Module::global_type(uint32_t index) const {
  if (index >= num_imported_globals) return globals[index - num_imported_globals].type;
  return nth_import<GlobalType>(imports, ExternKind::Global, index, [](const Import& i) { return i.global; });
}

void Module::add_import(Import imp) {
  switch (imp.kind) {
    case ExternKind::Func: ++num_imported_funcs; break;
    case ExternKind::Table: ++num_imported_tables; break;
    case ExternKind::Memory: ++num_imported_memories; break;
    case ExternKind::Global: ++num_imported_globals; break;
  }
  imports.push_back(std::move(imp));
}

}  // namespace petrel
