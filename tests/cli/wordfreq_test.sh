#!/usr/bin/env bash
# The demo's program (examples/demo/wordfreq.c) on a folder made here, interpreted and compiled:
# its counts must be those of the text written, and its table must land in the granted OUT.
# Usage: wordfreq_test.sh PETREL WORDFREQ_WASM
set -euo pipefail
petrel=$1 wasm=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in/sub" "$work/out"
printf 'gamma beta gamma\nalpha\n' > "$work/in/a.txt"
printf 'gamma beta x1 no\n' > "$work/in/sub/b.txt"  # x1 and no are too short to count
status=0
for mode in "" --aot; do
  rm -f "$work/out/words.tsv"
  # shellcheck disable=SC2086
  out=$(XDG_CACHE_HOME=$work/cache "$petrel" run $mode --dir /in:"$work/in":ro --dir /out:"$work/out" "$wasm" /in /out 2)
  want=$'2 files, 40 bytes, 3 lines, 6 words, 3 different\nmost frequent: gamma(3) beta(2)\nwrote /out/words.tsv (3 lines)'
  if [ "$out" != "$want" ]; then
    echo "FAILED ${mode:-interpreted}: got:"; echo "$out"; status=1
  fi
  if [ "$(cat "$work/out/words.tsv")" != $'3\tgamma\n2\tbeta\n1\talpha' ]; then
    echo "FAILED ${mode:-interpreted}: words.tsv:"; cat "$work/out/words.tsv"; status=1
  fi
done
# Only what was granted: the input folder is read-only to the guest.
if "$petrel" run --dir /in:"$work/in":ro "$wasm" /in /in > /dev/null 2>&1; then
  echo "FAILED: wrote into a read-only folder"; status=1
fi
exit $status
