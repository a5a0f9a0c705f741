#!/usr/bin/env bash
# The echo-server image under containerd: a private containerd (its own config, root, state
# and socket under a temporary folder), the image imported from an OCI archive, run by `ctr`
# with petrel-oci as the runc binary of the io.containerd.runc.v2 shim, on the host network.
# Usage (as root): examples/oci/run-containerd.sh BUILD_DIR [PORT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
for tool in containerd ctr buildah; do
  command -v $tool > /dev/null || { echo "SKIPPED: $tool is not installed (apt-get install containerd buildah)"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIPPED: needs root"; exit 77; }
build=$(cd "${1:?usage: $0 BUILD_DIR [PORT]}" && pwd)
port=${2:-18180}
work=$(mktemp -d /tmp/petrel-containerd.XXXXXX)
store=(--root "$work/storage" --runroot "$work/run" --storage-driver vfs)
sock=$work/containerd.sock
ctr=(ctr --address "$sock")
containerd_pid=
cleanup() {
  "${ctr[@]}" task kill -s KILL echo > /dev/null 2>&1 || true
  sleep 0.2
  "${ctr[@]}" task delete echo > /dev/null 2>&1 || true
  "${ctr[@]}" containers delete echo > /dev/null 2>&1 || true
  [ -n "$containerd_pid" ] && kill "$containerd_pid" 2> /dev/null && wait "$containerd_pid" 2> /dev/null
  buildah "${store[@]}" rmi -a -f > /dev/null 2>&1 || true
  umount -R "$work/root" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/config.toml" <<TOML
version = 2
root = "$work/root"
state = "$work/state"
[grpc]
  address = "$sock"
[plugins."io.containerd.grpc.v1.cri"]
  disable_cgroup = true
TOML
containerd --config "$work/config.toml" > "$work/containerd.log" 2>&1 &
containerd_pid=$!
for _ in $(seq 100); do "${ctr[@]}" version > /dev/null 2>&1 && break; sleep 0.1; done
"${ctr[@]}" version > /dev/null 2>&1 || { tail -20 "$work/containerd.log"; fail "containerd did not start"; }

make_context "$build" "$work/context"
buildah "${store[@]}" bud -q --annotation module.wasm.image/variant=compat --build-arg MODULE=echo_server.aot.wasm \
  -t petrel-echo:compiled "$work/context" > /dev/null || fail "buildah bud"
buildah "${store[@]}" push -q localhost/petrel-echo:compiled "oci-archive:$work/echo.tar:localhost/petrel-echo:compiled" \
  > /dev/null 2>&1 || fail "buildah push to an OCI archive"
"${ctr[@]}" images import --snapshotter native "$work/echo.tar" > /dev/null || fail "ctr images import"

"${ctr[@]}" run -d --snapshotter native --net-host --runc-binary "$build/bin/petrel-oci" \
  localhost/petrel-echo:compiled echo /echo_server.wasm "$port" > /dev/null || fail "ctr run"
echo_roundtrip "$port" "hello from the host, through containerd" || fail "echo through containerd"
"${ctr[@]}" task ls | grep -q "^echo .*RUNNING" || fail "ctr task ls shows the task running"
echo "containerd: lines echoed by the wasm container"
start=$(ms_now)
"${ctr[@]}" task kill echo || fail "ctr task kill"
for _ in $(seq 200); do "${ctr[@]}" task ls | grep -q "^echo .*STOPPED" && break; sleep 0.01; done
took=$(( $(ms_now) - start ))
"${ctr[@]}" task ls | grep -q "^echo .*STOPPED" || fail "the task did not stop after SIGTERM"
"${ctr[@]}" task delete echo > /dev/null
echo "containerd: stopped in $took ms"
echo "run-containerd: all checks passed"
