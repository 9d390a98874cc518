#!/usr/bin/env python3
"""What the app's JIT compiled, and when, around a ChangesBenchmark run (or any benchmark that prints
``measuring from ... (epoch ms N)``): every compilation from a flight recording, by window after the measuring began.

Record every compilation (the profile's jdk.Compilation threshold is 100 ms; this sets it to 0):

    sed '/"jdk.Compilation"/,/<\\/event>/ s/>100 ms</>0 ms</' $JAVA_HOME/lib/jfr/profile.jfc > /tmp/comp.jfc
    flock /work/wt/bench.lock mvn -B -q -o -Pbench verify -DskipTests -Dskip.npm=true \
        -Dbench.main=io.cosmosdesk.bench.ChangesBenchmark -Dbench.args="2000 30" \
        -Dbench.jvm="-XX:StartFlightRecording=filename=/tmp/run.jfr,settings=/tmp/comp.jfc" > run.log 2>&1
    nice -n 19 python3 scripts/jfr-compiles.py run.log /tmp/run.jfr [FROM_MS TO_MS]

Prints the compilations (count, wall ms of compiling, of which C2) in windows before and after the measuring began,
then the window FROM_MS..TO_MS (default 600..2000: the first rows after Live) by class and its longest compilations.
Durations are the compile tasks' wall time: under load they include time the compiler thread waited for a core.
Session 16 (load 19-25, with the compact tracker of fed5918, reverted): 1,895 ms of compiling in 600..2000 ms; about
450 ms Jackson's parser and tree (the SDK reading the feed's pages: UTF8StreamJsonParser, DupDetector, ObjectNode),
272 ms the software renderer's Marlin rasteriser, about 200 ms JavaFX (Node bounds, VirtualFlow, skins), 68 ms
ChangeTracker.estimatedChars, and ~160 ms Jackson's generator, which only that compact tracker ran.
"""
import collections
import datetime
import json
import re
import subprocess
import sys


def epoch_ms(text):
    """JFR's startTime (2026-12-07T17:02:03.123456789Z, or with an offset such as +01:00) as epoch ms, with its
    offset: cutting the text to microseconds cut the offset too, and the time was read as this machine's local
    time. A time without an offset is UTC."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?", text)
    if not match:
        sys.exit(f"jfr-compiles: FAILED: a startTime not understood: {text!r}")
    offset = match.group(3) or "Z"
    zone = datetime.timezone.utc if offset == "Z" else datetime.timezone(
        (1 if offset[0] == "+" else -1) * datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
    micros = int((match.group(2) or "0")[:6].ljust(6, "0"))
    at = datetime.datetime.fromisoformat(match.group(1)).replace(microsecond=micros, tzinfo=zone)
    return at.timestamp() * 1000


def main():
    log, jfr = sys.argv[1], sys.argv[2]
    lo, hi = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (600, 2000)
    match = re.search(r"measuring from .*?\(epoch ms (\d+)\)", open(log, errors="replace").read())
    if not match:
        sys.exit(f"jfr-compiles: FAILED: no 'measuring from ... (epoch ms N)' line in {log}")
    began = int(match.group(1))
    printed = subprocess.run(["jfr", "print", "--json", "--events", "jdk.Compilation", jfr], capture_output=True,
                             text=True)
    if printed.returncode != 0:
        sys.exit(f"jfr-compiles: FAILED: jfr print exited with {printed.returncode}: {printed.stderr.strip()}")
    rows = []
    for event in json.loads(printed.stdout)["recording"]["events"]:
        values = event["values"]
        start = epoch_ms(values["startTime"])
        seconds = re.match(r"PT([\d.]+)S", values["duration"])
        method = values["method"]
        rows.append((start - began, float(seconds.group(1)) * 1000 if seconds else 0.0, values["compileLevel"],
                     method["type"]["name"].replace("/", ".") + "." + method["name"]))
    print(f"{len(rows):,} compilations in the recording")
    for start, end in [(-10**9, 0), (0, lo), (lo, hi), (hi, 5000), (5000, 30000), (30000, 10**9)]:
        chosen = [r for r in rows if start <= r[0] < end]
        print(f"  {max(start, -10**6):>9,}..{min(end, 10**6):<9,} ms: {len(chosen):6,} compiles, "
              f"{sum(r[1] for r in chosen):8,.0f} ms compiling ({sum(r[1] for r in chosen if r[2] == 4):,.0f} in C2)")
    window = [r for r in rows if lo <= r[0] < hi]
    by_class = collections.Counter()
    for r in window:
        by_class[r[3].rsplit(".", 1)[0]] += r[1]
    print(f"{lo}..{hi} ms by class (ms compiling):")
    for name, ms in by_class.most_common(15):
        print(f"  {ms:6.0f}  {name}")
    print(f"{lo}..{hi} ms, the longest compilations:")
    for r in sorted(window, key=lambda r: -r[1])[:20]:
        print(f"  +{r[0]:,.0f} ms: {r[1]:.0f} ms, level {r[2]}, {r[3]}")


if __name__ == "__main__":
    main()
