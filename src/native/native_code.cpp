#include "native/native_code.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <fmt/format.h>

#include "native/activation.hpp"
#include "native/instance_state.hpp"
#include "native/section.hpp"
#include "runtime/instantiate.hpp"
#include "runtime/memory.hpp"

namespace petrel::native {
namespace {

// Finds the executable segment of the object loaded at `base`.
struct CodeRange {
  uintptr_t base = 0, begin = 0, end = 0;
};
int find_exec_segment(dl_phdr_info* info, size_t, void* data) {
  auto* r = static_cast<CodeRange*>(data);
  if (info->dlpi_addr != r->base) return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X)) {
      r->begin = info->dlpi_addr + ph.p_vaddr;
      r->end = r->begin + ph.p_memsz;
      return 1;
    }
  }
  return 0;
}

class LoadedCode final : public NativeCode {
 public:
  ~LoadedCode() override {
    if (code_begin_) unregister_code_range(code_begin_);
    if (handle_) dlclose(handle_);
    if (fd_ >= 0) close(fd_);
  }

  static Result<std::shared_ptr<LoadedCode>> open(std::span<const uint8_t> so, uint32_t num_functions, bool metered,
                                                  std::string_view fd_dir) {
    auto fail = [](std::string why) { return std::unexpected(Error{Error::Kind::Io, std::move(why), {}}); };
    int fd = memfd_create("petrel-native", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return fail("memfd_create failed");
    size_t done = 0;
    while (done < so.size()) {
      ssize_t n = write(fd, so.data() + done, so.size() - done);
      if (n <= 0) {
        close(fd);
        return fail("cannot write the native code to memory");
      }
      done += static_cast<size_t>(n);
    }
    // Sealed: the code that was checked is the code that is mapped, whoever else reaches the fd.
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
      close(fd);
      return fail("cannot seal the native code's memory file");
    }
    // The memfd stays open while the code is loaded: the dynamic loader knows objects by path,
    // and a reused descriptor number would make it hand back an older module.
    auto code = std::make_shared<LoadedCode>();
    code->fd_ = fd;
    code->metered_ = metered;
    std::string path = fmt::format("{}/{}", fd_dir, fd);
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return fail(fmt::format("dlopen failed: {}", dlerror()));
    code->handle_ = handle;
    code->desc_ = static_cast<const ModuleDescriptor*>(dlsym(handle, kDescriptorSymbol));
    if (!code->desc_) return fail("the native code has no descriptor");
    if (code->desc_->abi_version != kAbiVersion || code->desc_->num_functions != num_functions)
      return fail("the native code's descriptor does not match the module");
    link_map* lm = nullptr;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &lm) != 0 || !lm) return fail("dlinfo failed");
    CodeRange range{lm->l_addr};
    dl_iterate_phdr(find_exec_segment, &range);
    if (!range.begin) {
      if (num_functions > 0) return fail("the native code has no executable segment");
      return code;  // no functions, no code
    }
    if (!register_code_range(range.begin, range.end)) return fail("too many compiled modules loaded");
    code->code_begin_ = range.begin;
    return code;
  }

  bool attach(Store& store, ModuleInstance& inst, std::string& why) const override {
    const Module& m = inst.module->ir;
    if (store.engine().metered() && !metered_) {
      why = "it was compiled without fuel metering and this store counts fuel (petrel compile --metered)";
      return false;
    }
    if (!inst.memories.empty() && inst.memories[0]->reserved_bytes() < kGuardedReservation) {
      why = "its memory has no guard regions (made by a store without them)";
      return false;
    }
    auto state = std::make_shared<InstanceState>();
    state->store = &store;
    state->instance = &inst;
    state->code = this;
    VmContext& ctx = state->ctx;
    if (!inst.memories.empty()) {
      ctx.memory = inst.memories[0];
      ctx.mem_base = inst.memories[0]->data();
    }
    ctx.rt = &kHelpers;
    ctx.exec = &store.exec_state();
    ctx.funcs = inst.funcs.data();
    ctx.globals = inst.globals.data();
    ctx.tables = inst.tables.data();
    ctx.type_ids = inst.type_ids.data();
    ctx.runtime_only = state.get();
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
      FuncInstance* f = inst.funcs[m.num_imported_funcs + i];
      f->native_fn = desc_->typed_entries[i];
      f->native_ctx = &ctx;
      auto entry = reinterpret_cast<ArrayEntry>(const_cast<void*>(desc_->array_entries[i]));
      VmContext* c = &ctx;
      f->compiled = [entry, c](std::span<const uint64_t> args, std::span<uint64_t> results) {
        return call_native(entry, c, args, results);
      };
    }
    inst.native_state = std::move(state);
    return true;
  }

 private:
  int fd_ = -1;
  void* handle_ = nullptr;
  const ModuleDescriptor* desc_ = nullptr;
  uintptr_t code_begin_ = 0;
  bool metered_ = false;  // the code counts fuel (compiled with --metered)
};

}  // namespace

