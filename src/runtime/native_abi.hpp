// The contract between compiled code and the runtime: the layout of the per-instance context
// that compiled functions receive as their first argument, the helper table they call for
// anything not done inline, and the descriptor a compiled shared object exports. The compiler
// (src/compiler) emits code against these offsets; the native loader (src/native) fills them
// in. Any change to a layout here must bump kAbiVersion, so stale compiled code is refused.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/trap.hpp"

namespace petrel {
struct FuncInstance;
struct GlobalInstance;
struct TableInstance;
class MemoryInstance;
}  // namespace petrel

namespace petrel::native {

inline constexpr uint32_t kAbiVersion = 1;
// The custom section of a universal wasm that carries compiled code.
inline constexpr std::string_view kSectionName = "petrel.native";
// The symbol of the ModuleDescriptor in a compiled shared object.
inline constexpr const char* kDescriptorSymbol = "petrel_native_module";

// The platform compiled code is built for, in Petrel's own spelling (not LLVM's triple, so the
// runtime needs no LLVM to compare them).
#if defined(__x86_64__) && defined(__linux__)
inline constexpr std::string_view kHostPlatform = "x86_64-linux";
#elif defined(__aarch64__) && defined(__linux__)
inline constexpr std::string_view kHostPlatform = "aarch64-linux";
#else
inline constexpr std::string_view kHostPlatform = "unsupported";
#endif

// Why compiled code stopped (runtime/trap.hpp); the runtime turns a code into its message.
using petrel::TrapCode;
using petrel::trap_message;

struct VmContext;

// Store-wide execution state, read by compiled code on entry to a function and on loop
// back-edges.
struct ExecState {
  uintptr_t stack_limit = 0;     // +0: a function whose stack pointer is below this traps
  int* interrupt = nullptr;        // +8: non-zero asks compiled code to stop (an atomic int)
  int64_t* fuel = nullptr;         // +16: metered code only
};

// Functions compiled code calls; all take the calling instance's context first. Those that can
// trap do not return when they do. The one list: X(Enum, field, result, parameters after the
// context...). It makes the Helpers table, the Helper enum (an entry's index in the table), the
// LLVM signatures (compiler/module_codegen.cpp) and the table's contents (native/helpers.cpp,
// functions named by `field`); native/layout_checks.cpp ties offsets to indices.
#define PETREL_NATIVE_HELPERS(X)                                                   \
  X(Trap, trap, void, uint32_t /*code*/, uint64_t /*detail: element index*/)      \
  X(Call, call, void, FuncInstance*, uint64_t* /*args in, results out*/)          \
  X(MemoryGrow, memory_grow, uint32_t, uint32_t /*delta*/)                         \
  X(MemoryFill, memory_fill, void, uint32_t /*dst*/, uint32_t /*value*/, uint32_t /*n*/) \
  X(MemoryCopy, memory_copy, void, uint32_t /*dst*/, uint32_t /*src*/, uint32_t /*n*/)   \
  X(MemoryInit, memory_init, void, uint32_t /*seg*/, uint32_t, uint32_t, uint32_t)        \
  X(DataDrop, data_drop, void, uint32_t /*seg*/)                                   \
  X(TableGet, table_get, uint64_t, uint32_t /*table*/, uint32_t /*i*/)             \
  X(TableSet, table_set, void, uint32_t /*table*/, uint32_t /*i*/, uint64_t /*ref*/)     \
  X(TableSize, table_size, uint32_t, uint32_t /*table*/)                           \
  X(TableGrow, table_grow, uint32_t, uint32_t /*table*/, uint64_t /*init*/, uint32_t)    \
  X(TableFill, table_fill, void, uint32_t /*table*/, uint32_t, uint64_t /*ref*/, uint32_t) \
  X(TableCopy, table_copy, void, uint32_t /*dst*/, uint32_t /*src*/, uint32_t, uint32_t, uint32_t) \
  X(TableInit, table_init, void, uint32_t /*table*/, uint32_t /*seg*/, uint32_t, uint32_t, uint32_t) \
  X(ElemDrop, elem_drop, void, uint32_t /*seg*/)                                   \
  X(Interrupted, interrupted, void)

struct Helpers {
#define PETREL_HELPER_FIELD(Enum, field, R, ...) R (*field)(VmContext* __VA_OPT__(, ) __VA_ARGS__);
  PETREL_NATIVE_HELPERS(PETREL_HELPER_FIELD)
#undef PETREL_HELPER_FIELD
};
enum class Helper : uint32_t {
#define PETREL_HELPER_ENUM(Enum, ...) Enum,
  PETREL_NATIVE_HELPERS(PETREL_HELPER_ENUM)
#undef PETREL_HELPER_ENUM
};

// Per-instance context. Compiled code reads the fields before `runtime_only` at fixed offsets.
struct VmContext {
  uint8_t* mem_base = nullptr;                // +0: memory 0's base (never moves)
  MemoryInstance* memory = nullptr;           // +8
  const Helpers* rt = nullptr;                // +16
  ExecState* exec = nullptr;                  // +24
  FuncInstance* const* funcs = nullptr;       // +32: the function index space
  GlobalInstance* const* globals = nullptr;   // +40
  TableInstance* const* tables = nullptr;     // +48
  const uint32_t* type_ids = nullptr;         // +56: type index → interned type id
  void* runtime_only = nullptr;               // +64: the loader's own state
};

// Offsets compiled code uses inside runtime objects (checked by static_asserts in src/native).
namespace layout {
inline constexpr uint32_t kCtxMemBase = 0, kCtxMemory = 8, kCtxHelpers = 16, kCtxExec = 24, kCtxFuncs = 32,
                          kCtxGlobals = 40, kCtxTables = 48, kCtxTypeIds = 56;
inline constexpr uint32_t kExecStackLimit = 0, kExecInterrupt = 8, kExecFuel = 16;
// FuncInstance: native entry (typed), its context, interned type id.
inline constexpr uint32_t kFuncNativeFn = 0, kFuncNativeCtx = 8, kFuncTypeId = 16;
// MemoryInstance: base, size in bytes.
inline constexpr uint32_t kMemoryBase = 0, kMemorySize = 8;
// TableInstance: its element vector's begin and end pointers.
inline constexpr uint32_t kTableBegin = 0, kTableEnd = 8;
// GlobalInstance: value slot (low half), high half of a v128.
inline constexpr uint32_t kGlobalValue = 8;
}  // namespace layout

// Linear memories used by compiled code reserve this much address space, so that every
// 32-bit address plus 32-bit offset (plus the widest access) lands inside the reservation:
// accesses beyond the memory's size fault in PROT_NONE pages instead of needing a check.
inline constexpr uint64_t kGuardedReservation = (uint64_t{8} << 30) + 65536;

// What a compiled shared object exports under kDescriptorSymbol.
// A typed entry is `R f(VmContext*, P...)` with i32/i64/f32/f64 as themselves, references as
// 64-bit integers, v128 as <2 x i64>, and several results as a struct.
// An array entry is `void f(VmContext*, const uint64_t* args, uint64_t* results)` with one
// slot per value (two for a v128), as the runtime's engines use.
struct ModuleDescriptor {
  uint32_t abi_version;
  uint32_t num_functions;           // defined functions
  const void* const* typed_entries;
  const void* const* array_entries;
};
using ArrayEntry = void (*)(VmContext*, const uint64_t* args, uint64_t* results);

}  // namespace petrel::native
