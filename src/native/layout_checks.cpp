// Compile-time checks that the runtime's objects have the layout compiled code assumes.
#include <cstddef>

#include "runtime/instances.hpp"
#include "runtime/memory.hpp"
#include "runtime/native_abi.hpp"

namespace petrel::native {

namespace l = layout;
static_assert(offsetof(VmContext, mem_base) == l::kCtxMemBase && offsetof(VmContext, memory) == l::kCtxMemory &&
              offsetof(VmContext, rt) == l::kCtxHelpers && offsetof(VmContext, exec) == l::kCtxExec &&
              offsetof(VmContext, funcs) == l::kCtxFuncs && offsetof(VmContext, globals) == l::kCtxGlobals &&
              offsetof(VmContext, tables) == l::kCtxTables && offsetof(VmContext, type_ids) == l::kCtxTypeIds);
static_assert(offsetof(ExecState, stack_limit) == l::kExecStackLimit &&
              offsetof(ExecState, interrupt) == l::kExecInterrupt && offsetof(ExecState, fuel) == l::kExecFuel);
static_assert(MemoryInstance::base_offset() == l::kMemoryBase && MemoryInstance::size_offset() == l::kMemorySize);
static_assert(offsetof(GlobalInstance, value) == l::kGlobalValue &&
              offsetof(GlobalInstance, hi) == l::kGlobalValue + 8);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
// Not standard-layout classes, but without virtual functions or bases: offsetof works on the
// Itanium C++ ABI that every supported platform uses.
static_assert(offsetof(FuncInstance, native_fn) == l::kFuncNativeFn &&
              offsetof(FuncInstance, native_ctx) == l::kFuncNativeCtx &&
              offsetof(FuncInstance, type_id) == l::kFuncTypeId);
static_assert(offsetof(TableInstance, elems) == l::kTableBegin);
#pragma GCC diagnostic pop
// Compiled code finds a helper at its Helper index in the table.
#define PETREL_HELPER_OFFSET(Enum, field, ...) \
  static_assert(offsetof(Helpers, field) == static_cast<size_t>(Helper::Enum) * sizeof(void*));
PETREL_NATIVE_HELPERS(PETREL_HELPER_OFFSET)
#undef PETREL_HELPER_OFFSET
static_assert(sizeof(Helpers) == (static_cast<size_t>(Helper::Interrupted) + 1) * sizeof(void*));
// libstdc++'s std::vector is {begin, end, capacity end}; compiled code reads the first two.
static_assert(sizeof(std::vector<Ref>) == 3 * sizeof(void*));

}  // namespace petrel::native
