#!/usr/bin/env bash
# ChangesBenchmark A/B of two builds, alternating in one run: each of A and B is a directory holding a build's
# classes/ and test-classes/ (copy target/classes and target/test-classes aside before and after a change). Prints
# each run's figures (writer rate, lag, stalls, the app JVM's collections) and the load. Run it under the bench lock:
#
#   flock /work/wt/bench.lock scripts/changes-ab.sh A_DIR B_DIR [PAIRS=2] [RATE=2000] [SECONDS=30]
#
# JVM_A / JVM_B: extra JVM options for one side (the same build twice with another flag: A_DIR = B_DIR).
set -Eeuo pipefail
trap 'echo "changes-ab: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
a=$1; b=$2; pairs=${3:-2}; rate=${4:-2000}; seconds=${5:-30}
work="$repo/target/changes-ab/$(date -u +%H%M%S)"; mkdir -p "$work"
# shellcheck source=bench-java.sh
. "$repo/scripts/bench-java.sh"
dependencies=$(bench_dependencies "$repo")
gc=$(sed -n 's:.*<app.gc.option>\(.*\)</app.gc.option>.*:\1:p' "$repo/pom.xml" | head -1)
for pair in $(seq 1 "$pairs"); do
  if (( pair % 2 )); then order="A B"; else order="B A"; fi # alternate which goes first
  for side in $order; do
    dir=$a; extra=${JVM_A:-}; [ "$side" = B ] && { dir=$b; extra=${JVM_B:-}; }
    log="$work/pair$pair-$side.log"
    echo "=== pair $pair, $side ($dir $extra): $(uptime)"
    bench_java "$repo" java "$gc $extra" "$dir/classes:$dir/test-classes:$dependencies" ChangesBenchmark \
      "$rate" "$seconds" >"$log" 2>&1 \
      || { echo "changes-ab: FAILED: the benchmark exited with $?; see $log" >&2; exit 1; }
    grep -E "^writer \(|from the window shown|lag at the end|FX thread's longest stall|stalls over 50 ms:|garbage collections while|collections over 50 ms" "$log" \
      | cut -c1-400 || echo "changes-ab: no figures in $log" >&2
  done
done
echo "=== done: $(uptime)"
