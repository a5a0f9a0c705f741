// Lowers a whole module to LLVM IR: one LLVM function per defined wasm function (the typed
// entry of native_abi.hpp), one array entry per function for the runtime, and the descriptor
// the native loader looks up.
#pragma once
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <vector>

#include "ir/module.hpp"
#include "runtime/native_abi.hpp"
#include "support/error.hpp"

namespace petrel::compiler {

class ModuleCodegen {
 public:
  ModuleCodegen(const Module& wasm, llvm::LLVMContext& ctx, bool metered = false);
  // Builds the IR of every function; errors only on input the validator would reject.
  Result<std::unique_ptr<llvm::Module>> build();

  const Module& wasm() const { return wasm_; }
  bool metered() const { return metered_; }
  llvm::LLVMContext& ctx() { return ctx_; }
  llvm::Module& module() { return *module_; }

  // The LLVM type of a wasm value type (references are 64-bit integers, v128 is <2 x i64>).
  llvm::Type* type(ValType t);
  llvm::FunctionType* signature(const FuncType& t);
  llvm::Function* defined_function(uint32_t defined_index) { return functions_[defined_index]; }
  llvm::FunctionType* helper_type(native::Helper h);

 private:
  void declare_functions();
  void build_array_entry(uint32_t defined_index);
  void build_descriptor();

  const Module& wasm_;
  llvm::LLVMContext& ctx_;
  std::unique_ptr<llvm::Module> module_;
  std::vector<llvm::Function*> functions_;
  std::vector<llvm::Function*> array_entries_;
  bool metered_ = false;
};

}  // namespace petrel::compiler
