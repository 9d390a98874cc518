#!/usr/bin/env python3
"""What ran on the machine's cores during each UI stall of a ChangesBenchmark run, from the kernel's scheduler.

Record the benchmark under perf (system-wide context switches and wake-ups, on the clock System.nanoTime reads):

    flock /work/wt/bench.lock perf record -q -e sched:sched_switch -e sched:sched_wakeup -a -k CLOCK_MONOTONIC \
        -o run.perf -- mvn -B -q -o -Pbench verify -DskipTests -Dskip.npm=true \
        -Dbench.main=io.cosmosdesk.bench.ChangesBenchmark -Dbench.args="2000 30" > run.log 2>&1
    nice -n 19 perf script -i run.perf -F comm,pid,tid,cpu,time,event,trace > run.txt
    nice -n 19 python3 scripts/changes-stall-split.py run.log run.txt

For each stall over 50 ms the benchmark printed (``stalls over 50 ms: N [w ms@+t (cpu c), ...]``, counted from the
monotonic instant of its ``stall clock:`` line), prints the CPU milliseconds each group of threads had on the two
cores inside the stall (the app's UI thread, renderer, GC workers, JIT compilers, reader/network threads; the writer's
JVM; the node server; anything else by name), the idle time, and where the UI thread itself was: running, runnable
but without a core (preempted or woken and not yet run), or asleep (blocked: the renderer, a lock, a safepoint).
"""
import re
import sys
from collections import defaultdict

SWITCH = re.compile(r"^\s*(.+?)\s+(-?\d+)/(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+sched:sched_switch:\s+prev_comm=(.*?) "
                    r"prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)")
WAKEUP = re.compile(r"^\s*(.+?)\s+(-?\d+)/(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+sched:sched_wakeup:\s+comm=(.*?) "
                    r"pid=(\d+)")


def read_log(path):
    text = open(path, errors="replace").read()
    clock = re.search(r"stall clock: the stall meter started at monotonic ns (\d+); the app's JVM is pid (\d+)", text)
    if not clock:
        sys.exit("changes-stall-split: no 'stall clock:' line in " + path)
    writer = re.search(r"writer: a JVM of its own \(pid (\d+)\)", text)
    server = re.search(r"the local server: pid (\d+)", text)
    stalls_line = re.search(r"^stalls over 50 ms: \d+ \[(.*)\]$", text, re.M)
    stalls = []
    if stalls_line:
        for wall, at, cpu in re.findall(r"(\d+) ms@\+(\d+) \(cpu (-?\d+)\)", stalls_line.group(1)):
            stalls.append((int(at), int(wall), int(cpu)))
    return (int(clock.group(1)), int(clock.group(2)), int(writer.group(1)) if writer else None,
            int(server.group(1)) if server else None, stalls)


def app_group(comm):
    table = [("JavaFX Applicat", "app UI thread"), ("QuantumRenderer", "app renderer"), ("GC Thread", "app GC"),
             ("G1 ", "app GC"), ("C1 Compiler", "app JIT"), ("C2 Compiler", "app JIT"), ("VM ", "app VM thread"),
             ("cosmosdesk", "app tasks (reader/parse/diff)"), ("reactor-http", "app network (netty)"),
             ("cosmos", "app SDK threads"), ("parallel", "app SDK threads"), ("boundedElastic", "app SDK threads"),
             ("ui-stall-meter", "bench meters"), ("fx-late", "bench meters"), ("cpu-per-second", "bench meters")]
    for prefix, group in table:
        if comm.startswith(prefix):
            return group
    return "app other (" + comm + ")"


