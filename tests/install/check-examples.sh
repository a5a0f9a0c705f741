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
}

# 1. pkg-config
mkdir -p "$work/pc"
for ex in hello limits memory threads; do
  # shellcheck disable=SC2046
  cc -std=c11 -Wall -Werror $extra -o "$work/pc/$ex" "$root/examples/embed/$ex.c" $(pkg-config --cflags --libs petrel) -lpthread
done
check_all "$work/pc" pkg-config

# 2. find_package(Petrel)
cmake -S "$root/examples/embed" -B "$work/cm" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" > /dev/null
ninja -C "$work/cm" > /dev/null
check_all "$work/cm" find_package
