#!/usr/bin/env bash
# Start-up figures of built CosmosDesk app images (or the installed app), measured the way the smoke test
# measures them, without building or installing anything: RUNS starts of each app's launcher, each followed by
# an empty JavaFX window started on the same runtime with the same JVM options (on JDK 24+ with an AOT cache of
# its own, trained by one start here), and the app without its own archive or cache; medians, the ratio, and
# for one extra start of each the CPU per thread at the moment its window shows (/proc/<pid>/task/*/stat) and
# the classes loaded. Several app images (say one on a JDK 17 runtime, one on JDK 25) are measured in one run,
# their starts alternating. Needs Xvfb, xdotool, xwininfo; needs no root.
#
#   packaging/linux/measure-start.sh [APP_DIR ...]   APP_DIR defaults to target/packaging/app-image/CosmosDesk
#   RUNS=5 (default) starts of each. It starts its own Xvfb (on a free display) and stops it.
#   FLOORS="theme theme,tree theme,tree,menu" also starts, alternating with the others, the first frame's floor
#   layer by layer (packaging/linux/FloorWindow.java: the empty window plus the named layers, with the app's
#   trimmed theme jar), each on the app's runtime and options with an AOT cache of its own, like the empty window
#   ("empty" names no layer). CPU_RUNS=N (default 0) rounds of one start of the app and of each floor, alternating,
#   each printing the CPU per thread at its window: under load the CPU says more than the wall time.
#   BARE=0 leaves out the starts of the app without its own archive or cache (shorter A/B runs).
set -Eeuo pipefail
trap 'echo "measure-start: FAILED: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[ $# -gt 0 ] || set -- "$repo/target/packaging/app-image/CosmosDesk"
runs=${RUNS:-5}
work="$repo/target/measure-start"
fail() { echo "measure-start: FAILED: $*" >&2; exit 1; }
apps=()
for app in "$@"; do
    [ -x "$app/bin/CosmosDesk" ] || fail "no launcher at $app/bin/CosmosDesk (build with mvn -Ppackage package first)"
    apps+=("$(cd "$app" && pwd -P)") # the launcher's $APPDIR is a physical path: the app's archive needs it
