/* Petrel's extensions to the WebAssembly C API (wasm.h): loading from files and text,
 * execution limits (fuel, deadlines, interrupts, memory), statistics, and WASI.
 * All functions report errors as values; none aborts.
 *
 * Threads: an engine may be shared by any number of threads. A store, and every object made
 * in it (modules, instances, functions, globals, tables, memories, traps), belongs to one
 * thread at a time; petrel_store_interrupt alone may be called from another thread. Modules
 * can be instantiated in other stores (wasm_module_share / wasm_module_obtain, or simply
 * passing the module: its code is immutable). A store keeps what is made in it until it is
 * deleted, so a long-running host makes a store per request (it is cheap: see
 * examples/embed/threads.cpp, tested with 8 threads x 10,000 instances under ThreadSanitizer). */
#ifndef PETREL_H
#define PETREL_H

#include "wasm.h"

#ifdef __cplusplus
extern "C" {
#endif

#define own

/* "MAJOR.MINOR.PATCH" of this libpetrel. */
const char* petrel_version(void);

/* ---- Engine configuration (before wasm_engine_new_with_config) -------------------------- */

/* Fuel metering and interrupts: guests then count one unit of fuel per wasm instruction and
 * can be stopped by petrel_store_interrupt() or a deadline. Costs a little speed. */
void petrel_config_set_metering(wasm_config_t*, bool enable);
/* The most pages any one memory of a store may have (default 65536, i.e. 4 GiB). */
void petrel_config_set_max_memory_pages(wasm_config_t*, uint32_t pages);
/* The stack guest code may use, in bytes, in both engines: the interpreter's own stack (four
 * fifths values, one fifth call records), and compiled code's native stack below where it is
 * first entered on a thread (never more than the thread has). Deeper recursion traps with
 * "call stack exhausted". Default 0: the interpreter's default stack, and all the thread's
 * stack for compiled code. False (and nothing set) below 16 KiB. */
bool petrel_config_set_max_stack_bytes(wasm_config_t*, uint64_t bytes);

/* How modules run. COMPILED: each module is compiled to native code when it is made (once per
 * module: cached under $XDG_CACHE_HOME/petrel; needs libpetrel-compiler.so and ld.lld-19), with
 * fuel counted exactly as the interpreter counts it when the engine is metered; a module that
 * cannot be compiled here is interpreted (see petrel_module_is_compiled). Default: INTERPRETER. */
typedef enum petrel_engine_kind_t { PETREL_ENGINE_INTERPRETER, PETREL_ENGINE_COMPILED } petrel_engine_kind_t;
void petrel_config_set_engine(wasm_config_t*, petrel_engine_kind_t);
/* Whether the module runs as native code. */
bool petrel_module_is_compiled(const wasm_module_t*);

/* Which native code a COMPILED engine runs when a module is a universal wasm (one made by
 * `petrel compile`, carrying a shared object). Loading that code runs it with the process's
 * rights, so by default (AUTHENTICATED) it is used only when it was compiled on this machine
 * (authenticated by the machine key in the trust folder) or signed by a trusted key; any other
 * module is compiled afresh (or interpreted). NONE never uses a module's own code. ANY_UNSAFE
 * runs any section that matches the host: only for modules as trusted as a native library.
 * An INTERPRETER engine never runs native code. */
typedef enum petrel_native_trust_t {
  PETREL_NATIVE_TRUST_AUTHENTICATED,
  PETREL_NATIVE_TRUST_NONE,
  PETREL_NATIVE_TRUST_ANY_UNSAFE
} petrel_native_trust_t;
void petrel_config_set_native_trust(wasm_config_t*, petrel_native_trust_t);
/* The trust folder: DIR/machine.key and the public keys DIR/trusted-keys/NAME.pub. Default:
 * $PETREL_CONFIG_DIR, else $XDG_CONFIG_HOME/petrel, else ~/.config/petrel; NULL or "": none. */
void petrel_config_set_trust_dir(wasm_config_t*, const char* dir);
/* Trusts code signed by the key in PATH (a KEY.pub made by `petrel keygen`). False, with a
 * message in `error` when given, if the file is not such a key or others could replace it. */
bool petrel_config_add_trusted_key_file(wasm_config_t*, const char* path, own wasm_message_t* error);

/* ---- Loading ------------------------------------------------------------------------------------ */

/* Reads a .wasm (binary) or .wat (text) file. On failure returns NULL and, when `error` is
 * given, a NUL-terminated message naming the file, the position and the reason. */
own wasm_module_t* petrel_module_new_from_file(wasm_store_t*, const char* path, own wasm_message_t* error);
own wasm_module_t* petrel_module_new_from_wat(wasm_store_t*, const char* text, size_t size, own wasm_message_t* error);

/* ---- Limits ------------------------------------------------------------------------------------ */

/* Sets the fuel left; false when the engine is not metered. */
bool petrel_store_set_fuel(wasm_store_t*, uint64_t fuel);
/* The fuel left; false when the engine is not metered. */
bool petrel_store_get_fuel(const wasm_store_t*, uint64_t* fuel);
/* Interrupts guest code running in this store when `timeout_ns` has passed (0 clears the
 * deadline); false when the engine is not metered. The trap says "time limit exceeded". */
bool petrel_store_set_deadline(wasm_store_t*, uint64_t timeout_ns);
/* Stops guest code running in this store with the trap "interrupted". Callable from any
 * thread (the store itself stays single-threaded). */
void petrel_store_interrupt(wasm_store_t*);

typedef enum petrel_trap_kind_t {
  PETREL_TRAP_WASM,            /* a spec trap (out of bounds, unreachable, …) or a host trap */
  PETREL_TRAP_FUEL_EXHAUSTED,
  PETREL_TRAP_INTERRUPTED,
  PETREL_TRAP_DEADLINE,
  PETREL_TRAP_EXIT,            /* WASI proc_exit: see petrel_trap_exit_status */
} petrel_trap_kind_t;
petrel_trap_kind_t petrel_trap_kind(const wasm_trap_t*);
/* True for a WASI exit, with its status. */
bool petrel_trap_exit_status(const wasm_trap_t*, int* status);

/* ---- Statistics -------------------------------------------------------------------------------- */

typedef struct petrel_stats_t {
  uint64_t fuel_consumed;      /* wasm instructions executed (metered engines) */
  uint64_t host_calls;         /* calls from wasm (interpreted or compiled) into host functions */
  uint64_t memory_bytes;       /* linear memory allocated in the store (memories only grow) */
  uint64_t wall_time_ns;       /* time spent in wasm_func_call */
  uint64_t calls;              /* wasm_func_call invocations */
} petrel_stats_t;
void petrel_store_stats(const wasm_store_t*, petrel_stats_t* out);

/* ---- WASI ------------------------------------------------------------------------------------- */

typedef struct petrel_wasi_t petrel_wasi_t;
own petrel_wasi_t* petrel_wasi_new(void);
void petrel_wasi_delete(own petrel_wasi_t*);
void petrel_wasi_set_args(petrel_wasi_t*, int argc, const char* const* argv);
void petrel_wasi_set_env(petrel_wasi_t*, const char* name, const char* value);
void petrel_wasi_preopen_dir(petrel_wasi_t*, const char* guest_path, const char* host_path, bool readonly);
void petrel_wasi_set_stdio(petrel_wasi_t*, int stdin_fd, int stdout_fd, int stderr_fd);
void petrel_wasi_allow_net(petrel_wasi_t*, bool allow);
/* Instantiates a module importing WASI (only WASI). The configuration is consumed. On
 * failure returns NULL with *trap describing it. */
own wasm_instance_t* petrel_instance_new_with_wasi(wasm_store_t*, const wasm_module_t*, own petrel_wasi_t*,
                                                    own wasm_trap_t** trap);
/* Runs a WASI command's _start: returns its exit status (0 when _start returns), or -1 with
 * *trap set when it trapped. */
int petrel_wasi_run_start(wasm_instance_t*, own wasm_trap_t** trap);

#undef own

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* PETREL_H */