def main():
    log, trace = sys.argv[1], sys.argv[2]
    start_ns, app, writer, server, stalls = read_log(log)
    windows = [(start_ns + at * 1_000_000, start_ns + (at + wall) * 1_000_000) for at, wall, _ in stalls]
    if not windows:
        print("no stalls over 50 ms in", log)
        return
    lo, hi = min(w[0] for w in windows), max(w[1] for w in windows)
    tgid_of, comm_of, node_tgids = {}, {}, set()
    running = {}  # cpu -> (tid, since ns)
    intervals = []  # (tid, from, to) on-CPU
    fx_tid = None
    fx_events = []  # (ns, 'in'|'out-R'|'out-S'|'wake')
    for line in open(trace, errors="replace"):
        m = SWITCH.match(line)
        if m:
            _, pid, tid, cpu, t, prev_comm, prev_pid, prev_state, next_comm, next_pid = m.groups()
            ns = int(round(float(t) * 1e9))
            cpu, prev_pid, next_pid = int(cpu), int(prev_pid), int(next_pid)
            tgid_of.setdefault(prev_pid, int(pid))
            comm_of[prev_pid] = prev_comm
            comm_of[next_pid] = next_comm
            if int(pid) == app and prev_comm.startswith("JavaFX Applicat"):
                fx_tid = prev_pid
            if prev_comm == "node" or prev_comm.startswith("node"):
                node_tgids.add(int(pid))
            if cpu in running:
                tid0, since = running[cpu]
                if since < hi + 1e9 and ns > lo - 1e9:
                    intervals.append((tid0, since, ns))
            running[cpu] = (next_pid, ns)
            if lo - 2e9 < ns < hi + 1e9:
                if fx_tid is not None and prev_pid == fx_tid:
                    fx_events.append((ns, "out-R" if prev_state.startswith("R") else "out-S"))
                if fx_tid is not None and next_pid == fx_tid:
                    fx_events.append((ns, "in"))
            continue
        m = WAKEUP.match(line)
        if m and fx_tid is not None and int(m.group(7)) == fx_tid:
            ns = int(round(float(m.group(5)) * 1e9))
            if lo - 2e9 < ns < hi + 1e9:
                fx_events.append((ns, "wake"))

    fx_events.sort()

    def group_of(tid):
        if tid == 0:
            return "idle"
        tgid = tgid_of.get(tid, tid)
        comm = comm_of.get(tid, "?")
        if tgid == app:
            return app_group(comm)
        if writer is not None and tgid == writer:
            kind = "JIT" if comm.startswith(("C1 Compiler", "C2 Compiler")) else "GC" if comm.startswith(
                ("GC Thread", "G1 ")) else "other threads"
            return "writer JVM " + kind
        if (server is not None and tgid == server) or (server is None and tgid in node_tgids):
            return "node server"
        if comm.startswith("perf"):
            return "perf (this recording)"
        return "other: " + comm

    total = defaultdict(float)
    print(f"app pid {app}, writer pid {writer}, server pid {server}")
    for (at, wall, cpu), (w0, w1) in sorted(zip(stalls, windows), key=lambda s: -s[0][1]):
        used = defaultdict(float)
        for tid, a, b in intervals:
            a2, b2 = max(a, w0), min(b, w1)
            if b2 > a2:
                used[group_of(tid)] += (b2 - a2) / 1e6
        # the UI thread's state through the window: running, runnable without a core, asleep
        fx = defaultdict(float)
        state, since = "asleep", w0
        for ns, kind in fx_events:
            if ns >= w1:
                break
            if ns > w0:
                fx[state] += (ns - since) / 1e6
                since = ns
            if kind == "in":
                state = "running"
            elif kind == "out-R":
                state = "runnable"
            elif kind == "out-S":
                state = "asleep"
            elif state != "running":
                state = "runnable"
        fx[state] += (w1 - since) / 1e6
        for k, v in used.items():
            total[k] += v
        parts = ", ".join(f"{k} {v:.0f}" for k, v in sorted(used.items(), key=lambda kv: -kv[1]) if v >= 1)
        print(f"{wall:4d} ms @+{at:,} (UI CPU {cpu}): UI thread running {fx['running']:.0f} / runnable without a core "
              f"{fx['runnable']:.0f} / asleep {fx['asleep']:.0f} ms | cores (ms of {2 * wall}): {parts}")
    all_ms = sum(w for _, w, _ in stalls)
    print(f"all {len(stalls)} stalls together ({all_ms} ms wall, {2 * all_ms} core-ms): " + ", ".join(
        f"{k} {v:.0f}" for k, v in sorted(total.items(), key=lambda kv: -kv[1]) if v >= 1))


if __name__ == "__main__":
    main()
