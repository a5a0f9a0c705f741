# find_package(Petrel) → the imported target Petrel::petrel (libpetrel.so with wasm.h and
# petrel.h). Located relative to this file: <prefix>/<libdir>/cmake/Petrel/.
get_filename_component(_petrel_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET Petrel::petrel)
  add_library(Petrel::petrel SHARED IMPORTED)
  find_library(_petrel_lib NAMES petrel PATHS "${_petrel_prefix}/lib" "${_petrel_prefix}/lib64" NO_DEFAULT_PATH)
  set_target_properties(Petrel::petrel PROPERTIES
    IMPORTED_LOCATION "${_petrel_lib}"
    INTERFACE_INCLUDE_DIRECTORIES "${_petrel_prefix}/include")
endif()
set(Petrel_FOUND TRUE)
set(Petrel_VERSION 0.1.0)
