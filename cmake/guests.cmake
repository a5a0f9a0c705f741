# Guest programs: C sources of ours compiled to wasm32 with clang-19 at build time (no
# prebuilt binaries in git). petrel_add_guest(NAME SOURCE [WASI] [FLAGS...]) makes
# ${PETREL_GUEST_DIR}/NAME.wasm.
find_program(PETREL_WASM_CC clang-19)
set(PETREL_GUEST_DIR ${CMAKE_BINARY_DIR}/guests)

function(petrel_add_guest name source)
  if(NOT PETREL_WASM_CC)
    message(STATUS "clang-19 not found: guest ${name} is not built")
    return()
  endif()
  cmake_parse_arguments(G "WASI" "" "" ${ARGN})
  if(G_WASI)
    set(link_flags)
  else()
    # A library-free module: exports only, no imports, no _start.
    # bulk-memory lets clang lower memset/memcpy idioms to memory.fill/copy instead of calls.
    set(link_flags -nostdlib -Wl,--no-entry -mbulk-memory)
  endif()
  set(out ${PETREL_GUEST_DIR}/${name}.wasm)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PETREL_GUEST_DIR}
    COMMAND ${PETREL_WASM_CC} --target=wasm32-wasi -O2 ${link_flags} ${G_UNPARSED_ARGUMENTS} -o ${out} ${source}
    DEPENDS ${source}
    COMMENT "Compiling guest ${name}.wasm"
    VERBATIM)
  add_custom_target(guest_${name} ALL DEPENDS ${out})
endfunction()
