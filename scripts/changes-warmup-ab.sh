#!/usr/bin/env bash
# ChangesBenchmark A/B for the Live changes table's warm-up, alternating in one run on the same compiled classes:
# A with the warm-up's scroll steps off (-Dcosmosdesk.warmup.scrollSteps=0, as before session 13), B with the
# default. Runs scripts/changes-ab.sh on target/ for both sides. Needs `mvn -o -Dskip.npm=true test-compile` first;
# run it under the bench lock.
#
#   scripts/changes-warmup-ab.sh [PAIRS=3] [RATE=2000] [SECONDS=30]
set -Eeuo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -d "$repo/target/test-classes/io/cosmosdesk/bench" ] || {
  echo "changes-warmup-ab: FAILED: no compiled benchmarks (mvn -o -Dskip.npm=true test-compile)" >&2; exit 1; }
JVM_A=-Dcosmosdesk.warmup.scrollSteps=0 JVM_B= exec "$repo/scripts/changes-ab.sh" "$repo/target" "$repo/target" \
  "${1:-3}" "${2:-2000}" "${3:-30}"
