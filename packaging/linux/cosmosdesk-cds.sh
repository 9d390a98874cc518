#!/bin/sh
# Makes the app's own class-data-sharing archive, lib/app/cosmosdesk.jsa, where the app is installed: the JDK,
# JavaFX and the app's jars' classes that a start loads until the main window shows (cosmosdesk.classlist, from
# the build's training run), parsed and verified once here instead of at every start. The launcher's JVM option
# -XX:SharedArchiveFile=$APPDIR/cosmosdesk.jsa uses it. JDK 17 accepts such an archive only with the class path
# it was dumped with, so it cannot be made at build time (the packages install the jars elsewhere): the .deb's
# postinst and the .rpm's %post run this after installing, measure-start.sh on an app image. With a JDK 24+
# runtime the app ships an ahead-of-time cache instead, which moves with the jars: then this only checks it.
# Runs as any user
# who can write lib/app; needs no display. Prints why and exits non-zero when no archive could be made.
#
#   sh /opt/cosmosdesk/lib/app/cosmosdesk-cds.sh
set -eu

app_dir=$(cd "$(dirname "$0")" && pwd -P)
java="$app_dir/../runtime/bin/java"
classlist="$app_dir/cosmosdesk.classlist"
archive="$app_dir/cosmosdesk.jsa"
log=$(mktemp)
trap 'rm -f "$log" "$archive.new"' EXIT

[ -x "$java" ] || { echo "cosmosdesk-cds: no runtime at $java" >&2; exit 1; }
# the class path exactly as the launcher builds it from CosmosDesk.cfg (same jars, same order)
classpath=$(sed -n "s|^app.classpath=\$APPDIR|$app_dir|p" "$app_dir/CosmosDesk.cfg" | paste -sd: -)
[ -n "$classpath" ] || { echo "cosmosdesk-cds: no app.classpath in $app_dir/CosmosDesk.cfg" >&2; exit 1; }

# A runtime from JDK 24+ ships the app's ahead-of-time cache, made at build time (finish-runtime.sh): nothing to
# make here; check that it maps for this runtime and class path (-XX:AOTMode=on refuses to start otherwise).
aot_cache="$app_dir/cosmosdesk.aot"
if [ -f "$aot_cache" ]; then
    # with the launcher's other JVM options (none holds a space): module options must match the training run's
    options=$(sed -n 's/^java-options=//p' "$app_dir/CosmosDesk.cfg" | grep -v 'APPDIR' || true)
    # shellcheck disable=SC2086
    if ! "$java" $options -XX:AOTMode=on -XX:AOTCache="$aot_cache" -cp "$classpath" -version >"$log" 2>&1; then
        echo "cosmosdesk-cds: the app's AOT cache $aot_cache does not load; the app starts without it, more slowly:" >&2
        tail -n 10 "$log" >&2
        exit 1
    fi
    exit 0
fi
[ -f "$classlist" ] || { echo "cosmosdesk-cds: no class list at $classlist" >&2; exit 1; }

rm -f "$archive"
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive.new" \
        -cp "$classpath" >"$log" 2>&1; then
    echo "cosmosdesk-cds: dumping the archive failed; the app starts without it, more slowly:" >&2
    tail -n 10 "$log" >&2
    exit 1
fi
# -Xshare:on refuses to start unless the archive maps and its class path matches this one
if ! "$java" -Xshare:on -XX:SharedArchiveFile="$archive.new" -cp "$classpath" -version >"$log" 2>&1; then
    echo "cosmosdesk-cds: the new archive does not load; the app starts without it, more slowly:" >&2
    tail -n 10 "$log" >&2
    exit 1
fi
chmod 0644 "$archive.new"
mv "$archive.new" "$archive"
