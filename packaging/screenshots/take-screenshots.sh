#!/usr/bin/env bash
# Takes the screenshots the README and the AppStream metainfo show, from the sandbox, so they stay current:
# starts Xvfb with a window manager (openbox), runs io.cosmosdesk.tools.ScreenshotTour (test sources) on the
# test class path, and writes PNGs into packaging/screenshots/. Run from anywhere:
#   packaging/screenshots/take-screenshots.sh [OUTPUT_DIR]
# Needs: JDK 17, Maven, Node 20 (the local server), and Debian's xvfb + openbox (installed when missing, as root).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$repo/packaging/screenshots}
work="$repo/target/screenshots"
mkdir -p "$work" "$out"

say() { echo "screenshots: $*"; }
fail() { echo "screenshots: FAILED: $*" >&2; exit 1; }
trap 'fail "line $LINENO: \"$BASH_COMMAND\" exited with status $?"' ERR

missing=()
for pair in Xvfb:xvfb openbox:openbox xwininfo:x11-utils; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "missing ${missing[*]}: install them (apt-get install ${missing[*]})"
    say "installing ${missing[*]}"
    apt-get update -q >/dev/null || fail "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "apt-get install ${missing[*]}"
fi

say "building the test classes and the local server (mvn test-compile)"
(cd "$repo" && mvn -B -q test-compile) || fail "mvn test-compile"
(cd "$repo" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath.txt") || fail "mvn dependency:build-classpath"
classpath="$repo/target/test-classes:$repo/target/classes:$(cat "$work/classpath.txt")"

xvfb_pid="" wm_pid=""
cleanup() {
    [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
for n in $(seq 150 190); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
done
Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n"
for _ in $(seq 1 300); do
    xwininfo -root >/dev/null 2>&1 && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb exited at once on $DISPLAY: $(tail -n 5 "$work/xvfb.log")"
    sleep 0.1
done
xwininfo -root >/dev/null 2>&1 || fail "Xvfb did not answer on $DISPLAY within 30 s (see $work/xvfb.log)"
openbox >"$work/openbox.log" 2>&1 &
wm_pid=$!

say "running the tour on $DISPLAY (seeding the sandbox takes 10-20 s)"
java -Dcosmos.server.dir="$repo/src/test/cosmos-server" -Dprism.order=sw \
    -cp "$classpath" io.cosmosdesk.tools.ScreenshotTour "$out" \
    || fail "the tour failed (see its output above)"
say "written to $out"
