#include "native/activation.hpp"

#include <pthread.h>
#include <signal.h>
#include <ucontext.h>

#include <atomic>
#include <csetjmp>
#include <cstdlib>
#include <mutex>

#include "native/instance_state.hpp"
#include "runtime/engine.hpp"

namespace petrel::native {
namespace {

constexpr int kJumpError = 1;  // Activation::error holds the trap
constexpr int kJumpFault = 2;  // a memory fault in compiled code

struct Activation {
  jmp_buf jump;
  Activation* previous = nullptr;
  int how = 0;  // why control came back: kJumpError or kJumpFault
  Error error{Error::Kind::Trap, {}, {}};
};

thread_local Activation* t_current = nullptr;

// ---- code ranges (read by the signal handler without locks) ---------------------------------
constexpr size_t kMaxRanges = 16384;
struct Range {
  std::atomic<uintptr_t> begin{0}, end{0};
};
Range g_ranges[kMaxRanges];
std::atomic<size_t> g_range_count{0};  // slots in use are below this
std::mutex g_range_mutex;

bool in_compiled_code(uintptr_t pc) {
  size_t n = g_range_count.load(std::memory_order_acquire);
  for (size_t i = 0; i < n; ++i) {
    uintptr_t b = g_ranges[i].begin.load(std::memory_order_relaxed);
    if (b && pc >= b && pc < g_ranges[i].end.load(std::memory_order_relaxed)) return true;
  }
  return false;
}

// ---- the fault handler --------------------------------------------------------------------------
struct sigaction g_previous_segv, g_previous_bus;

uintptr_t fault_pc(void* context) {
  auto* uc = static_cast<ucontext_t*>(context);
#if defined(__x86_64__)
  return static_cast<uintptr_t>(uc->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
  return static_cast<uintptr_t>(uc->uc_mcontext.pc);
#else
  (void)uc;
  return 0;
#endif
}

void on_fault(int sig, siginfo_t* info, void* context) {
  Activation* act = t_current;
  if (act && in_compiled_code(fault_pc(context))) {
    // An access beyond a linear memory's size, stopped by its guard region. SA_NODEFER keeps
    // the signal unblocked, so a plain longjmp leaves the signal mask as it was.
    act->how = kJumpFault;
    longjmp(act->jump, kJumpFault);
  }
  // Not ours: hand it to whoever was installed before (a sanitizer, a debugger), or let the
  // default action happen when the faulting instruction runs again.
  const struct sigaction& prev = sig == SIGSEGV ? g_previous_segv : g_previous_bus;
  if (prev.sa_flags & SA_SIGINFO) {
    prev.sa_sigaction(sig, info, context);
  } else if (prev.sa_handler == SIG_DFL || prev.sa_handler == SIG_IGN) {
    signal(sig, SIG_DFL);
  } else {
    prev.sa_handler(sig);
  }
}

void install_fault_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa {};
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &g_previous_segv);
    sigaction(SIGBUS, &sa, &g_previous_bus);
  });
}

// The lowest stack address compiled code may use on this thread: the thread's stack bottom
// plus room for helpers, host functions and the signal handler.
uintptr_t thread_stack_limit() {
  thread_local uintptr_t limit = 0;
  if (limit) return limit;
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  size_t reserve = size >= (size_t{1} << 20) ? (size_t{256} << 10) : size / 4;
  limit = reinterpret_cast<uintptr_t>(addr) + reserve;
  return limit;
}

// The limit for an entry into compiled code here: `budget` bytes below the current frame, but
// never below what the thread's stack allows (0: all of that).
uintptr_t stack_limit_from_here(uint64_t budget) {
  uintptr_t floor = thread_stack_limit();
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (budget == 0 || here <= floor || here - floor <= budget) return floor;
  return here - budget;
}

}  // namespace

bool register_code_range(uintptr_t begin, uintptr_t end) {
  std::lock_guard lock(g_range_mutex);
  size_t n = g_range_count.load(std::memory_order_relaxed);
  for (size_t i = 0; i < n; ++i) {
    if (g_ranges[i].begin.load(std::memory_order_relaxed) == 0) {
      g_ranges[i].end.store(end, std::memory_order_relaxed);
      g_ranges[i].begin.store(begin, std::memory_order_release);
      return true;
    }
  }
  if (n == kMaxRanges) return false;
  g_ranges[n].end.store(end, std::memory_order_relaxed);
  g_ranges[n].begin.store(begin, std::memory_order_relaxed);
  g_range_count.store(n + 1, std::memory_order_release);
  return true;
}

void unregister_code_range(uintptr_t begin) {
  std::lock_guard lock(g_range_mutex);
  size_t n = g_range_count.load(std::memory_order_relaxed);
  for (size_t i = 0; i < n; ++i)
    if (g_ranges[i].begin.load(std::memory_order_relaxed) == begin) g_ranges[i].begin.store(0, std::memory_order_release);
}

Result<void> call_native(ArrayEntry entry, VmContext* ctx, std::span<const uint64_t> args, std::span<uint64_t> results) {
  install_fault_handler();
  ExecState* exec = ctx->exec;
  uintptr_t saved_limit = exec->stack_limit;
  // The outermost entry on this thread sets the limit; re-entries (through host functions)
  // keep it, so the store's stack budget covers the whole chain of calls.
  if (!saved_limit) exec->stack_limit = stack_limit_from_here(state_of(ctx).store->limits().max_stack_bytes);
  Activation act;
  act.previous = t_current;
  t_current = &act;
  if (setjmp(act.jump) == 0) entry(ctx, args.data(), results.data());
  t_current = act.previous;
  exec->stack_limit = saved_limit;
  if (act.how == 0) return {};
  if (act.how == kJumpFault) return std::unexpected(Error{Error::Kind::Trap, trap_message(TrapCode::MemoryOutOfBounds), {}});
  return std::unexpected(std::move(act.error));
}

void raise(Error&& error) {
  Activation* act = t_current;
  if (!act) std::abort();  // a helper ran outside compiled code: a runtime bug
  act->error = std::move(error);
  act->how = kJumpError;
  longjmp(act->jump, kJumpError);
}

void raise_trap(TrapCode code) { raise(Error{Error::Kind::Trap, trap_message(code), {}}); }

}  // namespace petrel::native
