// native_stack_low: false with plenty of stack left, on the main thread and on a new one, and
// in every build: under clang's AddressSanitizer (use-after-return mode, its default) locals
// live on a heap "fake stack", and reading the stack position from a local's address made the
// WAT parser reject every nested expression there (a finding of the fuzz build).
#include <gtest/gtest.h>

#include <thread>

#include "support/stack_guard.hpp"

namespace {

TEST(StackGuard, MainThreadHasStackLeft) { EXPECT_FALSE(petrel::native_stack_low()); }

TEST(StackGuard, NewThreadHasStackLeft) {
  bool low = true;
  std::thread([&] { low = petrel::native_stack_low(); }).join();
  EXPECT_FALSE(low);
}

TEST(StackGuard, NothingLeftBeyondTheWholeStack) {
  // A margin larger than any thread's stack: the guard must say so.
  EXPECT_TRUE(petrel::native_stack_low(size_t{1} << 40));
}

}  // namespace
