#pragma once
#include <cstddef>

namespace petrel {

// True when the current thread has less than `margin` bytes of native stack left. Recursive
// parsers call it so that deep input becomes an error instead of a stack overflow, whatever
// the thread's stack size or the build's frame sizes (sanitizers make frames much larger).
bool native_stack_low(size_t margin = 256 * 1024);

}  // namespace petrel
