#pragma once
#include "runtime/instantiate.hpp"

namespace petrel::host {

// Defines the spec testsuite's `spectest` module in `linker`, as the reference interpreter
// does: print functions, four globals (666 / 666.6), a table of 10..20 funcrefs and a memory
// of 1..2 pages.
void define_spectest(Store& store, Linker& linker);

}  // namespace petrel::host