done
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
# in a jar: an AOT cache (JDK 24+) takes no class-path folder that has files in it
jar cf "$work/empty-window/empty-window.jar" -C "$work/empty-window" EmptyWindow.class
read -r -a floor_layers <<<"${FLOORS:-}"
if [ ${#floor_layers[@]} -gt 0 ]; then
    cp "$repo/packaging/linux/FloorWindow.java" "$work/empty-window/FloorWindow.java"
    javac --release 17 -cp "$javafx_dir/*" -d "$work/empty-window" "$work/empty-window/FloorWindow.java"
    jar cf "$work/empty-window/floor-window.jar" -C "$work/empty-window" FloorWindow.class
fi
export XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state"

elapsed_ms=0 cpu_line="" whole_ms=""
# Starts "$@", waits for a visible window named CosmosDesk*, sets elapsed_ms; with CPU=1 also sets cpu_line
# (CPU ms per thread group at that moment); SETTLE=s waits that long after the window; with WHOLE=1 (the app's
# launcher, its trace's wall mode on through JDK_JAVA_OPTIONS) sets whole_ms to the app's own "window whole" figure
# (ms from the launch to the wall clock the app printed with that step), or "-" when the app printed none within 30 s
# (a build without that step, or one whose wall mode printed ms since the JVM's start); stops it.
start_once() {
    local start pid from at
    whole_ms=""
    from=$(( $(wc -l <"$work/stderr.log") + 1 ))
    start=$(now_ms)
    if [ "${WHOLE:-0}" = 1 ]; then
        JDK_JAVA_OPTIONS=-Dcosmosdesk.startupTrace=wall "$@" >>"$work/stderr.log" 2>&1 &
    else
        "$@" >>"$work/stderr.log" 2>&1 &
    fi
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
    if [ "${WHOLE:-0}" = 1 ]; then
        whole_ms=""
        until [ -n "$whole_ms" ]; do
            at=$(awk -v from="$from" 'NR >= from && /^startup: @[0-9]+ window whole \[/ { print substr($2, 2); exit }' "$work/stderr.log")
            [ -z "$at" ] || whole_ms=$(( at - start ))
            [ -n "$whole_ms" ] || [ $(( $(now_ms) - start )) -lt 30000 ] || whole_ms="-"
            [ -n "$whole_ms" ] || sleep 0.02
        done
    fi
    [ -z "${SETTLE:-}" ] || sleep "$SETTLE"
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

# Per app k: the launcher's JVM options with $APPDIR as the launcher fills it in (options_k), the same without
# the app's own archive or cache (bare_k: made for the app's class path only), the floor's (floor_k: bare_k, plus
# on JDK 24+ an AOT cache of the empty window's own), the class path, the Java feature release.
declare -A options bare floor classpath feature archive floor_cp layer_opts times_layer has_whole
: >"$work/stderr.log"
echo "measure-start: $runs alternating starts of ${#apps[@]} app(s), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for k in "${!apps[@]}"; do
    app=${apps[$k]}
    archive[$k]=""
    mapfile -t opts < <(sed -n 's/^java-options=//p' "$app/lib/app/CosmosDesk.cfg" | sed "s|\$APPDIR|$app/lib/app|g")
    bare_opts=()
    for option in "${opts[@]}"; do
        case $option in
            -XX:SharedArchiveFile=*) archive[$k]=${option#-XX:SharedArchiveFile=} ;;
            -XX:AOTCache=*) archive[$k]=${option#-XX:AOTCache=} ;; # JDK 24+: made at build time, shipped
            *) bare_opts+=("$option") ;;
        esac
    done
    options[$k]=$(printf '%s\n' "${opts[@]}")
    bare[$k]=$(printf '%s\n' "${bare_opts[@]}")
    classpath[$k]=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'\/lib\/app/p' "$app/lib/app/CosmosDesk.cfg" | paste -sd:)
    feature[$k]=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$app/lib/runtime/release")
    # a JDK 17 app image has no archive of its own until something makes it where it lies (postinst does)
    if [ -n "${archive[$k]}" ] && [ ! -f "${archive[$k]}" ]; then
        cds_start=$(now_ms)
        sh "$app/lib/app/cosmosdesk-cds.sh" || fail "could not make the app's archive ${archive[$k]} (see above)"
        echo "measure-start: made the app's archive ${archive[$k]} in $(( $(now_ms) - cds_start )) ms ($(du -m "${archive[$k]}" | cut -f1) MB)"
    fi
    echo "  app $k: $app, Java $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$app/lib/runtime/release"), its archive: ${archive[$k]:-none}"
    # a build whose trace marks the whole window (StartupTrace.WHOLE); older builds are timed to the first frame only
    has_whole[$k]=0
    if unzip -p "$app"/lib/app/cosmosdesk-*.jar io/cosmosdesk/app/StartupTrace.class 2>/dev/null | grep -a 'window whole' >/dev/null; then
        has_whole[$k]=1
    fi
    start_once "$app/bin/CosmosDesk" # first start of a fresh settings folder: not counted
    floor[$k]=${bare[$k]}
    if [ "${feature[$k]}" -ge 24 ]; then
        # the floor starts the way the app does: with an AOT cache of its own, trained by one start here
        cache="$work/empty-window/empty-window-$k.aot"
        rm -f "$cache"
        mapfile -t opts < <(printf '%s\n' "${bare[$k]}")
        SETTLE=1 start_once "$app/lib/runtime/bin/java" "${opts[@]}" -XX:AOTCacheOutput="$cache" \
            -cp "$work/empty-window/empty-window.jar" EmptyWindow
        [ -s "$cache" ] || fail "the empty window's training start wrote no AOT cache $cache"
        floor[$k]=$(printf '%s\n%s' "${bare[$k]}" "-XX:AOTCache=$cache")
    fi
    for j in "${!floor_layers[@]}"; do # the floor's layers: trained like the empty window, on the app's theme jar
        floor_cp[$k]="$work/empty-window/floor-window.jar:$(ls "$app"/lib/app/atlantafx-base-*.jar | head -n 1)"
        layer_opts[$k,$j]=${bare[$k]}
        if [ "${feature[$k]}" -ge 24 ]; then
            cache="$work/empty-window/floor-$k-$j.aot"
            rm -f "$cache"
            mapfile -t opts < <(printf '%s\n' "${bare[$k]}")
            SETTLE=1 start_once "$app/lib/runtime/bin/java" "${opts[@]}" -XX:AOTCacheOutput="$cache" \
                -cp "${floor_cp[$k]}" FloorWindow ${floor_layers[$j]//,/ }
            [ -s "$cache" ] || fail "the floor's training start wrote no AOT cache $cache"
            layer_opts[$k,$j]=$(printf '%s\n%s' "${bare[$k]}" "-XX:AOTCache=$cache")
        fi
    done
done

declare -A times_app times_whole times_empty times_bare
for i in $(seq 1 "$runs"); do
    for k in "${!apps[@]}"; do
        app=${apps[$k]}
        WHOLE=${has_whole[$k]} start_once "$app/bin/CosmosDesk"; times_app[$k]+="$elapsed_ms "; times_whole[$k]+="${whole_ms:--} "
        mapfile -t opts < <(printf '%s\n' "${floor[$k]}")
        start_once "$app/lib/runtime/bin/java" "${opts[@]}" -cp "$work/empty-window/empty-window.jar" EmptyWindow
        times_empty[$k]+="$elapsed_ms "
        for j in "${!floor_layers[@]}"; do
            mapfile -t opts < <(printf '%s\n' "${layer_opts[$k,$j]}")
            start_once "$app/lib/runtime/bin/java" "${opts[@]}" -cp "${floor_cp[$k]}" FloorWindow ${floor_layers[$j]//,/ }
            times_layer[$k,$j]+="$elapsed_ms "
        done
        if [ -n "${archive[$k]}" ] && [ "${BARE:-1}" = 1 ]; then # the app without its own archive, for the difference
            mapfile -t opts < <(printf '%s\n' "${bare[$k]}")
            start_once "$app/lib/runtime/bin/java" "${opts[@]}" -cp "${classpath[$k]}" io.cosmosdesk.app.Launcher
            times_bare[$k]+="$elapsed_ms "
        fi
    done
done
for k in "${!apps[@]}"; do
    app=${apps[$k]}
    echo "app $k: ${apps[$k]} (Java ${feature[$k]}, archive: $(basename "${archive[$k]:-none}"))"
    median_app=$(printf '%s\n' ${times_app[$k]} | median)
    median_empty=$(printf '%s\n' ${times_empty[$k]} | median)
    echo "  start to main window:  median $median_app ms of $runs (${times_app[$k]% })"
    echo "  window whole:          median $(printf '%s\n' ${times_whole[$k]} | { grep -v '^-$' || echo -; } | median) ms of $runs (${times_whole[$k]% }), the same starts (the app's trace; every part joined the first frame; - : a build without that step)"
    echo "  empty JavaFX window:   median $median_empty ms of $runs (${times_empty[$k]% })"
    echo "start ratio to an empty JavaFX window: $(awk -v a="$median_app" -v e="$median_empty" 'BEGIN { printf "%.2f", a / e }')"
    for j in "${!floor_layers[@]}"; do
        median_layer=$(printf '%s\n' ${times_layer[$k,$j]} | median)
        echo "  floor: empty window + ${floor_layers[$j]//,/ + }: median $median_layer ms of $runs (${times_layer[$k,$j]% }), ratio $(awk -v a="$median_layer" -v e="$median_empty" 'BEGIN { printf "%.2f", a / e }')"
    done
    if [ -n "${times_bare[$k]:-}" ]; then
        median_bare=$(printf '%s\n' ${times_bare[$k]} | median)
        echo "  app without its own archive or cache (java, the runtime's archive only): median $median_bare ms of $runs (${times_bare[$k]% }), ratio $(awk -v a="$median_bare" -v e="$median_empty" 'BEGIN { printf "%.2f", a / e }')"
    fi
    mapfile -t opts < <(printf '%s\n' "${options[$k]}")
    from=$(( $(wc -l <"$work/stderr.log") + 1 ))
    CPU=1 WHOLE=${has_whole[$k]} start_once "$app/lib/runtime/bin/java" "${opts[@]}" -Xlog:class+load=info:file="$work/class-load-$k.log" \
        -Dcosmosdesk.startupTrace=true -cp "${classpath[$k]}" io.cosmosdesk.app.Launcher
    echo "  app, one start with the class-load log: $elapsed_ms ms, CPU per thread at the window: $cpu_line"
    echo "  classes loaded to the window: $(wc -l <"$work/class-load-$k.log") ($(grep -c 'source: file:\|source: jar:' "$work/class-load-$k.log" || true) read from jars, $(grep -c 'source: shared objects file' "$work/class-load-$k.log" || true) from CDS archives or the AOT cache)"
    tail -n +"$from" "$work/stderr.log" | { grep '^startup:' || true; } | sed 's/^/    /' 
    mapfile -t opts < <(printf '%s\n' "${floor[$k]}")
    CPU=1 start_once "$app/lib/runtime/bin/java" "${opts[@]}" -cp "$work/empty-window/empty-window.jar" EmptyWindow
    echo "  empty window, one start: $elapsed_ms ms, CPU per thread at the window: $cpu_line"
    # under load the CPU a start has used at its window says more than its wall time: CPU_RUNS rounds, alternating
    for r in $(seq 1 "${CPU_RUNS:-0}"); do
        mapfile -t opts < <(printf '%s\n' "${options[$k]}")
        CPU=1 start_once "$app/lib/runtime/bin/java" "${opts[@]}" -cp "${classpath[$k]}" io.cosmosdesk.app.Launcher
        echo "  cpu round $r: app: $elapsed_ms ms, $cpu_line"
        for j in "${!floor_layers[@]}"; do
            mapfile -t opts < <(printf '%s\n' "${layer_opts[$k,$j]}")
            CPU=1 start_once "$app/lib/runtime/bin/java" "${opts[@]}" -cp "${floor_cp[$k]}" FloorWindow ${floor_layers[$j]//,/ }
            echo "  cpu round $r: floor ${floor_layers[$j]}: $elapsed_ms ms, $cpu_line"
        done
    done
done
echo "  load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
