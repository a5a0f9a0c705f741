#!/usr/bin/env bash
# docs/kubernetes checked offline: containerd parses the handler stanza and shows petrel-oci as
# its binary; the manifests pass manifest_check, with references resolved against the
# stanza's handler; each broken fixture in bad-manifests/ fails with the message it expects.
# Usage: k8s_manifests.sh MANIFEST_CHECK SOURCE_DIR
set -uo pipefail
check=$1 src=$2 docs=$2/docs/kubernetes
failed=0
command -v containerd > /dev/null || { echo "SKIPPED: containerd is not installed"; exit 77; }
dump=$(containerd --config "$docs/containerd-petrel.toml" config dump 2>&1) || { echo "$dump" | tail -5; echo "FAILED: containerd cannot read the stanza"; exit 1; }
handler=$(sed -n 's/.*containerd\.runtimes\.\([a-z0-9-]*\)\.options\].*/\1/p' <<< "$dump" | head -1)
grep -q 'BinaryName = "/usr/local/bin/petrel-oci"' <<< "$dump" || { echo "FAILED: the stanza does not set BinaryName"; failed=1; }
grep -q 'runtime_type = "io.containerd.runc.v2"' <<< "$dump" || { echo "FAILED: the stanza does not use the runc shim"; failed=1; }
[ -n "$handler" ] || { echo "FAILED: no runtime handler in the stanza"; exit 1; }
"$check" --handler "$handler" "$docs/runtimeclass.yaml" "$docs/echo-server.yaml" || failed=1
for bad in "$src"/tests/oci/bad-manifests/*.yaml; do
  expect=$(sed -n 's/^# expect: //p' "$bad")
  out=$("$check" --handler petrel "$bad")
  if [ $? -eq 0 ] || ! grep -qF "$expect" <<< "$out"; then
    echo "FAILED: $(basename "$bad") should fail with: $expect"; echo "$out"; failed=1
  fi
done
[ $failed -eq 0 ] && echo "k8s manifests: stanza, manifests and $(ls "$src"/tests/oci/bad-manifests/*.yaml | wc -l) broken fixtures checked"
exit $failed
