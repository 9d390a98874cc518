#!/usr/bin/env bash
# Sourced by the A/B scripts (gc-ab.sh, changes-ab.sh), not run: one home for the test class path they list and for
# the java command line they start a benchmark with, the one the pom's bench profile uses (-Xmx4g, the Linux heap
# option, software renderer, headless Monocle, the bench home under target/). The profile itself stays the reference: change both.

# bench_dependencies REPO: prints the test-scope dependency class path. Listed by Maven once into
# target/bench-cp.txt and again only when pom.xml is newer, so a script run under the bench lock does not spend the
# lock's quiet time resolving it (a review finding on changes-ab.sh).
bench_dependencies() {
  local repo=$1 listed="$1/target/bench-cp.txt"
  if [ ! -s "$listed" ] || [ "$repo/pom.xml" -nt "$listed" ]; then
    mkdir -p "$repo/target"
    # Maven's own output to stderr: this function's stdout is the class path (its colour codes once broke the first
    # jar's path)
    (cd "$repo" && nice -n 19 mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$listed" \
      -Dmdep.includeScope=test >&2) || { echo "$(basename "$0"): FAILED: could not list the test class path" >&2; return 1; }
  fi
  cat "$listed"
}

# bench_java REPO JAVA "JVM OPTIONS" CLASSPATH MAIN [ARGS...]: runs io.cosmosdesk.bench.MAIN as the bench profile
# does, with JVM OPTIONS (a word list: a collector, sysprops) before the profile's own.
bench_java() {
  local repo=$1 java=$2 options=$3 classpath=$4 main=$5
  shift 5
  # the heap's backing as the profile sets it on Linux (app.memory.option: its last value in pom.xml is the Linux
  # profile's, -XX:+UseTransparentHugePages), before OPTIONS so a side may turn it off, as bench.jvm can in the pom
  local memory pause
  memory=$(sed -n 's:.*<app.memory.option>\(.*\)</app.memory.option>.*:\1:p' "$repo/pom.xml" | tail -1)
  # G1's pause goal as the profile sets it (app.gc.pause.option, session 18), before OPTIONS so a side may override
  # it (-XX:MaxGCPauseMillis=200, the JVM's default); without it these A/Bs ran with another heap than the profile
  pause=$(sed -n 's:.*<app.gc.pause.option>\(.*\)</app.gc.pause.option>.*:\1:p' "$repo/pom.xml" | head -1)
  [ -n "$memory" ] && [ -n "$pause" ] || {
    echo "$(basename "$0"): FAILED: no app.memory.option / app.gc.pause.option in pom.xml" >&2; return 1; }
  # G1 and its pause goal only when the side picks no collector of its own: two -XX:+Use*GC options stop the JVM at
  # start ("Multiple garbage collectors selected"), which broke gc-ab.sh's collector A/Bs (review s19 G-M1)
  local collector="-XX:+UseG1GC $pause"
  [[ " $options " =~ [[:space:]]-XX:\+Use[A-Za-z]+GC[[:space:]] ]] && collector=""
  # shellcheck disable=SC2086 # the options are a word list
  "$java" -Xmx4g $collector $memory $options -Dcosmos.server.dir="$repo/src/test/cosmos-server" \
    -Dcosmosdesk.home="$repo/target/bench-home" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dprism.order=sw -Dtestfx.headless=true -Dheadless.geometry=1600x1200-32 -classpath "$classpath" \
    "io.cosmosdesk.bench.$main" "$@"
}
