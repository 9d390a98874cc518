#!/usr/bin/env bash
# Start-up figures of a built CosmosDesk app image (or the installed app), measured the way the smoke test
# measures them, without building or installing anything: RUNS starts of the app's launcher, each followed by
# an empty JavaFX window started on the same runtime with the same JVM options; median of each, the ratio, and
# for one extra start of each the CPU per thread at the moment its window shows (/proc/<pid>/task/*/stat) and
# the classes loaded. Needs Xvfb, xdotool, xwininfo; needs no root.
#
#   packaging/linux/measure-start.sh [APP_DIR]   APP_DIR defaults to target/packaging/app-image/CosmosDesk
#   RUNS=5 (default) starts of each. It starts its own Xvfb (on a free display) and stops it.
set -Eeuo pipefail
trap 'echo "measure-start: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app=${1:-$repo/target/packaging/app-image/CosmosDesk}
[ -d "$app" ] && app=$(cd "$app" && pwd -P) # the launcher's $APPDIR is a physical path: the app's archive needs it
runs=${RUNS:-5}
work="$repo/target/measure-start"
fail() { echo "measure-start: FAILED: $*" >&2; exit 1; }
[ -x "$app/bin/CosmosDesk" ] || fail "no launcher at $app/bin/CosmosDesk (build with mvn -Ppackage package first)"
javafx_dir=${JAVAFX_DIR:-$repo/target/packaging/javafx}
ls "$javafx_dir"/javafx-graphics-*.jar >/dev/null 2>&1 || fail "no JavaFX jars in $javafx_dir to compile the empty window"
mkdir -p "$work"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

xvfb_pid="" app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
rm -f "$work/xvfb.display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$work/xvfb.display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 300); do [ -s "$work/xvfb.display" ] && xwininfo -display ":$(head -n 1 "$work/xvfb.display")" -root >/dev/null 2>&1 && break; sleep 0.1; done
[ -s "$work/xvfb.display" ] || fail "Xvfb did not start (see $work/xvfb.log)"
export DISPLAY=":$(head -n 1 "$work/xvfb.display")"
xwininfo -root >/dev/null 2>&1 || fail "Xvfb on $DISPLAY accepts no clients (see $work/xvfb.log)"

# the floor (packaging/linux/EmptyWindow.java), compiled as the smoke test compiles it
mkdir -p "$work/empty-window"
cp "$repo/packaging/linux/EmptyWindow.java" "$work/empty-window/EmptyWindow.java"
javac --release 17 -cp "$javafx_dir/*" -d "$work/empty-window" "$work/empty-window/EmptyWindow.java"
# the launcher's JVM options, with $APPDIR as the launcher fills it in; the floor takes them all but the app's own
# class-data-sharing archive (made for the app's class path only: JDK 17 would refuse all of it for another one),
# so it runs on the runtime's archive, trained on the JDK and JavaFX classes the app loads
java_options=() floor_options=() app_cds=""
mapfile -t java_options < <(sed -n 's/^java-options=//p' "$app/lib/app/CosmosDesk.cfg" | sed "s|\$APPDIR|$app/lib/app|g")
for option in "${java_options[@]}"; do
    case $option in
        -XX:SharedArchiveFile=*) app_cds=${option#-XX:SharedArchiveFile=} ;;
        -XX:AOTCache=*) app_cds=${option#-XX:AOTCache=} ;; # JDK 24+: made at build time, shipped in the image
        *) floor_options+=("$option") ;;
    esac
done
classpath=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'\/lib\/app/p' "$app/lib/app/CosmosDesk.cfg" | paste -sd:)
# an app image has no archive of its own until something makes it where it lies (the packages' postinst does;
# a JDK 24+ image ships its AOT cache)
if [ -n "$app_cds" ] && [ ! -f "$app_cds" ]; then
    cds_start=$(now_ms)
    sh "$app/lib/app/cosmosdesk-cds.sh" || fail "could not make the app's archive $app_cds (see above)"
    echo "measure-start: made the app's archive $app_cds in $(( $(now_ms) - cds_start )) ms ($(du -m "$app_cds" | cut -f1) MB)"
fi

export XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state"
runtime_feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$app/lib/runtime/release")
echo "measure-start: runtime Java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$app/lib/runtime/release"), the app's ${app_cds:-no archive}"
elapsed_ms=0 cpu_line=""
# Starts "$@", waits for a visible window named CosmosDesk*, sets elapsed_ms; with CPU=1 also sets cpu_line
# (CPU ms per thread group at that moment); stops it again.
start_once() {
    local start pid
    start=$(now_ms)
    "$@" >>"$work/stderr.log" 2>&1 &
    app_pid=$!
    until xdotool search --onlyvisible --name '^CosmosDesk' >/dev/null 2>&1; do
        kill -0 "$app_pid" 2>/dev/null || fail "exited before its window: $* (see $work/stderr.log)"
        [ $(( $(now_ms) - start )) -lt 120000 ] || fail "no window within 120 s: $*"
        sleep 0.01
    done
    elapsed_ms=$(( $(now_ms) - start ))
    if [ "${CPU:-0}" = 1 ]; then
        pid=$app_pid
        # the launcher's java child, if the native launcher started one (jpackage's runs the JVM in-process)
        cpu_line=$(for t in /proc/"$pid"/task/*; do
                       name=$(cat "$t/comm"); set -- $(cut -d' ' -f14,15 "$t/stat"); echo "$name $(( ($1 + $2) * 10 ))"
                   done | awk '{ n = $1; if (n ~ /^C2/) n = "C2"; else if (n ~ /^C1/) n = "C1"; else if (n ~ /^GC|^G1/) n = "GC";
                                 else if (n != "JavaFX" && n != "QuantumRenderer" && n != "startup-warm-up" && n != "main" && n != "java" && n != "CosmosDesk") n = "other";
                                 s[n] += $NF; t += $NF }
                                 END { printf "total %d ms:", t; for (k in s) printf " %s %d", k, s[k]; }')
    fi
    [ -z "${SETTLE:-}" ] || sleep "$SETTLE"
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

: >"$work/stderr.log"
echo "measure-start: $app, $runs alternating starts, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
start_once "$app/bin/CosmosDesk" # first start of a fresh settings folder: not counted
no_app_archive_options=("${floor_options[@]}")
if [ "$runtime_feature" -ge 24 ]; then
    # the floor starts the way the app does: with an AOT cache of its own, trained by one start here
    rm -f "$work/empty-window/empty-window.aot"
    SETTLE=1 start_once "$app/lib/runtime/bin/java" "${floor_options[@]}" \
        -XX:AOTCacheOutput="$work/empty-window/empty-window.aot" -cp "$work/empty-window" EmptyWindow
    [ -s "$work/empty-window/empty-window.aot" ] || fail "the empty window's training start wrote no AOT cache"
    floor_options+=(-XX:AOTCache="$work/empty-window/empty-window.aot")
fi
times_app=() times_empty=() times_no_app_cds=()
for i in $(seq 1 "$runs"); do
    start_once "$app/bin/CosmosDesk"; times_app+=("$elapsed_ms")
    start_once "$app/lib/runtime/bin/java" "${floor_options[@]}" -cp "$work/empty-window" EmptyWindow
    times_empty+=("$elapsed_ms")
    if [ -n "$app_cds" ]; then # the same app without its own archive, for the difference it makes
        start_once "$app/lib/runtime/bin/java" "${no_app_archive_options[@]}" -cp "$classpath" io.cosmosdesk.app.Launcher
        times_no_app_cds+=("$elapsed_ms")
    fi
done
median_app=$(printf '%s\n' "${times_app[@]}" | median)
median_empty=$(printf '%s\n' "${times_empty[@]}" | median)
echo "  start to main window:  median $median_app ms of $runs (${times_app[*]})"
echo "  empty JavaFX window:   median $median_empty ms of $runs (${times_empty[*]})"
echo "start ratio to an empty JavaFX window: $(awk -v a="$median_app" -v e="$median_empty" 'BEGIN { printf "%.2f", a / e }')"
if [ ${#times_no_app_cds[@]} -gt 0 ]; then
    median_no_app_cds=$(printf '%s\n' "${times_no_app_cds[@]}" | median)
    echo "  app without its own archive (java, the runtime's archive only): median $median_no_app_cds ms of $runs (${times_no_app_cds[*]}), ratio $(awk -v a="$median_no_app_cds" -v e="$median_empty" 'BEGIN { printf "%.2f", a / e }')"
fi
CPU=1 start_once "$app/lib/runtime/bin/java" "${java_options[@]}" -Xlog:class+load=info:file="$work/class-load.log" \
    -Dcosmosdesk.startupTrace=true -cp "$classpath" io.cosmosdesk.app.Launcher
echo "  app, one start with the class-load log: $elapsed_ms ms, CPU per thread at the window: $cpu_line"
echo "  classes loaded to the window: $(wc -l <"$work/class-load.log") ($(grep -c 'source: file:\|source: jar:' "$work/class-load.log" || true) read from jars, $(grep -c 'source: shared objects file' "$work/class-load.log" || true) from CDS archives)"
grep '^startup:' "$work/stderr.log" | tail -n 12 | sed 's/^/    /' || true
CPU=1 start_once "$app/lib/runtime/bin/java" "${floor_options[@]}" -cp "$work/empty-window" EmptyWindow
echo "  empty window, one start: $elapsed_ms ms, CPU per thread at the window: $cpu_line"
echo "  load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
