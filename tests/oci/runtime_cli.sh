#!/usr/bin/env bash
# The petrel-oci command line without a container engine: the lifecycle create → state →
# start → state → kill → state → delete on bundles made here, `run`, the error cases (unknown
# id, duplicate id, missing bundle, bad JSON, bad config), delegation of non-wasm bundles.
# Usage: runtime_cli.sh BUILD_DIR. Needs root (namespaces, cgroups); exits 77 (skipped) without.
set -uo pipefail
build=$(cd "$1" && pwd)
oci=$build/bin/petrel-oci
guests=$build/guests
if [ "$(id -u)" -ne 0 ] || ! unshare --net --pid --fork true 2> /dev/null; then
  echo "SKIPPED: petrel-oci tests need root and namespaces (unshare --net --pid failed)"
  exit 77
fi
work=$(mktemp -d /tmp/petrel-oci-test.XXXXXX)
root=$work/state
export PETREL_OCI_DELEGATE=$work/no-delegate   # nothing to delegate to, unless a test says so
trap 'for c in $("$oci" --root "$root" list 2>/dev/null | awk "NR>1{print \$1}"); do "$oci" --root "$root" delete --force "$c" >/dev/null 2>&1; done; rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...: passes when COMMAND succeeds
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
status_of() { "$oci" --root "$root" state "$1" 2> /dev/null | sed -n 's/.*"status": "\([a-z]*\)".*/\1/p'; }
wait_status() {  # wait_status ID STATUS: up to 5 s
  for _ in $(seq 500); do [ "$(status_of "$1")" = "$2" ] && return 0; sleep 0.01; done
  echo "  $1 is $(status_of "$1"), expected $2"; return 1
}
make_bundle() {  # make_bundle DIR MODULE ARGS_JSON
  mkdir -p "$1/rootfs"
  cp "$2" "$1/rootfs/app.wasm"
  cat > "$1/config.json" <<JSON
{ "ociVersion": "1.0.2",
  "process": { "args": $3, "env": ["GREETING=hi"], "cwd": "/", "user": {"uid": 0, "gid": 0},
               "noNewPrivileges": true,
               "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 1048576, "hard": 1048576}] },
  "root": { "path": "rootfs" },
  "hostname": "wasm",
  "mounts": [ { "destination": "/data", "type": "bind", "source": "$1/data", "options": ["rbind", "ro"] },
              { "destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "size=1m"] },
              { "destination": "/proc", "type": "proc", "source": "proc" } ],
  "linux": { "namespaces": [ {"type": "pid"}, {"type": "network"}, {"type": "mount"}, {"type": "ipc"}, {"type": "uts"} ],
             "cgroupsPath": "/petrel-oci-test/$(basename "$1")",
             "resources": { "pids": {"limit": 64}, "memory": {"limit": 268435456} } } }
JSON
  mkdir -p "$1/data"
}

# ---- the lifecycle, on the echo server (it blocks in accept until killed)
b=$work/echo
make_bundle "$b" "$guests/echo_server.wasm" '["/app.wasm", "8080"]'
check "create" "$oci" --root "$root" create --bundle "$b" --pid-file "$work/echo.pid" c1
check "state: created" wait_status c1 created
pid=$("$oci" --root "$root" state c1 | sed -n 's/.*"pid": \([0-9]*\).*/\1/p')
check "pid file holds the container's pid" test "$(cat "$work/echo.pid")" = "$pid"
check "state names the bundle" grep -q "\"bundle\": \"$b\"" <("$oci" --root "$root" state c1)
check "list shows it" grep -q "^c1 .* created" <("$oci" --root "$root" list)
out=$("$oci" --root "$root" create --bundle "$b" c1 2>&1); rc=$?
check "duplicate id is refused" test $rc -ne 0
check "duplicate id: message" grep -q "already exists" <<< "$out"
check "start" "$oci" --root "$root" start c1
check "state: running" wait_status c1 running
out=$("$oci" --root "$root" start c1 2>&1); rc=$?
check "start twice is refused" test $rc -ne 0
check "start twice: message" grep -q "running, not created" <<< "$out"
out=$("$oci" --root "$root" delete c1 2>&1); rc=$?
check "delete of a running container is refused" test $rc -ne 0
check "in its cgroup" grep -q "$pid" <(cat /sys/fs/cgroup/pids/petrel-oci-test/echo/cgroup.procs /sys/fs/cgroup/petrel-oci-test/echo/cgroup.procs 2>/dev/null)
check "kill (SIGTERM)" "$oci" --root "$root" kill c1 TERM
check "state: stopped" wait_status c1 stopped
out=$("$oci" --root "$root" kill c1 KILL 2>&1); rc=$?
check "kill of a stopped container is refused" test $rc -ne 0
check "delete" "$oci" --root "$root" delete c1
check "its cgroup is gone" test ! -e /sys/fs/cgroup/pids/petrel-oci-test/echo
out=$("$oci" --root "$root" state c1 2>&1); rc=$?
check "state of a deleted container fails" test $rc -ne 0
check "unknown id: message" grep -q "does not exist" <<< "$out"

# ---- delete --force of a created and of a running container; kill with a signal number
check "create c2" "$oci" --root "$root" create --bundle "$b" c2
check "delete --force of a created container" "$oci" --root "$root" delete --force c2
check "create c3" "$oci" --root "$root" create --bundle "$b" c3
check "start c3" "$oci" --root "$root" start c3
check "state c3: running" wait_status c3 running
check "kill -a with a number" "$oci" --root "$root" kill --all c3 9
check "state c3: stopped" wait_status c3 stopped
check "delete c3" "$oci" --root "$root" delete c3
out=$("$oci" --root "$root" kill nosuch 2>&1); rc=$?
check "kill of an unknown id fails" test $rc -ne 0
check "create c4" "$oci" --root "$root" create --bundle "$b" c4
out=$("$oci" --root "$root" kill c4 SIGNOPE 2>&1); rc=$?
check "bad signal name is refused" grep -q "invalid signal" <<< "$out"
check "delete --force c4" "$oci" --root "$root" delete --force c4

# ---- run: args, env, the read-only bind mount, exit status
a=$work/args
make_bundle "$a" "$guests/args_env.wasm" '["/app.wasm", "one", "two"]'
out=$("$oci" --root "$root" run --bundle "$a" r1 2>&1); rc=$?
check "run: exit status 0" test $rc -eq 0
check "run: guest args" grep -q "arg\[2\]=two" <<< "$out"
check "run: guest env" grep -q "GREETING=hi" <<< "$out"
check "run: state removed afterwards" test -z "$("$oci" --root "$root" list | awk 'NR>1')"
e=$work/exit
make_bundle "$e" "$guests/exit_code.wasm" '["/app.wasm", "42"]'
"$oci" --root "$root" run --bundle "$e" r2; rc=$?
check "run: the guest's exit status" test $rc -eq 42
# procfs in the rootfs (the host's, bound there): the container still starts, and its guest
# cannot open anything on it
p=$work/procfs
make_bundle "$p" "$guests/files.wasm" '["/app.wasm", "cat", "/proc/self/status"]'
sed -i 's|"mounts": \[ |"mounts": [ { "destination": "/proc", "type": "bind", "source": "/proc", "options": ["rbind"] },\n|' "$p/config.json"
out=$("$oci" --root "$root" run --bundle "$p" r3 2>&1); rc=$?
check "run: procfs bound into the rootfs, the guest cannot open it" grep -q "error: cat: Capabilities insufficient" <<< "$out"
check "run: procfs bound into the rootfs, the guest's exit status" test $rc -eq 1

# ---- an image's embedded native code: loaded only when the node trusts its signer
# (PETREL_OCI_TRUST_DIR/trusted-keys), and only once the container process is confined
if [ -x "$build/bin/forge_universal" ]; then
  n=$work/native trust=$work/trust
  "$build/bin/forge_universal" "$guests/args_env.wasm" "$build/lib/libpetrel_foreign_object.so" "$work/forged.wasm"
  make_bundle "$n" "$work/forged.wasm" '["/app.wasm", "x"]'
  out=$(PETREL_TEST_MARKER=$work/oci-marker "$oci" --root "$root" --log "$work/native.log" run --bundle "$n" r3 2>&1); rc=$?
  check "forged native code: the container runs, interpreted" test $rc -eq 0
  check "forged native code: never loaded, as root or otherwise" test ! -e "$work/oci-marker"
  check "forged native code: the log says why" grep -q "not trusted: it is not authenticated" "$work/native.log"
  PETREL_CONFIG_DIR=$trust "$build/bin/petrel" keygen "$work/node-signer" > /dev/null
  mkdir -p "$trust/trusted-keys" && cp "$work/node-signer.pub" "$trust/trusted-keys/"
  "$build/bin/forge_universal" "$guests/args_env.wasm" "$build/lib/libpetrel_foreign_object.so" "$n/rootfs/app.wasm" \
    --sign "$work/node-signer.key"
  out=$(PETREL_OCI_TRUST_DIR=$trust PETREL_TEST_MARKER=$work/oci-marker "$oci" --root "$root" --log "$work/native.log" \
        run --bundle "$n" r4 2>&1); rc=$?
  check "signed by a trusted key: loaded inside the container (the host file was out of its reach)" \
    test $rc -eq 0 -a ! -e "$work/oci-marker"
  check "signed by a trusted key: the log shows it was loaded" grep -q "the native code has no descriptor" "$work/native.log"
  PETREL_CONFIG_DIR=$trust "$build/bin/petrel" compile --sign "$work/node-signer.key" "$guests/args_env.wasm" -o "$n/rootfs/app.wasm"
  : > "$work/native.log"
  out=$(PETREL_OCI_TRUST_DIR=$trust "$oci" --root "$root" --log "$work/native.log" run --bundle "$n" r5 2>&1); rc=$?
  check "signed compiled code: runs" grep -q "arg\[1\]=x" <<< "$out"
  check "signed compiled code: used" bash -c "! grep -q 'not using its compiled code' '$work/native.log'"
fi

# ---- bad input: each refused with a message, nothing left behind
out=$("$oci" --root "$root" create --bundle "$work/missing" x1 2>&1); rc=$?
check "missing bundle is refused" test $rc -ne 0
check "missing bundle: message" grep -q "not a directory" <<< "$out"
mkdir -p "$work/badjson/rootfs"; echo '{"process": {"args": ["/a.wasm"' > "$work/badjson/config.json"
out=$("$oci" --root "$root" create --bundle "$work/badjson" x2 2>&1); rc=$?
check "bad JSON is refused" test $rc -ne 0
check "bad JSON: message names file and byte" grep -q "config.json: invalid JSON at byte" <<< "$out"
mkdir -p "$work/noargs/rootfs"; echo '{"root": {"path": "rootfs"}, "process": {"cwd": "/"}}' > "$work/noargs/config.json"
out=$("$oci" --root "$root" create --bundle "$work/noargs" x3 2>&1); rc=$?
check "missing process.args: message" grep -q "process.args: missing" <<< "$out"
mkdir -p "$work/notwasm/rootfs"; echo "#!/bin/sh" > "$work/notwasm/rootfs/app"
echo '{"root": {"path": "rootfs"}, "process": {"args": ["/app"], "cwd": "/"}, "annotations": {"module.wasm.image/variant": "compat"}}' > "$work/notwasm/config.json"
out=$("$oci" --root "$root" create --bundle "$work/notwasm" x4 2>&1); rc=$?
check "annotated bundle without wasm: message" grep -q "is not a wasm module" <<< "$out"
out=$("$oci" --root "$root" create --bundle "$b" "../escape" 2>&1); rc=$?
check "bad container id is refused" grep -q "invalid container id" <<< "$out"
check "nothing left behind" test -z "$("$oci" --root "$root" list | awk 'NR>1')"

# ---- not wasm: handed to the delegate with the arguments unchanged
sed -i 's/"annotations": {[^}]*}/"annotations": {}/' "$work/notwasm/config.json"
printf '#!/bin/sh\necho "delegate: $*" > %s/delegated\n' "$work" > "$work/fake-runc"; chmod +x "$work/fake-runc"
PETREL_OCI_DELEGATE=$work/fake-runc "$oci" --root "$root" --log "$work/log" create --bundle "$work/notwasm" --pid-file p n1
check "non-wasm create is delegated unchanged" grep -qx "delegate: --root $root --log $work/log create --bundle $work/notwasm --pid-file p n1" "$work/delegated"
out=$("$oci" --root "$root" create --bundle "$work/notwasm" n2 2>&1); rc=$?
check "no delegate: message" grep -q "no runc or crun" <<< "$out"
PETREL_OCI_DELEGATE=$work/fake-runc "$oci" --root "$root" state other-id
check "state of an unknown id is delegated" grep -qx "delegate: --root $root state other-id" "$work/delegated"
check "features is JSON" grep -q '"ociVersionMax"' <("$oci" features)
mkdir -p "$work/spec"
check "spec writes a config.json" "$oci" spec --bundle "$work/spec"
check "spec's config loads" grep -q '"module.wasm.image/variant": "compat"' "$work/spec/config.json"

echo "runtime_cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
