#!/usr/bin/env bash
# Builds the Linux installers (.deb, .rpm) from the app image `mvn -Ppackage package` made, after replacing
# jpackage's native launcher (bin/CosmosDesk) with a shell launcher that starts the same JVM the same way.
#
# Why: before it starts the JVM, jpackage's Linux launcher asks the package managers which package owns it,
# twice (once to find libapplauncher.so, once more inside it; openjdk src/jdk.jpackage/linux/native/applauncher/
# LinuxPackage.c and libapplauncher/LinuxLauncherLib.cpp): `rpm -qf` and `dpkg -S` through popen, and when
# installed also `dpkg -L`. `dpkg -S` reads the file list of every installed package: 0.1-0.5 s each time on a
# desktop, measured 2 x 1.4 s under strace at load 28 here, on every start of the app.
#
# The shell launcher is written from the app image's own lib/app/CosmosDesk.cfg (jpackage's, which stays the one
# home of the JVM options, the class path and the main class; the smoke test, measure-start.sh and
# cosmosdesk-cds.sh read it too): the runtime's java, the cfg's java-options with $APPDIR filled in, the
# -Djpackage.app-path jpackage adds, -cp with the cfg's class path in its order, the main class, the user's
# arguments. It resolves its own folder at run time (readlink -f: /opt/cosmosdesk or an app image anywhere).
#
# Usage: installers.sh APP_IMAGE_DIR INSTALLER_DIR JDK_HOME VERSION RPM_SKIP RESOURCE_DIR
#   APP_IMAGE_DIR  target/packaging/app-image/CosmosDesk (jpackage --type app-image made it)
#   JDK_HOME       the JDK whose jpackage builds the installers (the build's)
#   RPM_SKIP       true leaves out the .rpm (needs rpmbuild)
set -Eeuo pipefail
trap 'echo "installers: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
fail() { echo "installers: FAILED: $*" >&2; exit 1; }

app_image=$1 installer_dir=$2 jdk=$3 version=$4 rpm_skip=$5 resource_dir=$6
cfg="$app_image/lib/app/CosmosDesk.cfg"
[ -f "$cfg" ] || fail "no $cfg (jpackage --type app-image did not run?)"
[ -x "$jdk/bin/jpackage" ] || fail "no jpackage in $jdk"

# One shell word for a cfg value: single-quoted, with $APPDIR left outside the quotes so the launcher fills it in.
shell_word() {
    local value=$1 out="" part
    [[ $value != *"'"* ]] || fail "a quote in a launcher value is not supported: $value"
    while [[ $value == *'$APPDIR'* ]]; do
        part=${value%%\$APPDIR*}
        [ -z "$part" ] || out+="'$part'"
        out+='"$APPDIR"'
        value=${value#*\$APPDIR}
    done
    [ -z "$value" ] || out+="'$value'"
    printf '%s' "${out:-''}"
}

write_launcher() {
    local launcher="$app_image/bin/CosmosDesk" main_class="" classpath="" options=() line value
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            app.mainclass=*) main_class=${line#app.mainclass=} ;;
            app.classpath=*) value=${line#app.classpath=}; classpath+=${classpath:+:}$value ;;
            java-options=*) options+=("$(shell_word "${line#java-options=}")") ;;
        esac
    done <"$cfg"
    [ -n "$main_class" ] || fail "no app.mainclass in $cfg"
    [ -n "$classpath" ] || fail "no app.classpath in $cfg"
    local tmp="$launcher.sh.tmp"
    {
        echo '#!/bin/sh'
        echo '# CosmosDesk launcher, written from lib/app/CosmosDesk.cfg by packaging/linux/installers.sh (which says why it'
        echo "# replaces jpackage's native one: that one runs rpm and dpkg twice at every start)."
        echo 'self=$(readlink -f "$0") || self=$0'
        echo 'APPDIR=${self%/bin/*}/lib/app'
        printf 'exec "${self%%/bin/*}/lib/runtime/bin/java"'
        local option
        for option in "${options[@]}"; do
            printf ' \\\n    %s' "$option"
        done
        printf ' \\\n    -Djpackage.app-path="$self"'
        printf ' \\\n    -cp %s' "$(shell_word "$classpath")"
        printf ' \\\n    %s "$@"\n' "$(shell_word "$main_class")"
    } >"$tmp"
    chmod 0755 "$tmp"
    sh -n "$tmp" || fail "the written launcher $tmp is not valid sh"
    mv "$tmp" "$launcher"
    echo "installers: shell launcher written to $launcher (${#options[@]} JVM options, $(tr ':' '\n' <<<"$classpath" | wc -l) jars)"
}

build_installer() {
    local type=$1 args_file=$2
    "$jdk/bin/jpackage" --type "$type" --app-image "$app_image" --name CosmosDesk --app-version "$version" \
        --vendor CosmosDesk --description "Desktop browser for Azure Cosmos DB" --copyright "MIT License" \
        --resource-dir "$resource_dir" --dest "$installer_dir" "@$args_file" \
        || fail "jpackage --type $type failed (its output is above)"
    echo "installers: $(ls "$installer_dir"/*."$type")"
}

write_launcher
mkdir -p "$installer_dir"
rm -f "$installer_dir"/*.deb "$installer_dir"/*.rpm
build_installer deb "$resource_dir/deb.args"
if [ "$rpm_skip" != true ]; then
    build_installer rpm "$resource_dir/rpm.args"
fi
