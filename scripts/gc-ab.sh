#!/usr/bin/env bash
# A/B of two JVM option sets (a collector, or a sysprop) on one benchmark, alternating ABBA... in one run on the
# same compiled classes, each run a fresh JVM started as the bench profile starts it (scripts/bench-java.sh).
# Prints each run's load and the benchmark's figure lines (FIGURES: an extended regex, default:
# every line); the whole logs stay in target/gc-ab/. Needs `mvn -o -Dskip.npm=true test-compile` first; hold the
# bench lock around it (COMMON.md):
#
#   flock /work/wt/bench.lock scripts/gc-ab.sh PAIRS Benchmark "ARGS" "A-OPTIONS" "B-OPTIONS"
#   e.g. scripts/gc-ab.sh 2 EditorBenchmark 6 -XX:+UseG1GC -XX:+UseShenandoahGC   (JAVA=/path/to/java: another runtime)
# A_CLASSES / B_CLASSES: that side's product classes instead of target/classes (A/B of two builds of the code, same
# options: e.g. a copy of target/classes with the old version of one class compiled into it)
set -Eeuo pipefail
trap 'echo "gc-ab: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pairs=$1; main=$2; args=$3; a=$4; b=$5; figures=${FIGURES:-.}; java=${JAVA:-java} # JAVA: another runtime
[ -d "$repo/target/test-classes/io/cosmosdesk/bench" ] || {
  echo "gc-ab: FAILED: no compiled benchmarks (mvn -o -Dskip.npm=true test-compile)" >&2; exit 1; }
work="$repo/target/gc-ab"; mkdir -p "$work"
# shellcheck source=bench-java.sh
. "$repo/scripts/bench-java.sh"
dependencies=$(bench_dependencies "$repo")
for classes in "${A_CLASSES:-}" "${B_CLASSES:-}"; do
  [ -z "$classes" ] || [ -d "$classes" ] || { echo "gc-ab: FAILED: no classes at $classes" >&2; exit 1; }
done
rest="$repo/target/test-classes:$dependencies"
stamp=$(date -u +%H%M)
for pair in $(seq 1 "$pairs"); do
  if (( pair % 2 )); then order="A B"; else order="B A"; fi
  for side in $order; do
    opts=$a; classes=${A_CLASSES:-$repo/target/classes}
    if [ "$side" = B ]; then opts=$b; classes=${B_CLASSES:-$repo/target/classes}; fi
    classpath="$classes:$rest"
    log="$work/$stamp-$main-pair$pair-$side.log"
    echo "=== pair $pair, $side ($opts; $classes): $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086 # ARGS is a word list
    bench_java "$repo" "$java" "$opts" "$classpath" "$main" $args >"$log" 2>&1 \
      || { echo "gc-ab: FAILED: the benchmark exited with $?; see $log" >&2; exit 1; }
    grep -E "$figures" "$log" | cut -c1-400 || echo "gc-ab: no figures in $log" >&2
    echo "    (log $log, load $(cut -d' ' -f1-3 /proc/loadavg))"
  done
done
echo "=== done: $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
