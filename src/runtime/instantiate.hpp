#pragma once
#include <map>
#include <memory>
#include <span>
#include <string>

#include "runtime/store.hpp"

namespace petrel {

// Decodes and validates a binary module.
Result<std::shared_ptr<const LoadedModule>> load_binary(std::span<const uint8_t> bytes);
// Validates an already-built module IR (e.g. from the text parser).
Result<std::shared_ptr<const LoadedModule>> load_ir(Module ir);

// Instantiates with imports given in the module's import order, as the spec's
// "instantiate" defines it: link checks, allocation, segment initialisation, start function.
// Errors: Kind::Unlinkable ("incompatible import type") or Kind::Trap.
Result<ModuleInstance*> instantiate(Store& store, std::shared_ptr<const LoadedModule> module,
                                    std::span<const ExternVal> imports);

// Resolves imports by (module, name) among registered definitions.
class Linker {
 public:
  void define(const std::string& module, const std::string& name, ExternVal v);
  void define_instance(const std::string& module, const ModuleInstance& inst);
  Result<ModuleInstance*> instantiate(Store& store, std::shared_ptr<const LoadedModule> module) const;

 private:
  std::map<std::pair<std::string, std::string>, ExternVal> defs_;
};

}  // namespace petrel
