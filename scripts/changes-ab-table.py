#!/usr/bin/env python3
"""One line per run of scripts/changes-ab.sh output (its stdout, or the files it wrote): the side, the load, how long
the tab took from shown to Live, the longest stall, the stalls over 50 ms, the worst in the first second after Live,
the longest counting G1 pauses the beat could not see, and the app's collections.

    nice -n 19 python3 scripts/changes-ab-table.py ab.out [more.out ...]
"""
import re
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        text = open(name, errors="replace").read()
        runs = 0
        for block in re.split(r"(?m)^=== ", text)[1:]:
            head = re.match(r"pair (\d+), (\w) .*load average: ([\d.]+)", block)
            if not head:
                continue
            runs += 1
            hold = re.search(r"to live \(.*?\): ([\d,]+) ms", block)
            longest = re.search(r"FX thread's longest stall \(2 ms beat, wall\): (\d+) ms", block)
            over = re.search(r"^stalls over 50 ms: (\d+) \[(.*)$", block, re.M)
            first = max([int(ms) for ms, at in re.findall(r"(\d+) ms@\+([\d,]+)", over.group(2))
                         if int(at.replace(",", "")) < 1000] or [0]) if over else "?"
            unseen = re.search(r"counting those pauses: (\d+)", block)
            gc = re.search(r"collections while measuring: (\d+) collections, ([\d,]+) ms in all, longest (\d+)", block)
            print(f"{name}: pair {head.group(1)} {head.group(2)} load {head.group(3):>5}  live after "
                  f"{hold.group(1) if hold else '?':>6} ms  longest {longest.group(1) if longest else '?':>4}  "
                  f"over 50 {over.group(1) if over else '?':>3}  first second {first:>4}  "
                  f"with unseen pauses {unseen.group(1) if unseen else '?':>4}  "
                  f"GC {gc.group(1) + ' x, longest ' + gc.group(3) if gc else '?'}")
        if runs == 0:
            sys.exit(f"changes-ab-table: FAILED: no '=== pair N, A|B ...' runs in {name}")


if __name__ == "__main__":
    main()
