#!/usr/bin/env bash
# The soak run, beside the suite (not part of `mvn verify`): random crash trials across moves and imports.
# Each trial runs a move or an import in a JVM of its own that dies on the spot (Runtime.halt) at a random step,
# sometimes with the local server applying writes and dropping their answers; a new JVM recovers from the journal;
# then the whole container is checked with a client of its own: every item exactly once, bodies equal.
#
#   scripts/soak.sh [TRIALS=1000] [SEED=20261206]
#
# Prints a progress line every 25 trials (with the time a trial takes and the load average) and ends with
#   SOAK RESULT: trials N, crashes C, lost 0, duplicated 0, bodies changed 0, failed trials 0
# Exit status 0 only when nothing was lost, duplicated or changed. Needs the local server's node_modules
# (run one build without -Dskip.npm=true first, or SKIP_NPM=false). SOAK_VERBOSE=true prints every trial.
#
# The run uses a copy of the compiled classes and of the server (target/soak-run), so the work tree can be rebuilt
# while a long soak runs. One local server serves the whole run; one child JVM per trial on average.
set -euo pipefail
TRIALS="${1:-1000}"
SEED="${2:-20261206}"
cd "$(dirname "$0")/.."
RUN=target/soak-run
mkdir -p "$RUN"
if ! mvn -B -q test-compile dependency:build-classpath -Dskip.npm="${SKIP_NPM:-true}" \
    -Dmdep.includeScope=test -Dmdep.outputFile="$RUN/dependencies.txt" >"$RUN.build.log" 2>&1; then
  cat "$RUN.build.log" >&2
  echo "soak.sh: the build failed (output above)." >&2
  exit 1
fi
if [ ! -d src/test/cosmos-server/node_modules ]; then
  echo "soak.sh: src/test/cosmos-server/node_modules is missing; run one build without -Dskip.npm=true first." >&2
  exit 1
fi
rm -rf "$RUN/classes" "$RUN/test-classes" "$RUN/cosmos-server" "$RUN/home"
cp -a target/classes "$RUN/classes"
cp -a target/test-classes "$RUN/test-classes"
cp -a src/test/cosmos-server "$RUN/cosmos-server"
echo "soak.sh: $TRIALS trials, seed $SEED, started $(date -u +%H:%M:%S) UTC; $(uptime)"
if ! java -Xmx1g -XX:+UseSerialGC -Dsoak.verbose="${SOAK_VERBOSE:-false}" \
    -Dcosmos.server.dir="$RUN/cosmos-server" -Dcosmosdesk.home="$RUN/home" \
    -cp "$RUN/test-classes:$RUN/classes:$(cat "$RUN/dependencies.txt")" \
    io.cosmosdesk.soak.SoakRun "$TRIALS" "$SEED"; then
  echo "soak.sh: the soak run failed or found lost/duplicated/changed items (see the lines above)." >&2
  exit 1
fi
echo "soak.sh: ended $(date -u +%H:%M:%S) UTC; $(uptime)"