std::string header_mismatch(const SectionHeader& h, std::span<const uint8_t> module, std::span<const uint8_t> code) {
  if (h.abi_version != kAbiVersion)
    return fmt::format("compiled for Petrel native ABI {}, this runtime has ABI {}", h.abi_version, kAbiVersion);
  if (h.platform != kHostPlatform) return fmt::format("compiled for {}, this host is {}", h.platform, kHostPlatform);
  if (!host_supports_cpu(h.cpu)) return fmt::format("compiled for CPU level {}, which this host lacks", h.cpu);
  if (hash_bytes(module) != h.module_hash) return "the module bytes do not match the ones compiled (module hash differs)";
  if (hash_bytes(code) != h.code_hash) return "the native code is corrupted (code hash differs)";
  return {};
}

bool host_supports_cpu(const std::string& cpu) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (cpu == "x86-64") return true;
  if (cpu == "x86-64-v2") return __builtin_cpu_supports("x86-64-v2");
  if (cpu == "x86-64-v3") return __builtin_cpu_supports("x86-64-v3");
  if (cpu == "x86-64-v4") return __builtin_cpu_supports("x86-64-v4");
  return false;
#else
  return cpu == "generic";
#endif
}

Result<std::shared_ptr<const LoadedModule>> load_module(std::span<const uint8_t> bytes, const LoadOptions& options,
                                                        LoadReport* report) {
  LoadReport local;
  LoadReport& r = report ? *report : local;
  r = {};
  auto found = find_native_section(bytes);
  auto lm = load_binary(found && found->is_last ? bytes.subspan(0, found->module_end) : bytes);
  if (lm && found) attach_native(*lm, bytes, options, r);
  return lm;
}

void attach_native(const std::shared_ptr<const LoadedModule>& lm, std::span<const uint8_t> bytes,
                   const LoadOptions& options, LoadReport& r) {
  if (auto checked = check_native(bytes, options, r)) load_native(lm, *checked, r);
}

std::optional<CheckedCode> check_native(std::span<const uint8_t> bytes, const LoadOptions& options, LoadReport& r) {
  auto found = find_native_section(bytes);
  if (!found) return std::nullopt;
  r.had_section = true;
  auto refuse = [&](std::string why) {
    r.why_not = std::move(why);
    return std::nullopt;
  };
  if (!options.use_native) return refuse("compiled code disabled");
  if (!found->is_last) return refuse("the petrel.native section is not the module's last section");
  if (found->truncated) return refuse("the petrel.native section is truncated");
  auto section = parse_native_section(found->payload);
  if (!section) return refuse(section.error().message);
  std::span<const uint8_t> module = bytes.subspan(0, found->module_end);
  if (auto why = header_mismatch(section->header, module, section->code); !why.empty()) return refuse(why);
  if (!options.made_here) {
    if (auto why = why_untrusted(*section, module, options.trust); !why.empty())
      return refuse("its compiled code is not trusted: " + why);
  }
  return CheckedCode{section->code, section->header.metered};
}

void load_native(const std::shared_ptr<const LoadedModule>& lm, const CheckedCode& checked, LoadReport& r,
                 std::string_view fd_dir) {
  auto code = LoadedCode::open(checked.code, static_cast<uint32_t>(lm->ir.functions.size()), checked.metered, fd_dir);
  if (!code) {
    r.why_not = code.error().message;
    return;
  }
  std::const_pointer_cast<LoadedModule>(lm)->native = std::move(*code);
  r.native = true;
}

}  // namespace petrel::native
