# Helpers shared by the walk-through scripts (sourced).
fail() { echo "FAILED: $*" >&2; exit 1; }
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
# echo_roundtrip PORT LINE: sends LINE to 127.0.0.1:PORT and checks that it comes back.
echo_roundtrip() {
  local reply=""
  for _ in $(seq 100); do  # the server may still be starting
    if { exec 3<> "/dev/tcp/127.0.0.1/$1"; } 2> /dev/null; then
      printf '%s\n' "$2" >&3
      read -r -t 5 reply <&3
      exec 3>&-
      [ "$reply" = "$2" ] && return 0
    fi
    sleep 0.1
  done
  echo "sent '$2' to port $1, got '$reply'" >&2
  return 1
}
# A private context directory holding what the images are built from.
make_context() {  # make_context BUILD_DIR DIR
  local build=$1 dir=$2
  mkdir -p "$dir"
  cp "$(dirname "${BASH_SOURCE[0]}")/Containerfile" "$dir/"
  cp "$build/guests/echo_server.wasm" "$dir/echo_server.wasm"
  "$build/bin/petrel" compile "$dir/echo_server.wasm" -o "$dir/echo_server.aot.wasm" || fail "petrel compile"
}
