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
#     JDK 17 does not. The training run needs an X display: its own Xvfb if installed, else DISPLAY;
#     without either it keeps jlink's archive and says so.
#
# Usage: finish-runtime.sh RUNTIME_DIR JAVAFX_JAR_DIR APP_CLASSPATH WORK_DIR JDK_HOME
set -euo pipefail

runtime=$1
javafx_dir=$2
app_classpath=$3
work=$4
jdk_home=$5

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
    for tick in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || return 1
        if command -v xdotool >/dev/null; then
            xdotool search --onlyvisible --name '^CosmosDesk' >/dev/null 2>&1 && return 0
        elif command -v xwininfo >/dev/null; then
            xwininfo -root -tree 2>/dev/null | grep -q '"CosmosDesk' && return 0
        elif [ "$tick" -ge 150 ]; then
            return 0 # no way to look: 15 s is ample for the window to show
        fi
        sleep 0.1
    done
    return 1
}

# Starts the app from the new runtime, lets the main window show and settle, then closes it.
training_run() {
    rm -rf "$work/training-home" "$work/app.classlist"
    "$runtime/bin/java" -Xshare:off -XX:DumpLoadedClassList="$work/app.classlist" \
        -Dcosmosdesk.home="$work/training-home" -cp "$app_classpath" io.cosmosdesk.app.Launcher \
        >"$work/training.log" 2>&1 &
    local pid=$!
    if wait_for_main_window "$pid"; then
        sleep 2
        kill -TERM "$pid"
        wait "$pid" || true
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
    echo "finish-runtime: the training run showed no main window; see $work/training.log" >&2
    return 1
}

train_cds_archive() {
    local xvfb_pid=""
    if command -v Xvfb >/dev/null; then
        local display_number=$(( 90 + RANDOM % 400 ))
        Xvfb ":$display_number" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
        xvfb_pid=$!
        export DISPLAY=":$display_number"
        sleep 1
    elif [ -z "${DISPLAY:-}" ]; then
        echo "finish-runtime: WARNING no Xvfb and no DISPLAY: keeping jlink's default CDS archive" >&2
        return 0
    fi
    local trained=0
    training_run && trained=1
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" && wait "$xvfb_pid" 2>/dev/null || true
    fi
    if [ "$trained" != 1 ]; then
        echo "finish-runtime: WARNING keeping jlink's default CDS archive" >&2
        return 0
    fi

    local server="$runtime/lib/server"
    # Classes from the class path are listed too; a dump without -cp skips them ("Preload Warning").
    "$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/app.classlist" \
        -XX:SharedArchiveFile="$work/classes.jsa" >"$work/cds-dump.log" 2>&1
    rm -f "$server/classes.jsa" "$server/classes_nocoops.jsa" # the latter only serves heaps over 32 GB
    mv "$work/classes.jsa" "$server/classes.jsa"
    "$runtime/bin/java" -Xshare:on -version >/dev/null 2>&1 \
        || { echo "finish-runtime: the new CDS archive does not load" >&2; return 1; }
    echo "finish-runtime: CDS archive trained on $(grep -vc '^@' "$work/app.classlist") loaded classes" \
        "($(du -m "$server/classes.jsa" | cut -f1) MB)"
}

install_javafx_natives
train_cds_archive
