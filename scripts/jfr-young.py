#!/usr/bin/env python3
"""The app's collections around a ChangesBenchmark run, from a flight recording (any settings: jdk.GarbageCollection
and jdk.G1HeapSummary are on by default), by ms after the measuring began: each collection's cause and pauses, and
the eden before it (used of its size). Shows how large G1 let the young generation grow before Live: session 17's
feed warm-up (reverted) allocated fast for seconds before Live, G1 grew eden to ~200 MB (25 MB without), and the
first young collection after Live copied more of the tab's rows.

    nice -n 19 python3 scripts/jfr-young.py run.log run.jfr [FROM_MS TO_MS]   (default -20000..15000)
"""
import importlib.util
import json
import os
import re
import subprocess
import sys

# JFR's start times with their offset, as jfr-compiles.py reads them (one reader: cutting the text cut the offset)
_spec = importlib.util.spec_from_file_location(
    "jfr_compiles", os.path.join(os.path.dirname(os.path.abspath(__file__)), "jfr-compiles.py"))
_jfr_compiles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_jfr_compiles)
epoch_ms = _jfr_compiles.epoch_ms


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    log, jfr = sys.argv[1], sys.argv[2]
    lo, hi = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (-20000, 15000)
    match = re.search(r"measuring from .*?\(epoch ms (\d+)\)", open(log, errors="replace").read())
    if not match:
        sys.exit(f"jfr-young: FAILED: no 'measuring from ... (epoch ms N)' line in {log}")
    began = int(match.group(1))
    printed = subprocess.run(["jfr", "print", "--json", "--events", "jdk.G1HeapSummary,jdk.GarbageCollection", jfr],
                             capture_output=True, text=True)
    if printed.returncode != 0:
        sys.exit(f"jfr-young: FAILED: jfr print exited with {printed.returncode}: {printed.stderr.strip()}")
    for event in json.loads(printed.stdout)["recording"]["events"]:
        values = event["values"]
        at = epoch_ms(values["startTime"]) - began
        if not lo <= at < hi:
            continue
        if event["type"] == "jdk.GarbageCollection":
            pauses = re.match(r"PT([\d.]+)S", values["sumOfPauses"])
            print(f"{at:+9,.0f} ms  {values['name']} ({values['cause']}): pauses "
                  f"{float(pauses.group(1)) * 1000 if pauses else 0:.0f} ms")
        elif values.get("when") == "Before GC":
            print(f"{at:+9,.0f} ms    eden {values['edenUsedSize'] >> 20} of {values['edenTotalSize'] >> 20} MB, "
                  f"survivors {values['survivorUsedSize'] >> 20} MB")


if __name__ == "__main__":
    main()
