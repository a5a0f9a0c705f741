#include "compiler/compiler.hpp"

#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/TargetParser/Host.h>

#include <fmt/format.h>

#include <mutex>

#include "binary/decoder.hpp"
#include "compiler/linker.hpp"
#include "compiler/module_codegen.hpp"
#include "native/section.hpp"
#include "runtime/native_abi.hpp"
#include "validator/validator.hpp"

namespace petrel::compiler {
namespace {

std::unexpected<Error> compile_error(std::string msg) {
  return std::unexpected(Error{Error::Kind::Invalid, std::move(msg), {}});
}

// The x86-64 micro-architecture level to compile for: what the loader checks on the host.
Result<std::string> resolve_cpu_level(const std::string& target) {
#if defined(__x86_64__)
  if (target == "generic" || target == "x86-64") return std::string("x86-64");
  if (target == "x86-64-v2" || target == "x86-64-v3" || target == "x86-64-v4") return target;
  if (target == "native") {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("x86-64-v4")) return std::string("x86-64-v4");
    if (__builtin_cpu_supports("x86-64-v3")) return std::string("x86-64-v3");
    if (__builtin_cpu_supports("x86-64-v2")) return std::string("x86-64-v2");
    return std::string("x86-64");
  }
  return compile_error(fmt::format(
      "unknown target '{}' (expected native, generic, x86-64, x86-64-v2, x86-64-v3 or x86-64-v4)", target));
#else
  if (target == "native" || target == "generic") return std::string("generic");
  return compile_error(fmt::format("unknown target '{}' (expected native or generic)", target));
#endif
}

Result<std::unique_ptr<llvm::TargetMachine>> make_target_machine(const std::string& cpu, unsigned opt_level) {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  std::string triple = llvm::sys::getDefaultTargetTriple();
  std::string err;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, err);
  if (!target) return compile_error("no LLVM target for " + triple + ": " + err);
  llvm::TargetOptions options;
  auto level = opt_level == 0   ? llvm::CodeGenOptLevel::None
               : opt_level == 1 ? llvm::CodeGenOptLevel::Less
               : opt_level == 2 ? llvm::CodeGenOptLevel::Default
                                : llvm::CodeGenOptLevel::Aggressive;
  std::unique_ptr<llvm::TargetMachine> tm(
      target->createTargetMachine(triple, cpu, "", options, llvm::Reloc::PIC_, llvm::CodeModel::Small, level));
  if (!tm) return compile_error("cannot create an LLVM target machine for " + triple);
  return tm;
}

void optimize(llvm::Module& m, llvm::TargetMachine& tm, unsigned opt_level, bool size) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = size            ? llvm::OptimizationLevel::Os
                                  : opt_level == 0 ? llvm::OptimizationLevel::O0
                                  : opt_level == 1 ? llvm::OptimizationLevel::O1
                                  : opt_level == 2 ? llvm::OptimizationLevel::O2
                                                   : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager mpm = level == llvm::OptimizationLevel::O0 ? pb.buildO0DefaultPipeline(level)
                                                                     : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(m, mam);
}

Result<std::vector<uint8_t>> emit_object(llvm::Module& m, llvm::TargetMachine& tm) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream os(buffer);
  llvm::legacy::PassManager pm;
  if (tm.addPassesToEmitFile(pm, os, nullptr, llvm::CodeGenFileType::ObjectFile))
    return compile_error("LLVM cannot emit object files for this target");
  pm.run(m);
  return std::vector<uint8_t>(buffer.begin(), buffer.end());
}

}  // namespace

Result<std::vector<uint8_t>> compile_universal(std::span<const uint8_t> wasm, const CompileOptions& options) {
  // Recompiling a universal wasm replaces its native section.
  std::span<const uint8_t> original = wasm;
  if (auto found = native::find_native_section(wasm)) {
    if (!found->is_last) return compile_error("the petrel.native section is not the module's last section");
    original = wasm.subspan(0, found->module_end);
  }
  auto module = decode_module(original);
  if (!module) return std::unexpected(module.error());
  auto valid = validate_module(*module);
  if (!valid) return std::unexpected(valid.error());

  auto cpu = resolve_cpu_level(options.target);
  if (!cpu) return std::unexpected(cpu.error());
  auto tm = make_target_machine(*cpu, options.opt_level);
  if (!tm) return std::unexpected(tm.error());

  llvm::LLVMContext ctx;
  ModuleCodegen codegen(*module, ctx, options.metered);
  auto ir = codegen.build();
  if (!ir) return std::unexpected(ir.error());
  llvm::Module& m = **ir;
  m.setDataLayout((*tm)->createDataLayout());
  m.setTargetTriple((*tm)->getTargetTriple().str());
  if (options.target == "native")
    for (llvm::Function& f : m)
      if (!f.isDeclaration()) f.addFnAttr("tune-cpu", llvm::sys::getHostCPUName());
  std::string verify_errors;
  llvm::raw_string_ostream vs(verify_errors);
  if (llvm::verifyModule(m, &vs)) return compile_error("internal compiler error (invalid IR): " + vs.str());
  optimize(m, **tm, options.opt_level, options.optimize_size);
  auto object = emit_object(m, **tm);
  if (!object) return std::unexpected(object.error());
  auto shared = link_shared_object(*object);
  if (!shared) return std::unexpected(shared.error());

  return native::make_universal(original, native::header_for(original, *shared, *cpu, options.metered), *shared);
}

}  // namespace petrel::compiler
