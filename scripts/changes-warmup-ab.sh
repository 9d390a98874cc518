#!/usr/bin/env bash
# ChangesBenchmark A/B for the Live changes table's warm-up, alternating in one run on the same compiled classes:
# A with the warm-up's scroll steps off (-Dcosmosdesk.warmup.scrollSteps=0, as before session 13), B with the
# default. Prints each run's opening stall, the stalls over 50 ms after Live (the first 2 s are the question), the
# lag and the load. Needs `mvn -o -Dskip.npm=true test-compile` first; run it on a quiet machine.
#
#   scripts/changes-warmup-ab.sh [PAIRS=3] [RATE=2000] [SECONDS=30]
set -Eeuo pipefail
trap 'echo "changes-warmup-ab: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pairs=${1:-3}; rate=${2:-2000}; seconds=${3:-30}
[ -d "$repo/target/test-classes/io/cosmosdesk/bench" ] || {
  echo "changes-warmup-ab: FAILED: no compiled benchmarks (mvn -o -Dskip.npm=true test-compile)" >&2; exit 1; }
work="$repo/target/changes-warmup-ab"; mkdir -p "$work"
(cd "$repo" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) \
  || { echo "changes-warmup-ab: FAILED: could not list the test class path" >&2; exit 1; }
classpath="$repo/target/classes:$repo/target/test-classes:$(cat "$work/cp.txt")"
for pair in $(seq 1 "$pairs"); do
  if (( pair % 2 )); then order="0 default"; else order="default 0"; fi # alternate which goes first
  for steps in $order; do
    flag=(); [ "$steps" = 0 ] && flag=(-Dcosmosdesk.warmup.scrollSteps=0)
    log="$work/pair$pair-steps-$steps.log"
    echo "=== pair $pair, scroll steps $steps: $(uptime)"
    java -Xmx4g -XX:+UseG1GC "${flag[@]}" -Dcosmos.server.dir="$repo/src/test/cosmos-server" \
      -Dcosmosdesk.home="$repo/target/bench-home" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
      -Dprism.order=sw -Dtestfx.headless=true -Dheadless.geometry=1600x1200-32 -classpath "$classpath" \
      io.cosmosdesk.bench.ChangesBenchmark "$rate" "$seconds" >"$log" 2>&1 \
      || { echo "changes-warmup-ab: FAILED: the benchmark exited with $?; see $log" >&2; exit 1; }
    grep -E "^writer \(|from the window shown|lag at the end|FX thread's longest stall|stalls over 50 ms:|^ +[0-9]+ ms @" "$log" \
      | cut -c1-600 || echo "changes-warmup-ab: no figures in $log" >&2
  done
done
echo "=== done: $(uptime)"
