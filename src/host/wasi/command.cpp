#include "host/wasi/command.hpp"

#include <fmt/format.h>

namespace petrel::wasi {

Result<int> run_command(Store& store, const std::shared_ptr<const LoadedModule>& module, Options options,
                        std::string* native_fallback) {
  Linker linker;
  std::unique_ptr<Wasi> guest;
  if (imports_wasi(module->ir)) {
    auto created = Wasi::create(std::move(options));
    if (!created) return std::unexpected(created.error());
    guest = std::move(*created);
    guest->define(store, linker, &module->ir);
  }
  auto exit_status = [](const Error& e) -> Result<int> {
    if (e.kind == Error::Kind::Exit) return e.exit_code & 0xFF;
    return std::unexpected(e);
  };
  auto inst = linker.instantiate(store, module);
  if (!inst) return exit_status(inst.error());
  if (native_fallback) *native_fallback = (*inst)->native_fallback;
  if (guest) {
    if (auto bound = guest->bind(**inst); !bound) return std::unexpected(bound.error());
  }
  auto start = (*inst)->find_export("_start");
  if (!start || start->kind != ExternKind::Func)
    return std::unexpected(Error{Error::Kind::Unlinkable, "no exported function \"_start\"", {}});
  FuncInstance* f = start->func();
  if (!f->type.params.empty())
    return std::unexpected(Error{Error::Kind::Unlinkable, "_start must take no parameters", {}});
  std::vector<uint64_t> results(slot_count(f->type.results));
  if (auto r = store.call(f, {}, results); !r) return exit_status(r.error());
  return 0;
}

}  // namespace petrel::wasi
