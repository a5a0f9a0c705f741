// The contract between compiled code and the runtime: the layout of the per-instance context
// that compiled functions receive as their first argument, the helper table they call for
// anything not done inline, and the descriptor a compiled shared object exports. The compiler
// (src/compiler) emits code against these offsets; the native loader (src/native) fills them
// in. Any change to a layout here must bump kAbiVersion, so stale compiled code is refused.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

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

// Why compiled code stopped; the runtime turns a code into the spec's trap message.
enum class TrapCode : uint32_t {
  Unreachable = 1,
  IntegerDivideByZero,
  IntegerOverflow,
  InvalidConversion,
  MemoryOutOfBounds,
  TableOutOfBounds,
  UndefinedElement,
  UninitializedElement,
  IndirectCallTypeMismatch,
  CallStackExhausted,
  FuelExhausted,
  Interrupted,   // the interrupt flag was seen set; the runtime reads why
  HostError,     // a host function (or another engine) failed; the error is already stored
};
const char* trap_message(TrapCode code);

struct VmContext;

// Store-wide execution state, read by compiled code on entry to a function and on loop
// back-edges.
struct ExecState {
  uintptr_t stack_limit = 0;     // +0: a function whose stack pointer is below this traps
  int* interrupt = nullptr;        // +8: non-zero asks compiled code to stop (an atomic int)
  int64_t* fuel = nullptr;         // +16: metered code only
};

// Functions compiled code calls; all take the calling instance's context first. Those that can
// trap do not return when they do.
struct Helpers {
  void (*trap)(VmContext*, uint32_t code, uint64_t detail);                         // 0: detail: element index
  void (*call)(VmContext*, FuncInstance* f, uint64_t* slots);                       // 1: args in, results out
  uint32_t (*memory_grow)(VmContext*, uint32_t delta);                              // 2
  void (*memory_fill)(VmContext*, uint32_t dst, uint32_t value, uint32_t n);       // 3
  void (*memory_copy)(VmContext*, uint32_t dst, uint32_t src, uint32_t n);         // 4
  void (*memory_init)(VmContext*, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n);  // 5
  void (*data_drop)(VmContext*, uint32_t seg);                                      // 6
  uint64_t (*table_get)(VmContext*, uint32_t table, uint32_t i);                    // 7
  void (*table_set)(VmContext*, uint32_t table, uint32_t i, uint64_t ref);         // 8
  uint32_t (*table_size)(VmContext*, uint32_t table);                               // 9
  uint32_t (*table_grow)(VmContext*, uint32_t table, uint64_t init, uint32_t delta);  // 10
  void (*table_fill)(VmContext*, uint32_t table, uint32_t i, uint64_t ref, uint32_t n);  // 11
  void (*table_copy)(VmContext*, uint32_t dst, uint32_t src, uint32_t d, uint32_t s, uint32_t n);  // 12
  void (*table_init)(VmContext*, uint32_t table, uint32_t seg, uint32_t d, uint32_t s, uint32_t n);  // 13
  void (*elem_drop)(VmContext*, uint32_t seg);                                      // 14
  void (*interrupted)(VmContext*);                                                  // 15
};
enum class Helper : uint32_t {
  Trap, Call, MemoryGrow, MemoryFill, MemoryCopy, MemoryInit, DataDrop, TableGet, TableSet,
  TableSize, TableGrow, TableFill, TableCopy, TableInit, ElemDrop, Interrupted,
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
