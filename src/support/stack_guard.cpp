#include "support/stack_guard.hpp"

#include <pthread.h>

#include <cstdint>

namespace petrel {

namespace {
// Lowest usable address of this thread's stack, found once per thread.
uintptr_t stack_low() {
  thread_local uintptr_t low = [] {
    pthread_attr_t attr;
    uintptr_t result = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      size_t size = 0;
      if (pthread_attr_getstack(&attr, &addr, &size) == 0) result = reinterpret_cast<uintptr_t>(addr);
      pthread_attr_destroy(&attr);
    }
    return result;
  }();
  return low;
}
}  // namespace

bool native_stack_low(size_t margin) {
  uintptr_t low = stack_low();
  if (low == 0) return false;  // unknown: rely on the explicit nesting limits
  // The frame address, not a local's: AddressSanitizer's use-after-return mode moves locals
  // to a heap "fake stack", far from the thread's stack (clang enables it by default).
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  return sp < low + margin;
}

}  // namespace petrel
