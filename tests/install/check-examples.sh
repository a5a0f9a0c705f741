#!/usr/bin/env bash
# Installs libpetrel into a temporary prefix, builds every example of examples/embed against
# the *installed* library -- through pkg-config and through find_package(Petrel) -- runs
# them and checks their output. Usage: check-examples.sh BUILD_DIR [CFLAGS]
# CFLAGS (e.g. the sanitizer flags of a sanitizer build) are used to build the examples too.
set -euo pipefail
build=$(cd "$1" && pwd)
extra=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" > /dev/null
libdir=$(dirname "$(find "$prefix" -name 'libpetrel.so' | head -1)")
export PKG_CONFIG_PATH=$libdir/pkgconfig LD_LIBRARY_PATH=$libdir

expect() {  # expect NAME BINARY ARGS... <<< EXPECTED
  local name=$1 bin=$2
  shift 2
  local want got
  want=$(cat)
  got=$("$bin" "$@")
  if [ "$got" != "$want" ]; then
    echo "$name: unexpected output:"; echo "$got"; echo "expected:"; echo "$want"
    exit 1
  fi
  echo "$name: ok"
}
check_all() {  # check_all DIR VIA
  local dir=$1 via=$2
  expect "$via hello" "$dir/hello" <<< "hello from wasm: 42"
  expect "$via limits" "$dir/limits" <<< $'fuel: stopped after 1000000 instructions\ndeadline: stopped'
  expect "$via memory" "$dir/memory" <<< $'sum of 1..10 in guest memory: 55\nreading past the end: trap "out of bounds memory access"\nmemory: 1 page(s), growing by 1: ok, by 5: refused'
  expect "$via threads" "$dir/threads" 2000 <<< "8 threads x 2000 instances: all correct"
  expect "$via tables" "$dir/tables" <<< $'table size: 2\nslot 0 applied to 21: 42\nslot 1 applied to 7: 49\ngrown by 2: ok, size 4; past the maximum: refused\nslot 2 applied to 5: -5\nslot 3: trap "uninitialized element 3"'
  expect "$via C++ hello" "$dir/cpp_hello" <<< $'hello from wasm: 42 and 0.5\n47 divmod 5 = 9, 2\nas int64_t(int32_t): function "run" has another wasm type\nmemory[8] as uint64: 1122334455667788; past the end: access of 8 byte(s) at 65532 is outside the memory (65536 bytes)'
  expect "$via C++ traps" "$dir/cpp_traps" <<< $'7 / 0: trap "integer divide by zero"\nouter(4) = 41\nouter(-1): trap "negative input"\nspin: fuel exhausted after 10000 instructions'
  expect "$via C++ globals" "$dir/cpp_globals" <<< $'counter: 42\npi: 3.25; as int32_t: the global\'s wasm type is not the C++ type asked for; set: the global is immutable'
  expect "$via C++ wasi" "$dir/cpp_wasi" "$build/guests/args_env.wasm" one two <<< $'argc=3\narg[1]=one\narg[2]=two\nenv:GREETING=hi from C++\nexit status: 0'
  expect "$via C++ threads" "$dir/cpp_threads" 2000 <<< "8 threads x 2000 instances: all correct"
}

# 1. pkg-config
mkdir -p "$work/pc"
for ex in hello limits memory threads tables; do
  # shellcheck disable=SC2046
  cc -std=c11 -Wall -Werror $extra -o "$work/pc/$ex" "$root/examples/embed/$ex.c" $(pkg-config --cflags --libs petrel) -lpthread
done
for ex in hello traps globals wasi threads; do
  # shellcheck disable=SC2046
  c++ -std=c++20 -Wall -Werror $extra -o "$work/pc/cpp_$ex" "$root/examples/embed/$ex.cpp" $(pkg-config --cflags --libs petrel) -lpthread
done
check_all "$work/pc" pkg-config

# 2. find_package(Petrel)
cmake -S "$root/examples/embed" -B "$work/cm" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="$extra" -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" > /dev/null
ninja -C "$work/cm" > /dev/null
check_all "$work/cm" find_package
