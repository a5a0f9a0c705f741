#include "host/spectest.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstdio>

namespace petrel::host {

namespace {
std::string show(ValType t, uint64_t bits) {
  switch (t) {
    case ValType::I32: return fmt::format("{} : i32", static_cast<int32_t>(bits));
    case ValType::I64: return fmt::format("{} : i64", static_cast<int64_t>(bits));
    case ValType::F32: return fmt::format("{} : f32", std::bit_cast<float>(static_cast<uint32_t>(bits)));
    case ValType::F64: return fmt::format("{} : f64", std::bit_cast<double>(bits));
    default: return fmt::format("{:#x} : {}", bits, valtype_name(t));
  }
}
}  // namespace

void define_spectest(Store& store, Linker& linker) {
  auto print = [&](const char* name, std::vector<ValType> params) {
    FuncType ft{params, {}};
    auto* f = store.add_host_func(ft, [params](std::span<const uint64_t> args, std::span<uint64_t>) -> Result<void> {
      for (size_t i = 0; i < args.size(); ++i) std::printf("%s\n", show(params[i], args[i]).c_str());
      std::fflush(stdout);
      return {};
    }, name);
    linker.define("spectest", name, ExternVal{ExternKind::Func, f});
  };
  print("print", {});
  print("print_i32", {ValType::I32});
  print("print_i64", {ValType::I64});
  print("print_f32", {ValType::F32});
  print("print_f64", {ValType::F64});
  print("print_i32_f32", {ValType::I32, ValType::F32});
  print("print_f64_f64", {ValType::F64, ValType::F64});

  auto global = [&](const char* name, ValType t, uint64_t bits) {
    linker.define("spectest", name, ExternVal{ExternKind::Global, store.add_global(GlobalType{t, false}, bits)});
  };
  global("global_i32", ValType::I32, 666);
  global("global_i64", ValType::I64, 666);
  global("global_f32", ValType::F32, std::bit_cast<uint32_t>(666.6f));
  global("global_f64", ValType::F64, std::bit_cast<uint64_t>(666.6));

  if (auto table = store.add_table(TableType{ValType::FuncRef, {10, 20}}, kNullRef))
    linker.define("spectest", "table", ExternVal{ExternKind::Table, *table});
  auto mem = store.add_memory(MemoryType{{1, 2}});
  if (mem) linker.define("spectest", "memory", ExternVal{ExternKind::Memory, *mem});
}

}  // namespace petrel::host
