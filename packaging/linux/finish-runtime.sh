#!/usr/bin/env bash
# Finishes the jlink runtime that `mvn -Ppackage package` builds, before jpackage copies it into the app:
#
#  1. JavaFX's native libraries go into runtime/lib, where JavaFX looks first when its modules are linked
#     into the runtime. Otherwise it unpacks them from its jar into ~/.openjfx/cache on first start, which
#     writes native code into every user's home and fails where home is mounted noexec.
#  2. The runtime's default class-data-sharing archive (lib/server/classes.jsa, from jlink's
#     --generate-cds-archive) is replaced by one dumped from the classes CosmosDesk really loads until its
#     main window shows. Only classes from the runtime image (JDK and JavaFX) are archived: the archive then
#     stays valid wherever the package installs the app, which a dynamic archive of the class path on
#     JDK 17 does not. The training run needs an X display (its own Xvfb if installed, else DISPLAY) and
#     GTK 3 for JavaFX's glass toolkit. When the trained archive cannot be made, the build fails with the
#     reason: an installer with jlink's default archive starts markedly slower, and nobody reads warnings.
#
#  3. The training run's class list (JDK, JavaFX and the app's jars) goes into the app's folder as
#     cosmosdesk.classlist: the packages' postinst dumps from it an archive that holds the app's own classes too
#     (cosmosdesk-cds.sh), for the class path where the jars are installed, the only one JDK 17 accepts.
#
# A runtime from JDK 24 or later (link-runtime.sh chose it) gets instead of 2 and 3 an ahead-of-time cache
# (JEP 483/514/515: classes loaded and linked, method profiles, JDK, JavaFX and the app's jars alike), trained
# here on the same start, written into the app's folder as cosmosdesk.aot and shipped: the JVM accepts it
# for the same jar names in the same order under another folder (it matches the class path by its longest
# common prefix: checked, jars moved from the build's folder to /opt), so no install-time step is needed. The
# class path is the launcher's: the main jar first, then the other jars sorted by name, as jpackage writes it
# into CosmosDesk.cfg; the smoke test fails when the installed app's classes do not come from the cache.
# The runtime keeps jlink's default CDS archive, for a start without the cache.
#
# Usage: finish-runtime.sh RUNTIME_DIR JAVAFX_JAR_DIR APP_CLASSPATH WORK_DIR JDK_HOME APP_INPUT_DIR LAUNCHER_ARGS
set -Eeuo pipefail
# with set -e a failing command inside $(...) or a pipeline ends the script without a word: say where
trap 'echo "finish-runtime: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR

fail() {
    echo "finish-runtime: FAILED: $*" >&2
    exit 1
}

runtime=$1
javafx_dir=$2
app_classpath=$3
work=$4
jdk_home=$5
app_input=$6
launcher_args=${7:-}

mkdir -p "$work"

install_javafx_natives() {
    local graphics_jar
    graphics_jar=$(ls "$javafx_dir"/javafx-graphics-*-*.jar | head -n 1)
    local natives
    natives=$("$jdk_home/bin/jar" tf "$graphics_jar" | grep -E '^[^/]+\.so$')
    (cd "$runtime/lib" && "$jdk_home/bin/jar" xf "$graphics_jar" $natives)
    echo "finish-runtime: JavaFX native libraries installed in $runtime/lib: $(echo $natives | wc -w)"
}

wait_for_main_window() {
    local pid=$1
    local tick
    # a machine's first JavaFX start builds font caches and GTK's first-run state: allow two minutes
    for tick in $(seq 1 1200); do
        kill -0 "$pid" 2>/dev/null || return 1
        if xdotool search --onlyvisible --name '^CosmosDesk' >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}

