// libpetrel.so is the C API's layers linked whole (see src/CMakeLists.txt); this file only
// gives the shared library a translation unit of its own.
#include "petrel.h"
