#!/usr/bin/env bash
# Installer smoke test for CosmosDesk on macOS: the steps of packaging/linux/smoke-test.sh that macOS allows.
# Run by .github/workflows/installers.yml on a macOS runner after `mvn -Ppackage package`. It has never run
# on this project's own machine (Linux); see packaging/README.md.
#
# Mounts target/packaging/installer/CosmosDesk-*.dmg, copies CosmosDesk.app out of it as a user would (into a
# scratch Applications folder), checks the bundle (launcher, runtime, no sandbox classes in the app's jar),
# starts it and waits for its main window (CoreGraphics' window list, via osascript), screenshots it, starts it
# again with a connection attempt and checks the log for missing classes, times RUNS starts, prints the
# figures and removes the copy. Every failure prints "smoke-test: FAILED: <step>: <why>".
set -Eeuo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="$repo/target/packaging"
runs=${RUNS:-5}
dmg_size_limit_mb=60

step="start"
say() { echo "smoke-test: $*"; }
fail() { echo "smoke-test: FAILED: $step: $*" >&2; exit 1; }
begin() { step=$1; say "$1"; }
trap 'echo "smoke-test: FAILED: $step: line $LINENO: \`$BASH_COMMAND\` exited with status $?" >&2' ERR

mount_point=""
apps="$out/smoke-Applications"
app_pid=""
cleanup() {
    trap - ERR
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$mount_point" ] && hdiutil detach -quiet "$mount_point" 2>/dev/null || true
    rm -rf "$apps"
}
trap cleanup EXIT

now_ms() { python3 -c 'import time; print(int(time.time() * 1000))'; }

# On-screen windows of the CosmosDesk process (window titles need a permission; owner names do not).
main_windows() {
    osascript -l JavaScript -e '
        ObjC.import("CoreGraphics");
        const list = ObjC.deepUnwrap(ObjC.castRefToObject(
            $.CGWindowListCopyWindowInfo($.kCGWindowListOptionOnScreenOnly, $.kCGNullWindowID)));
        list.filter(w => w.kCGWindowOwnerName === "CosmosDesk" && w.kCGWindowLayer === 0
            && w.kCGWindowBounds.Height > 200).length;' 2>/dev/null || echo 0
}

elapsed_ms=0
start_until_main_window() {
    local limit=${LIMIT_MS:-60000} start deadline
    start=$(now_ms)
    "$launcher" "$@" >>"$out/smoke-stderr.log" 2>&1 &
    app_pid=$!
    deadline=$(( start + limit ))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        kill -0 "$app_pid" 2>/dev/null || fail "the app exited before showing a window: $(tail -n 15 "$out/smoke-stderr.log")"
        if [ "$(main_windows)" -gt 0 ]; then
            elapsed_ms=$(( $(now_ms) - start ))
            return 0
        fi
        sleep 0.05
    done
    fail "no main window within $(( limit / 1000 )) s: $(tail -n 15 "$out/smoke-stderr.log")"
}

stop_app() {
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

begin "checking the installer"
dmg=$(ls "$out"/installer/CosmosDesk-*.dmg 2>/dev/null | head -n 1 || true)
[ -n "$dmg" ] || fail "no .dmg in $out/installer"

begin "installing from $(basename "$dmg")"
mount_point=$(mktemp -d /tmp/cosmosdesk-dmg.XXXXXX)
hdiutil attach -nobrowse -readonly -mountpoint "$mount_point" "$dmg" >"$out/smoke-hdiutil.log" \
    || fail "hdiutil attach failed (see $out/smoke-hdiutil.log)"
[ -d "$mount_point/CosmosDesk.app" ] || fail "the .dmg holds no CosmosDesk.app: $(ls "$mount_point")"
rm -rf "$apps" && mkdir -p "$apps"
cp -R "$mount_point/CosmosDesk.app" "$apps/" || fail "copying CosmosDesk.app out of the .dmg failed"
hdiutil detach -quiet "$mount_point" && mount_point=""
bundle="$apps/CosmosDesk.app"
launcher="$bundle/Contents/MacOS/CosmosDesk"
for path in "$launcher" "$bundle/Contents/runtime/Contents/Home/lib/libjli.dylib" \
            "$bundle/Contents/app/CosmosDesk.cfg" "$bundle/Contents/Resources/CosmosDesk.icns"; do
    [ -e "$path" ] || fail "the app bundle has no $path"
done
jar_file=$(ls "$bundle"/Contents/app/cosmosdesk-*.jar | head -n 1)
jar tf "$jar_file" >"$out/smoke-jar-list.txt" || fail "cannot list $jar_file"
grep -qx 'io/cosmosdesk/app/Launcher.class' "$out/smoke-jar-list.txt" || fail "$jar_file does not hold the app"
if grep -q '^io/cosmosdesk/sandbox/' "$out/smoke-jar-list.txt"; then fail "$jar_file ships the sandbox"; fi

# the app's folders on macOS (AppDirectories): keep this run's out of the runner user's real ones
log_file="$HOME/Library/Logs/CosmosDesk/cosmosdesk.log"
rm -f "$log_file"
: >"$out/smoke-stderr.log"

begin "first start of the installed app"
LIMIT_MS=180000 start_until_main_window
first_start_ms=$elapsed_ms
screencapture -x "$out/smoke-main-window.png" || say "note: screencapture failed (no screen-recording permission?)"
stop_app

begin "start with a connection attempt (exercises the Azure SDK's class loading)"
start_until_main_window --connect-emulator=https://localhost:1
deadline=$(( $(now_ms) + 90000 ))
until grep -qi "failed\|could not\|unreachable" "$log_file" 2>/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "no connection outcome in $log_file after 90 s"
    sleep 0.2
done
screencapture -x "$out/smoke-connect-attempt.png" || true
stop_app
if grep -E "NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError|NoSuchMethodError" \
        "$log_file" "$out/smoke-stderr.log"; then
    fail "missing classes or native libraries in the installed app (see above)"
fi

begin "timing $runs starts"
times=()
for i in $(seq 1 "$runs"); do
    start_until_main_window
    times+=("$elapsed_ms")
    stop_app
done

dmg_mb=$(awk -v b="$(stat -f %z "$dmg")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo
echo "CosmosDesk installer figures (macOS $(sw_vers -productVersion), $(sysctl -n hw.ncpu) cores)"
echo "  .dmg installer size:        $dmg_mb MB (target < $dmg_size_limit_mb MB)"
echo "  app bundle size:            $(du -sm "$bundle" | cut -f1) MB"
echo "  first start:                $first_start_ms ms to the main window"
echo "  start to main window:       median $(printf '%s\n' "${times[@]}" | median) ms of $runs (${times[*]})"
echo "  screenshots:                $out/smoke-main-window.png, smoke-connect-attempt.png"
echo
awk -v s="$dmg_mb" -v l="$dmg_size_limit_mb" 'BEGIN { exit !(s < l) }' \
    || fail ".dmg is $dmg_mb MB, over the $dmg_size_limit_mb MB target"
say "passed"
