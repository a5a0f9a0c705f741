#include "compiler/module_codegen.hpp"

#include <type_traits>

#include <fmt/format.h>

#include "compiler/function_lowering.hpp"
#include "ir/value.hpp"

namespace petrel::compiler {

using native::Helper;

ModuleCodegen::ModuleCodegen(const Module& wasm, llvm::LLVMContext& ctx, bool metered)
    : wasm_(wasm), ctx_(ctx), module_(std::make_unique<llvm::Module>("wasm", ctx)), metered_(metered) {}

llvm::Type* ModuleCodegen::type(ValType t) {
  switch (t) {
    case ValType::I32: return llvm::Type::getInt32Ty(ctx_);
    case ValType::F32: return llvm::Type::getFloatTy(ctx_);
    case ValType::F64: return llvm::Type::getDoubleTy(ctx_);
    case ValType::V128: return llvm::FixedVectorType::get(llvm::Type::getInt64Ty(ctx_), 2);
    default: return llvm::Type::getInt64Ty(ctx_);
  }
}

llvm::FunctionType* ModuleCodegen::signature(const FuncType& t) {
  std::vector<llvm::Type*> params{llvm::PointerType::getUnqual(ctx_)};
  for (ValType p : t.params) params.push_back(type(p));
  llvm::Type* ret = llvm::Type::getVoidTy(ctx_);
  if (t.results.size() == 1) {
    ret = type(t.results[0]);
  } else if (t.results.size() > 1) {
    std::vector<llvm::Type*> fields;
    for (ValType r : t.results) fields.push_back(type(r));
    ret = llvm::StructType::get(ctx_, fields);
  }
  return llvm::FunctionType::get(ret, params, false);
}

namespace {

// The LLVM type of a helper's C parameter or result type.
template <typename T>
llvm::Type* llvm_type(llvm::LLVMContext& c) {
  if constexpr (std::is_void_v<T>) return llvm::Type::getVoidTy(c);
  else if constexpr (std::is_pointer_v<T>) return llvm::PointerType::getUnqual(c);
  else return llvm::Type::getIntNTy(c, sizeof(T) * 8);
}

template <typename R, typename... Params>
llvm::FunctionType* helper_signature(llvm::LLVMContext& c) {
  return llvm::FunctionType::get(llvm_type<R>(c), {llvm::PointerType::getUnqual(c), llvm_type<Params>(c)...}, false);
}

}  // namespace

llvm::FunctionType* ModuleCodegen::helper_type(Helper h) {
  switch (h) {
#define PETREL_HELPER_SIGNATURE(Enum, field, R, ...) \
  case Helper::Enum: return helper_signature<R __VA_OPT__(, ) __VA_ARGS__>(ctx_);
    PETREL_NATIVE_HELPERS(PETREL_HELPER_SIGNATURE)
#undef PETREL_HELPER_SIGNATURE
  }
  return helper_signature<void>(ctx_);
}

void ModuleCodegen::declare_functions() {
  for (uint32_t i = 0; i < wasm_.functions.size(); ++i) {
    const FuncType& t = wasm_.types[wasm_.functions[i].type];
    uint32_t index = wasm_.num_imported_funcs + i;
    std::string name = fmt::format("wasm_function_{}", index);
    auto* f = llvm::Function::Create(signature(t), llvm::GlobalValue::InternalLinkage, name, module_.get());
    f->addFnAttr(llvm::Attribute::NoUnwind);
    functions_.push_back(f);
  }
}

void ModuleCodegen::build_array_entry(uint32_t defined_index) {
  const FuncType& t = wasm_.types[wasm_.functions[defined_index].type];
  llvm::Type* p = llvm::PointerType::getUnqual(ctx_);
  auto* ft = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), {p, p, p}, false);
  auto* f = llvm::Function::Create(ft, llvm::GlobalValue::InternalLinkage,
                                   fmt::format("array_entry_{}", wasm_.num_imported_funcs + defined_index), module_.get());
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", f));
  llvm::Type* i64 = b.getInt64Ty();
  std::vector<llvm::Value*> args{f->getArg(0)};
  uint32_t slot = 0;
  for (ValType pt : t.params) {
    llvm::Value* at = b.CreateConstGEP1_32(i64, f->getArg(1), slot);
    // Slots are 8-byte aligned (a v128 spans two); little-endian: narrow values sit in the low bytes.
    args.push_back(b.CreateAlignedLoad(type(pt), at, llvm::Align(8)));
    slot += slot_count(pt);
  }
  llvm::Value* r = b.CreateCall(functions_[defined_index], args);
  slot = 0;
  for (unsigned i = 0; i < t.results.size(); ++i) {
    llvm::Value* v = t.results.size() == 1 ? r : b.CreateExtractValue(r, i);
    llvm::Value* at = b.CreateConstGEP1_32(i64, f->getArg(2), slot);
    switch (t.results[i]) {
      case ValType::I32: v = b.CreateZExt(v, i64); break;
      case ValType::F32: v = b.CreateZExt(b.CreateBitCast(v, b.getInt32Ty()), i64); break;
      default: break;
    }
    b.CreateAlignedStore(v, at, llvm::Align(8));
    slot += slot_count(t.results[i]);
  }
  b.CreateRetVoid();
  array_entries_.push_back(f);
}

void ModuleCodegen::build_descriptor() {
  llvm::Type* p = llvm::PointerType::getUnqual(ctx_);
  llvm::Type* i32 = llvm::Type::getInt32Ty(ctx_);
  auto table = [&](const std::vector<llvm::Function*>& fs, const char* name) -> llvm::Constant* {
    std::vector<llvm::Constant*> elems(fs.begin(), fs.end());
    auto* at = llvm::ArrayType::get(p, elems.size());
    return new llvm::GlobalVariable(*module_, at, true, llvm::GlobalValue::InternalLinkage,
                                    llvm::ConstantArray::get(at, elems), name);
  };
  auto* desc_type = llvm::StructType::get(ctx_, {i32, i32, p, p});
  auto* desc = llvm::ConstantStruct::get(
      desc_type, {llvm::ConstantInt::get(i32, native::kAbiVersion),
                  llvm::ConstantInt::get(i32, static_cast<uint32_t>(functions_.size())),
                  table(functions_, "typed_entries"), table(array_entries_, "array_entries")});
  auto* g = new llvm::GlobalVariable(*module_, desc_type, true, llvm::GlobalValue::ExternalLinkage, desc,
                                     native::kDescriptorSymbol);
  g->setVisibility(llvm::GlobalValue::DefaultVisibility);
}

Result<std::unique_ptr<llvm::Module>> ModuleCodegen::build() {
  declare_functions();
  for (uint32_t i = 0; i < wasm_.functions.size(); ++i) {
    FunctionLowering lowering(*this, i);
    auto ok = lowering.lower();
    if (!ok) return std::unexpected(ok.error());
    build_array_entry(i);
  }
  build_descriptor();
  return std::move(module_);
}

}  // namespace petrel::compiler
