#!/usr/bin/env bash
# Start-up and memory of a built app image under each garbage collector the runtime has (G1, the launcher's
# default; G1 with a 20 ms pause goal; ZGC; Shenandoah), alternating in one run: time from starting the JVM with
# the launcher's options to the main window, then RSS and PSS 3 s later (ZGC maps its heap three times: RSS counts
# it thrice, PSS once). Pair it with EditorBenchmark's -Dbench.jvm runs (the open stall per collector).
#
#   packaging/linux/compare-collectors.sh [APP_DIR [RUNS]]   APP_DIR defaults to target/packaging/app-image/CosmosDesk
# Needs Xvfb and xdotool. Makes the app's class-data archive first if the image has none (as measure-start.sh).
set -Eeuo pipefail
trap 'echo "compare-collectors: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app=${1:-$repo/target/packaging/app-image/CosmosDesk}
[ -x "$app/bin/CosmosDesk" ] || { echo "compare-collectors: FAILED: no launcher at $app/bin/CosmosDesk (mvn -Ppackage package)" >&2; exit 1; }
app=$(cd "$app" && pwd -P); runs=${2:-5}
work="$repo/target/compare-collectors"; rm -rf "$work"; mkdir -p "$work"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
mapfile -t opts < <(sed -n 's/^java-options=//p' "$app/lib/app/CosmosDesk.cfg" | sed "s|\$APPDIR|$app/lib/app|g")
archive=$(printf '%s\n' "${opts[@]}" | sed -n 's/^-XX:SharedArchiveFile=//p')
if [ -n "$archive" ] && [ ! -f "$archive" ]; then
  sh "$app/lib/app/cosmosdesk-cds.sh" || { echo "compare-collectors: FAILED: could not make $archive" >&2; exit 1; }
fi
classpath=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'\/lib\/app/p' "$app/lib/app/CosmosDesk.cfg" | paste -sd:)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!; trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$work/display")"
export XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state"
declare -A times rss pss
once() { # label gc-options...
  local label=$1; shift
  local start pid el
  start=$(now_ms)
  "$app/lib/runtime/bin/java" "${opts[@]}" "$@" -cp "$classpath" io.cosmosdesk.app.Launcher >>"$work/stderr.log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name '^CosmosDesk' >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "compare-collectors: FAILED: $label exited before its window" >&2; tail -5 "$work/stderr.log" >&2; exit 1; }
    sleep 0.01
  done
  el=$(( $(now_ms) - start ))
  sleep 3
  times[$label]+="$el "
  rss[$label]+="$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status) "
  pss[$label]+="$(awk '/^Pss:/ {print int($2/1024)}' /proc/$pid/smaps_rollup) "
  kill -TERM $pid; wait $pid 2>/dev/null || true
}
echo "compare-collectors: $app, $runs rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
once warm-up
for i in $(seq 1 "$runs"); do
  once G1 -XX:+UseG1GC
  once G1-20ms -XX:+UseG1GC -XX:MaxGCPauseMillis=20
  once ZGC -XX:+UseZGC
  once Shenandoah -XX:+UseShenandoahGC
done
for l in G1 G1-20ms ZGC Shenandoah; do
  echo "$l: start to window median $(echo ${times[$l]} | tr ' ' '\n' | median) ms (${times[$l]}); 3 s later RSS median $(echo ${rss[$l]} | tr ' ' '\n' | median) MB, PSS median $(echo ${pss[$l]} | tr ' ' '\n' | median) MB"
done
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