# Waits until the app's trace (-Dcosmosdesk.startupTrace) in LOG says the main window is whole (StartupTrace.WHOLE).
wait_for_whole_window() {
    local pid=$1 log=$2 tick
    for tick in $(seq 1 1200); do
        kill -0 "$pid" 2>/dev/null || return 1
        grep -q '^startup: .* window whole \[' "$log" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# Starts the app from the new runtime, lets the main window show and settle, then closes it.
training_run() {
    rm -rf "$work/training-home" "$work/app.classlist"
    "$runtime/bin/java" -Xshare:off -XX:DumpLoadedClassList="$work/app.classlist" \
        -Dcosmosdesk.home="$work/training-home" -Dcosmosdesk.startupTrace=wall -cp "$app_classpath" \
        io.cosmosdesk.app.Launcher >"$work/training.log" 2>&1 &
    local pid=$!
    if wait_for_main_window "$pid" && wait_for_whole_window "$pid" "$work/training.log"; then
        # what the window loads once whole (as for the AOT cache below) belongs in the archive
        sleep "${AOT_TRAINING_SETTLE:-1}"
        kill -TERM "$pid"
        wait "$pid" || true
        return 0
    fi
    local outcome="showed no whole main window within 120 s"
    kill -0 "$pid" 2>/dev/null || outcome="exited before showing its main window"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
    echo "finish-runtime: the training run $outcome; the end of $work/training.log:" >&2
    tail -n 15 "$work/training.log" | sed 's/^/    /' >&2
    return 1
}

# Checks what the training run needs before starting it, so a missing package is named, not guessed at.
check_training_needs() {
    command -v xdotool >/dev/null \
        || fail "xdotool is not installed; the CDS training run needs it to see the main window (apt-get install xdotool)"
    if ! command -v Xvfb >/dev/null && [ -z "${DISPLAY:-}" ]; then
        fail "no Xvfb and no DISPLAY: the CDS training run needs an X display (apt-get install xvfb)"
    fi
    # (grep without -q: with pipefail, grep -q quitting early can fail ldconfig with SIGPIPE)
    if ! /sbin/ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null; then
        fail "GTK 3 is not installed; JavaFX cannot open a window for the CDS training run (apt-get install libgtk-3-0)"
    fi
}

# Starts a private Xvfb on a free display (Xvfb picks it: -displayfd) and waits until it accepts clients.
xvfb_pid=""
start_xvfb() {
    local display_file="$work/xvfb.display"
    rm -f "$display_file"
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$display_file" >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    local tick
    for tick in $(seq 1 300); do
        if [ -s "$display_file" ]; then
            export DISPLAY=":$(head -n 1 "$display_file")"
            return 0
        fi
        kill -0 "$xvfb_pid" 2>/dev/null || break
        sleep 0.1
    done
    fail "Xvfb did not start (see $work/xvfb.log)"
}

stop_xvfb() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
        xvfb_pid=""
    fi
}
trap stop_xvfb EXIT

train_cds_archive() {
    check_training_needs
    if command -v Xvfb >/dev/null; then
        start_xvfb
    fi
    training_run || fail "no trained CDS archive: the training run of the app did not show its main window"
    stop_xvfb

    local server="$runtime/lib/server"
    # Classes from the class path are listed too; a dump without -cp skips them ("Preload Warning").
    "$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/app.classlist" \
        -XX:SharedArchiveFile="$work/classes.jsa" >"$work/cds-dump.log" 2>&1 \
        || fail "dumping the CDS archive failed (see $work/cds-dump.log)"
    rm -f "$server/classes.jsa" "$server/classes_nocoops.jsa" # the latter only serves heaps over 32 GB
    mv "$work/classes.jsa" "$server/classes.jsa"
    "$runtime/bin/java" -Xshare:on -version >/dev/null 2>&1 \
        || fail "the new CDS archive does not load (java -Xshare:on -version fails)"
    local classes
    classes=$(grep -vc '^@' "$work/app.classlist" || true)
    echo "finish-runtime: CDS archive trained on $classes loaded classes ($(du -m "$server/classes.jsa" | cut -f1) MB)"
    cp "$work/app.classlist" "$app_input/cosmosdesk.classlist"
    echo "finish-runtime: class list for the app's own archive (made when installed): $app_input/cosmosdesk.classlist"
}

# The launcher's JVM options from link-runtime.sh's @argfile (--java-options VALUE lines), without the cache
# itself: the training run and the check start the way the launcher will.
launcher_options() {
    [ -n "$launcher_args" ] && [ -f "$launcher_args" ] || fail "no launcher options file ${launcher_args:-(none given)} (link-runtime.sh writes it)"
    sed -n 's/^--java-options //p' "$launcher_args" | tr -d '"' | grep -v '^-XX:AOTCache=' || true
}

