#!/usr/bin/env bash
# Which native code `petrel run` runs. A universal wasm carrying a foreign shared object whose
# constructor leaves a marker file (tests/trust/foreign_object.c), with a header an attacker
# can make (forge_universal), must never be loaded: not by `petrel run`, with or without
# --aot, nor through the compile cache. The same object signed by a trusted key is loaded
# (proving that the marker would show), and code compiled on this machine, or signed and
# trusted, runs natively.
# Usage: native_trust.sh BUILD_DIR
set -uo pipefail
build=$(cd "$1" && pwd)
petrel=$build/bin/petrel
forge=$build/bin/forge_universal
object=$build/lib/libpetrel_foreign_object.so
module=$build/guests/args_env.wasm
work=$(mktemp -d /tmp/petrel-trust-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A configuration folder (machine key, trusted keys) and a cache of this test's own.
export PETREL_CONFIG_DIR=$work/config XDG_CACHE_HOME=$work/cache PETREL_TEST_MARKER=$work/marker
passed=0 failed=0
check() {  # check NAME COMMAND...: passes when COMMAND succeeds
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
no_marker() { [ ! -e "$PETREL_TEST_MARKER" ] || { echo "  the foreign object ran"; rm -f "$PETREL_TEST_MARKER"; return 1; }; }
marker() { [ -e "$PETREL_TEST_MARKER" ] && rm -f "$PETREL_TEST_MARKER"; }
says() { grep -q -- "$1" "$work/out" || { echo "  expected '$1' in:"; sed 's/^/    /' "$work/out"; return 1; }; }
run() { "$petrel" run --verbose "$@" > "$work/out" 2>&1; }

"$petrel" keygen "$work/alice" > /dev/null
"$petrel" keygen "$work/mallory" > /dev/null
check "keygen: the secret key is private" test "$(stat -c %a "$work/alice.key")" = 600
check "keygen refuses to overwrite" bash -c "! '$petrel' keygen '$work/alice' 2> /dev/null"

# ---- a foreign object with a matching header and hashes, and no authentication
"$forge" "$module" "$object" "$work/forged.wasm"
run "$work/forged.wasm" hello; rc=$?
check "forged: the module still runs (interpreted)" test $rc -eq 0
check "forged: the object is not loaded" no_marker
check "forged: --verbose says why" says "not trusted: it is not authenticated"
run --aot "$work/forged.wasm" hello
check "forged, --aot: not loaded" no_marker
check "forged, --aot: compiled here instead" says "running compiled code"
run --trust "$work/alice.pub" "$work/forged.wasm"
check "forged, unrelated --trust: not loaded" no_marker

# ---- authenticated by another machine's key, or signed by an untrusted key
"$forge" "$module" "$object" "$work/other-machine.wasm" --machine-key "$work/other-config"
run "$work/other-machine.wasm"
check "other machine's MAC: not loaded" no_marker
check "other machine's MAC: --verbose says so" says "compiled on another machine"
"$forge" "$module" "$object" "$work/mallory.wasm" --sign "$work/mallory.key"
run "$work/mallory.wasm"
check "untrusted signature: not loaded" no_marker
check "untrusted signature: --verbose says so" says "signed by a key that is not trusted here"
run --trust "$work/alice.pub" "$work/mallory.wasm"
check "signature by another key than --trust's: not loaded" no_marker

# ---- signed by a trusted key: loaded (the marker shows that the checks above could fail)
"$forge" "$module" "$object" "$work/alice.wasm" --sign "$work/alice.key"
run --trust "$work/alice.pub" "$work/alice.wasm"
check "signed, --trust: loaded" marker
mkdir -p "$PETREL_CONFIG_DIR/trusted-keys" && cp "$work/alice.pub" "$PETREL_CONFIG_DIR/trusted-keys/"
run "$work/alice.wasm"
check "signed, key in trusted-keys/: loaded" marker
chmod 666 "$PETREL_CONFIG_DIR/trusted-keys/alice.pub"
run "$work/alice.wasm"
check "a trusted key others can write is not used" no_marker
rm "$PETREL_CONFIG_DIR/trusted-keys/alice.pub"
"$forge" --alter "$work/alice.wasm" "$work/alice-altered.wasm"
run --trust "$work/alice.pub" "$work/alice-altered.wasm"
check "signed, then altered: not loaded" no_marker
check "signed, then altered: --verbose says so" says "does not verify"
run --allow-unsigned-native "$work/forged.wasm"
check "--allow-unsigned-native loads anything (as documented)" marker

# ---- code compiled on this machine, or signed
"$petrel" compile "$module" -o "$work/compiled.wasm"
run "$work/compiled.wasm"
check "compiled here: runs natively" says "running compiled code"
"$forge" --alter "$work/compiled.wasm" "$work/compiled-altered.wasm"
run "$work/compiled-altered.wasm"
check "compiled here, then altered: interpreted" says "altered after compiling"
PETREL_CONFIG_DIR=$work/elsewhere "$petrel" run --verbose "$work/compiled.wasm" > "$work/out" 2>&1
check "compiled here, run by someone else: interpreted" says "not trusted"
chmod 644 "$PETREL_CONFIG_DIR/machine.key"
run "$work/compiled.wasm"
check "a machine key others can read is not used" says "others can read or write it"
chmod 600 "$PETREL_CONFIG_DIR/machine.key"
"$petrel" compile --sign "$work/alice.key" "$module" -o "$work/compiled-signed.wasm"
PETREL_CONFIG_DIR=$work/elsewhere "$petrel" run --verbose --trust "$work/alice.pub" "$work/compiled-signed.wasm" > "$work/out" 2>&1
check "signed by compile --sign, trusted elsewhere: runs natively" says "running compiled code"

# ---- the compile cache: an entry replaced on disk is not used
run --aot "$module"
entry=$(ls "$XDG_CACHE_HOME"/petrel/*.wasm)
check "--aot: one cache entry" test "$(echo "$entry" | wc -l)" -eq 1
"$forge" "$module" "$object" "$entry"
run --aot "$module"
check "cache entry replaced by foreign code: not loaded" no_marker
check "cache entry replaced: rebuilt" says "not used (it is not authenticated"
check "cache entry replaced: runs the code compiled afresh" says "running compiled code"
"$forge" --alter "$entry" "$entry.altered" && mv "$entry.altered" "$entry"
run --aot "$module"
check "cache entry altered: rebuilt" says "not used (its authentication by this machine's key does not match"

# ---- the C API: the same rules for embedders (petrel_config_set_native_trust)
if "$build/bin/petrel_trust_capi_test" "$work/forged.wasm" "$work/alice.wasm" "$work/alice.pub"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: the C API's trust checks"; fi

echo "native trust: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
