#!/usr/bin/env bash
# ChangesBenchmark A/B of two builds, alternating in one run: each of A and B is a directory holding a build's
# classes/ and test-classes/ (copy target/classes and target/test-classes aside before and after a change). Prints
# each run's figures (writer rate, lag, stalls, the app JVM's collections) and the load. Run it under the bench lock:
#
#   flock /work/wt/bench.lock scripts/changes-ab.sh A_DIR B_DIR [PAIRS=2] [RATE=2000] [SECONDS=30]
#
# JVM_A / JVM_B: extra JVM options for one side (the same build twice with another flag: A_DIR = B_DIR).
# ARGS_A / ARGS_B: extra benchmark arguments for one side (e.g. ARGS_A=--cold-writer: the writer cold against warm).
# The test class path is resolved once into target/bench-cp.txt (again when pom.xml is newer; scripts/bench-java.sh):
# run `scripts/changes-ab.sh --class-path` before taking the lock so the locked time is the benchmark's.
set -Eeuo pipefail
trap 'echo "changes-ab: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench-java.sh
. "$repo/scripts/bench-java.sh"
dependencies=$(bench_dependencies "$repo")
[ "${1:-}" = --class-path ] && { echo "changes-ab: class path in $repo/target/bench-cp.txt"; exit 0; }
a=$1; b=$2; pairs=${3:-2}; rate=${4:-2000}; seconds=${5:-30}
work="$repo/target/changes-ab/$(date -u +%H%M%S)"; mkdir -p "$work"
gc=$(sed -n 's:.*<app.gc.option>\(.*\)</app.gc.option>.*:\1:p' "$repo/pom.xml" | head -1)
gc="$gc $(sed -n 's:.*<app.gc.pause.option>\(.*\)</app.gc.pause.option>.*:\1:p' "$repo/pom.xml" | head -1)" # as the app
for pair in $(seq 1 "$pairs"); do
  if (( pair % 2 )); then order="A B"; else order="B A"; fi # alternate which goes first
  for side in $order; do
    dir=$a; extra=${JVM_A:-}; args=${ARGS_A:-}; [ "$side" = B ] && { dir=$b; extra=${JVM_B:-}; args=${ARGS_B:-}; }
    log="$work/pair$pair-$side.log"
    echo "=== pair $pair, $side ($dir $extra $args): $(uptime)"
    # shellcheck disable=SC2086 # the benchmark's arguments are a word list
    bench_java "$repo" java "$gc $extra" "$dir/classes:$dir/test-classes:$dependencies" ChangesBenchmark \
      $args "$rate" "$seconds" >"$log" 2>&1 \
      || { echo "changes-ab: FAILED: the benchmark exited with $?; see $log" >&2; exit 1; }
    grep -E "^writer \(|^writer warm-up|^late sampler|from the window shown|lag at the end|FX thread's longest stall|^longest stall beginning|stalls over 50 ms:|^second meter|garbage collections while|collections over 50 ms|fx-late-sampler|ui-stall-meter|by nice value" "$log" \
      | cut -c1-400 || echo "changes-ab: no figures in $log" >&2
  done
done
echo "=== done: $(uptime)"