train_aot_cache() {
    check_training_needs
    local main_jar options=() classpath cache="$work/cosmosdesk.aot"
    main_jar=$(cd "$app_input" && ls cosmosdesk-*.jar)
    [ "$(echo "$main_jar" | wc -l)" = 1 ] || fail "expected one cosmosdesk-*.jar in $app_input, found: $main_jar"
    # jpackage's order: the main jar, then the rest sorted by name (byte order)
    classpath=$(cd "$app_input" && { echo "$main_jar"; ls *.jar | grep -vx "$main_jar" | LC_ALL=C sort; } \
        | sed "s|^|$app_input/|" | paste -sd:)
    mapfile -t options < <(launcher_options)
    if command -v Xvfb >/dev/null; then
        start_xvfb
    fi
    rm -rf "$work/training-home" "$cache"
    # the trace's wall mode prints when the window is whole: every part joined (FirstFrame), not only the first frame
    "$runtime/bin/java" "${options[@]}" -XX:AOTCacheOutput="$cache" -Dcosmosdesk.home="$work/training-home" \
        -Dcosmosdesk.startupTrace=wall -cp "$classpath" io.cosmosdesk.app.Launcher >"$work/aot-training.log" 2>&1 &
    local pid=$!
    if ! wait_for_main_window "$pid" || ! wait_for_whole_window "$pid" "$work/aot-training.log"; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" || true
        tail -n 15 "$work/aot-training.log" | sed 's/^/    /' >&2
        fail "no AOT cache: the training run of the app did not show its whole main window (the end of $work/aot-training.log is above)"
    fi
    # The parts that join after the first frame (menu bar, tree toolbar and filter, tab pane, status bar) must be
    # in the cache, however slowly this build runs: a fixed 2 s after the first frame, at nice 19 under load, once
    # ended before the tab pane joined (138 classes missing). What the window loads right after (the keychain
    # probe, started in the frame after the first) gets AOT_TRAINING_SETTLE seconds more (default 1).
    sleep "${AOT_TRAINING_SETTLE:-1}"
    kill -TERM "$pid"
    # on exit the JVM writes its configuration and starts a second JVM that assembles the cache
    wait "$pid" || true
    stop_xvfb
    [ -s "$cache" ] || { tail -n 15 "$work/aot-training.log" | sed 's/^/    /' >&2; fail "the training run wrote no AOT cache $cache (the end of $work/aot-training.log is above)"; }
    # -XX:AOTMode=on refuses to start unless the cache maps for this runtime and class path
    "$runtime/bin/java" "${options[@]}" -XX:AOTMode=on -XX:AOTCache="$cache" -cp "$classpath" -version \
        >"$work/aot-check.log" 2>&1 || fail "the new AOT cache does not load: $(tail -n 5 "$work/aot-check.log")"
    mv "$cache" "$app_input/cosmosdesk.aot"
    echo "finish-runtime: AOT cache trained on the app's start: $app_input/cosmosdesk.aot ($(du -m "$app_input/cosmosdesk.aot" | cut -f1) MB)"
}

feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$runtime/release")
[ -n "$feature" ] || fail "cannot read the runtime's Java version from $runtime/release"
# Temurin's native libraries keep their symbol tables (Debian's JDK 17 ships them stripped): 1.1 MB of the .deb,
# which the AOT cache needs to stay under 60 MB.
strip_native_libraries() {
    command -v strip >/dev/null || fail "strip (binutils) is not installed; the runtime's native libraries need it (apt-get install binutils)"
    local before after
    before=$(du -sk "$runtime/lib" | cut -f1)
    find "$runtime/lib" -name '*.so' -exec strip --strip-unneeded {} +
    after=$(du -sk "$runtime/lib" | cut -f1)
    echo "finish-runtime: native libraries stripped: $(( (before - after) / 1024 )) MB less"
}

install_javafx_natives
rm -f "$app_input/cosmosdesk.aot" "$app_input/cosmosdesk.classlist"
if [ "$feature" -ge 24 ]; then
    strip_native_libraries
    train_aot_cache
else
    train_cds_archive
fi
