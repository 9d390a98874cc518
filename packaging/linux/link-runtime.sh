#!/usr/bin/env bash
# Links the installers' private runtime (jlink) on Linux and writes the launcher's runtime-specific JVM options.
#
# The runtime comes from a JDK 24 or later when the build machine has one, else from the JDK running the build
# (17). The app is compiled for release 17 either way and JavaFX 21 runs on both. Why a newer JDK: its
# ahead-of-time cache (JEP 483/514/515) holds the app's classes loaded and linked, with method profiles, and,
# unlike JDK 17's class-data-sharing archive of class-path classes, stays valid when the jars move to another
# folder with the same names (the build trains it on the input folder; the packages install it under /opt),
# so the build can make it and ship it (finish-runtime.sh). On JDK 17 the app's archive is made at install
# time by postinst (cosmosdesk-cds.sh).
#
# Which JDK (the first that applies):
#   -Dpackaging.runtimeJdk=/path/to/jdk   that JDK (fails if it has no jlink)
#   -Dpackaging.runtimeJdk=build          the JDK running Maven (JDK 17 and its CDS path)
#   COSMOSDESK_RUNTIME_JDK=/path|build    the same, from the environment, when the property is left at auto
#   auto (default)                        the newest JDK >= 24 under /usr/lib/jvm (e.g. Temurin 25 on this
#                                         machine kind), else the JDK running Maven
#
# Usage: link-runtime.sh RUNTIME_DIR JAVAFX_DIR MODULES BUILD_JDK_HOME CHOICE LAUNCHER_ARGS_FILE
set -Eeuo pipefail
trap 'echo "link-runtime: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
fail() { echo "link-runtime: FAILED: $*" >&2; exit 1; }

runtime=$1 javafx_dir=$2 modules=$3 build_jdk=$4 choice=$5 launcher_args=$6
[ "$choice" = auto ] && [ -n "${COSMOSDESK_RUNTIME_JDK:-}" ] && choice=$COSMOSDESK_RUNTIME_JDK

# the feature release of a JDK home (17, 25, ...) from its release file; empty when unreadable
feature_of() {
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}

jdk=""
case $choice in
    auto)
        best=0
        for home in /usr/lib/jvm/*/; do
            home=${home%/}
            [ -L "$home" ] && continue # Debian's java-1.17.0-openjdk-amd64 style aliases
            [ -x "$home/bin/jlink" ] || continue
            feature=$(feature_of "$home")
            if [ -n "$feature" ] && [ "$feature" -ge 24 ] && [ "$feature" -gt "$best" ]; then
                best=$feature jdk=$home
            fi
        done
        if [ -z "$jdk" ]; then
            echo "link-runtime: no JDK 24 or later under /usr/lib/jvm; linking the runtime from the build's JDK (CDS archive made at install time)"
            jdk=$build_jdk
        fi
        ;;
    build) jdk=$build_jdk ;;
    *) jdk=$choice ;;
esac
[ -x "$jdk/bin/jlink" ] || fail "no jlink in $jdk (packaging.runtimeJdk / COSMOSDESK_RUNTIME_JDK = $choice)"
feature=$(feature_of "$jdk")
[ -n "$feature" ] || fail "cannot read the Java version from $jdk/release"
[ "$feature" -ge 17 ] || fail "$jdk is Java $feature; the app needs 17 or later"

rm -rf "$runtime"
# --compress=1: string sharing only (the .deb's xz packs the image to less than half of what zip compression
# gives, and classes need no inflating at start). JDK 21+ calls the value deprecated and prints a warning, but
# its zip-0 (no compression at all) makes the image 77 instead of 50 MB and the .deb 0.7 MB larger.
# The runtime's default CDS archive: on JDK 17 finish-runtime.sh replaces it with one trained on the app; on
# JDK 24+ the app's AOT cache holds the JDK's classes too, and a second archive would cost the .deb 3 MB.
# jlink's release file names no vendor: record which JDK this is, for the smoke test to print
impl=$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$jdk/release")
runtime_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")
cds=(--generate-cds-archive)
[ "$feature" -lt 24 ] || cds=()
"$jdk/bin/jlink" --module-path "$javafx_dir" --add-modules "$modules" --strip-debug --no-header-files \
    --no-man-pages --compress=1 "${cds[@]}" --release-info "add:IMPLEMENTOR=${impl:-unknown}:JAVA_RUNTIME_VERSION=${runtime_version:-unknown}" \
    --output "$runtime" \
    || fail "jlink from $jdk failed (its output is above)"

# The launcher's options that depend on the runtime (jpackage reads this file as an @argfile).
{
    echo "# written by packaging/linux/link-runtime.sh for a Java $feature runtime"
    if [ "$feature" -ge 24 ]; then
        # the ahead-of-time cache trained by finish-runtime.sh; a cache that does not fit is ignored (slower start)
        echo '--java-options "-XX:AOTCache=$APPDIR/cosmosdesk.aot"'
        # Measured on the app's start (packaging/README.md, "Start-up"): by default JDK 25 maps the 45 MB cache at
        # a random address and patches every pointer in it (ArchiveRelocationMode=1: "Genesis" 140-270 ms of
        # the main thread at load 28 vs 5-40 ms mapped where it was dumped; relocation stays the fallback when
        # that address is taken). And it replays the training run's compilations (JEP 515): C2 used 410-580 ms
        # of CPU before the window showed, 80-140 without; those methods are compiled when they get hot instead.
        # Diagnostic switches: they need the unlock, which prints nothing.
        echo "--java-options -XX:+UnlockDiagnosticVMOptions"
        echo "--java-options -XX:ArchiveRelocationMode=0"
        echo "--java-options -XX:-AOTReplayTraining"
        # JavaFX 21 (glass) and JNA (the keychain library, class path) load native libraries with System.load:
        # without this, JDK 24+ prints a warning on stderr at every start (JEP 472)
        echo "--java-options --enable-native-access=javafx.graphics,ALL-UNNAMED"
        # JavaFX 21's Marlin renderer allocates with sun.misc.Unsafe, which JDK 24+ warns about (JEP 498)
        echo "--java-options --sun-misc-unsafe-memory-access=allow"
    else
        # the app's class-data-sharing archive, made by the packages' postinst (cosmosdesk-cds.sh)
        echo '--java-options "-XX:SharedArchiveFile=$APPDIR/cosmosdesk.jsa"'
    fi
} >"$launcher_args"
echo "link-runtime: the installers' runtime is linked from Java ${runtime_version:-$feature} (${impl:-vendor unknown}) at $jdk"
