#!/usr/bin/env bash
# The soak run, beside the suite (not part of `mvn verify`): random crash trials across moves and imports.
# Each trial runs a move or an import in a JVM of its own that dies on the spot (Runtime.halt) at a random step,
# sometimes with the local server applying writes and dropping their answers; a new JVM recovers from the journal;
# then the whole container is checked with a client of its own: every item exactly once, bodies equal.
#
#   scripts/soak.sh [TRIALS=1000] [SEED=20261206]
#
# Prints a progress line every 25 trials and ends with
#   SOAK RESULT: trials N, crashes C, lost 0, duplicated 0, bodies changed 0, failed trials 0
# Exit status 0 only when nothing was lost, duplicated or changed. Needs the local server's node_modules
# (run one build without -Dskip.npm=true first, or SKIP_NPM=false).
set -euo pipefail
TRIALS="${1:-1000}"
SEED="${2:-20261206}"
cd "$(dirname "$0")/.."
if ! mvn -B -q -Pbench verify -DskipTests -Dskip.npm="${SKIP_NPM:-true}" \
    -Dbench.main=io.cosmosdesk.soak.SoakRun -Dbench.args="$TRIALS $SEED"; then
  echo "soak.sh: the soak run failed or found lost/duplicated/changed items (see the lines above)." >&2
  exit 1
fi
