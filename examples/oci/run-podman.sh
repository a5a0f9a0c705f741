#!/usr/bin/env bash
# The seed's walk-through with podman: build the FROM-scratch echo-server images with buildah,
# run them with petrel-oci as podman's runtime, talk to the server from the host, stop it.
# A plain Linux image (busybox) goes through the same runtime to runc.
# Usage (as root): examples/oci/run-podman.sh BUILD_DIR [PORT]
# Images and containers live in a private store under a temporary folder, removed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
for tool in podman buildah; do
  command -v $tool > /dev/null || { echo "SKIPPED: $tool is not installed (apt-get install podman buildah)"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIPPED: needs root"; exit 77; }
build=$(cd "${1:?usage: $0 BUILD_DIR [PORT]}" && pwd)
port=${2:-18080}
work=$(mktemp -d /tmp/petrel-podman.XXXXXX)
store=(--root "$work/storage" --runroot "$work/run" --storage-driver vfs)
podman=(podman "${store[@]}" --cgroup-manager=cgroupfs --runtime "$build/bin/petrel-oci")
cleanup() { "${podman[@]}" rm -af > /dev/null 2>&1 || true; "${podman[@]}" system reset -f > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

make_context "$build" "$work/context"
for variant in wasm compiled; do
  module=echo_server.wasm; [ $variant = compiled ] && module=echo_server.aot.wasm
  buildah "${store[@]}" bud -q --annotation module.wasm.image/variant=compat --build-arg MODULE=$module \
    -t petrel-echo:$variant "$work/context" > /dev/null || fail "buildah bud petrel-echo:$variant"
done
echo "built localhost/petrel-echo:wasm and :compiled (FROM scratch)"

# The compiled image: published on 127.0.0.1, lines echoed, stopped quickly, exit status kept.
"${podman[@]}" run -d --name echo -p "127.0.0.1:$port:8080" --annotation module.wasm.image/variant=compat \
  localhost/petrel-echo:compiled > /dev/null || fail "podman run petrel-echo:compiled"
for line in "hello from the host" "a second line" "$(printf 'x%.0s' $(seq 1000))"; do
  echo_roundtrip "$port" "$line" || fail "echo through podman"
done
"${podman[@]}" logs echo | grep -q "echo server listening" || fail "podman logs shows the server's output"
echo "podman: lines echoed by the wasm container"
start=$(ms_now)
"${podman[@]}" stop echo > /dev/null || fail "podman stop"
took=$(( $(ms_now) - start ))
[ "$took" -lt 2000 ] || fail "podman stop took $took ms (limit 2000)"
status=$("${podman[@]}" inspect --format '{{.State.ExitCode}}' echo)
[ "$status" = 143 ] || fail "exit status after stop: $status, expected 143 (SIGTERM)"
"${podman[@]}" ps -a --format '{{.Names}} {{.Status}}' | grep -q "^echo Exited (143)" || fail "podman ps -a shows Exited (143)"
"${podman[@]}" rm echo > /dev/null
echo "podman: stopped in $took ms, exit status $status"

# The plain module runs interpreted through the same path; `podman wait` reports its status.
"${podman[@]}" run -d --name echo-plain -p "127.0.0.1:$((port + 1)):8080" localhost/petrel-echo:wasm > /dev/null
echo_roundtrip $((port + 1)) "plain module" || fail "echo with the plain module"
"${podman[@]}" kill echo-plain > /dev/null
status=$("${podman[@]}" wait echo-plain)
[ "$status" = 137 ] || fail "podman wait after kill (SIGKILL): $status, expected 137"
"${podman[@]}" rm echo-plain > /dev/null
echo "podman: the plain module works too; podman wait reported $status"

# With a terminal (-t): the console socket path; the guest's output and exit status come back.
if command -v script > /dev/null; then
  set +e
  out=$(timeout 60 script -qec "${podman[*]} run --rm -t localhost/petrel-echo:wasm 70000" /dev/null | tr -d '\r')
  status=$?
  set -e
  grep -q "echo_server: bind/listen on port 70000" <<< "$out" || fail "podman run -t: the guest's output did not come back ('$out')"
  [ "$status" = 1 ] || fail "podman run -t: exit status $status, expected 1"
  echo "podman: run -t (console socket) shows the guest's output and exit status"
fi

# Not wasm: delegated to runc. Needs a static busybox (Debian's busybox-static).
if [ -x /bin/busybox ] && ! ldd /bin/busybox > /dev/null 2>&1; then
  mkdir -p "$work/busybox"
  cp /bin/busybox "$work/busybox/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT ["/bin/busybox"]\n' > "$work/busybox/Containerfile"
  buildah "${store[@]}" bud -q -t petrel-busybox "$work/busybox" > /dev/null || fail "buildah bud busybox"
  out=$("${podman[@]}" run --rm localhost/petrel-busybox echo "hello from busybox")
  [ "$out" = "hello from busybox" ] || fail "busybox through runc printed '$out'"
  set +e; "${podman[@]}" run --rm localhost/petrel-busybox sh -c 'exit 7'; status=$?; set -e
  [ "$status" = 7 ] || fail "busybox exit status $status, expected 7"
  echo "podman: a plain Linux image (busybox) ran through runc"
else
  echo "SKIPPED: busybox delegation (no static /bin/busybox; apt-get install busybox-static)"
  exit 77
fi
echo "run-podman: all checks passed"
