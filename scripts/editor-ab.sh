#!/usr/bin/env bash
# EditorBenchmark A/B of two builds, alternating in one run (ABBA...): each of A and B is a directory holding a
# build's classes/ and test-classes/ (copy target/classes and target/test-classes aside before and after a change).
# Prints each run's table, stalls over 50 ms and the load. Run it under the bench lock:
#
#   flock /work/wt/bench.lock scripts/editor-ab.sh A_DIR B_DIR [PAIRS=2] [BENCHMARK ARGS...]
#
# The benchmark's arguments default to "6 --no-typing". Run `scripts/editor-ab.sh --class-path` before taking the
# lock so the locked time is the benchmark's (scripts/bench-java.sh).
set -Eeuo pipefail
trap 'echo "editor-ab: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench-java.sh
. "$repo/scripts/bench-java.sh"
dependencies=$(bench_dependencies "$repo")
[ "${1:-}" = --class-path ] && { echo "editor-ab: class path in $repo/target/bench-cp.txt"; exit 0; }
a=$1; b=$2; pairs=${3:-2}
shift $(( $# < 3 ? $# : 3 ))
args=("$@"); [ ${#args[@]} -eq 0 ] && args=(6 --no-typing)
work="$repo/target/editor-ab/$(date -u +%H%M%S)"; mkdir -p "$work"
gc=$(sed -n 's:.*<app.gc.option>\(.*\)</app.gc.option>.*:\1:p' "$repo/pom.xml" | head -1)
gc="$gc $(sed -n 's:.*<app.gc.pause.option>\(.*\)</app.gc.pause.option>.*:\1:p' "$repo/pom.xml" | head -1)" # as the app
for pair in $(seq 1 "$pairs"); do
  if (( pair % 2 )); then order="A B"; else order="B A"; fi # alternate which goes first
  for side in $order; do
    dir=$a; [ "$side" = B ] && dir=$b
    log="$work/pair$pair-$side.log"
    echo "=== pair $pair, $side ($dir ${args[*]}): $(uptime)"
    bench_java "$repo" java "$gc" "$dir/classes:$dir/test-classes:$dependencies" EditorBenchmark "${args[@]}" \
      >"$log" 2>&1 || { echo "editor-ab: FAILED: the benchmark exited with $?; see $log" >&2; exit 1; }
    sed -n '/^item size/,/^open stalls over/p' "$log" | grep -v '^open stalls over' || echo "editor-ab: no table in $log" >&2
    grep -E "^stalls over 50 ms:|^ +[0-9]+ KB: [0-9]+ stalls" "$log" | cut -c1-400 || true
  done
done
echo "=== done: $(uptime); logs in $work"
