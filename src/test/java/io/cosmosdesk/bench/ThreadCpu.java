package io.cosmosdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU this JVM's threads used between {@link #start} and {@link #report}, by group (a thread's name without its
 * numbers: "cosmosdesk-task-N", "QuantumRenderer-N"), most first. Threads that ended meanwhile are not counted.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The local server's process, whose CPU each report adds (0: none known). */
    private static volatile long serverPid;

    private final Map<Long, Long> atStart = new HashMap<>();
    private final long startedAt = System.nanoTime();
    private final long processAtStart = processCpuNanos();
    private final long serverAtStart = serverCpuNanos();
    private final Map<String, Long> hiddenAtStart = hiddenThreadCpu();
    private final long[] faultsAtStart = faultsAndKernelNanos();
    /** This JVM's and the server's CPU up to the last {@link #report}. */
    private long totalNanos;

    /** From now on every report also gives this process's CPU (the local server's node process). */
    static void alsoCount(long pid) {
        serverPid = pid;
    }

    private ThreadCpu() {
    }

    static ThreadCpu start() {
        ThreadCpu cpu = new ThreadCpu();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.atStart.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /** "\n    4,210 ms  JavaFX Application Thread" lines, most CPU first, and the wall time they cover. */
    String report() {
        long wallMs = (System.nanoTime() - startedAt) / 1_000_000;
        Map<String, Long> byGroup = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long now = THREADS.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            String group = info.getThreadName().replaceAll("\\d+", "N");
            byGroup.merge(group, now - atStart.getOrDefault(id, 0L), Long::sum);
        }
        TreeMap<Long, String> ordered = new TreeMap<>(java.util.Comparator.reverseOrder());
        byGroup.forEach((group, nanos) -> ordered.merge(nanos, group, (a, b) -> a + ", " + b));
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, " (over %,d ms of wall time)",
                wallMs));
        long process = processCpuNanos() - processAtStart;
        totalNanos = process;
        text.append(String.format(java.util.Locale.ROOT, "%n    whole pass: this JVM %,d ms CPU", process / 1_000_000));
        if (serverPid != 0) {
            long server = serverCpuNanos() - serverAtStart;
            totalNanos += server;
            text.append(String.format(java.util.Locale.ROOT, ", the server's node process %,d ms, together %,d ms "
                    + "= %.2f of %d cores busy", server / 1_000_000, (process + server) / 1_000_000,
                    (process + server) / 1e6 / Math.max(1, wallMs), Runtime.getRuntime().availableProcessors()));
        }
        ordered.entrySet().stream().filter(e -> e.getKey() >= 20_000_000L).limit(14).forEach(e -> text.append(
                String.format(java.util.Locale.ROOT, "%n    %,7d ms  %s", e.getKey() / 1_000_000, e.getValue())));
        Map<String, Long> hidden = hiddenThreadCpu();
        hidden.replaceAll((kind, nanos) -> nanos - hiddenAtStart.getOrDefault(kind, 0L));
        text.append(String.format(java.util.Locale.ROOT, "%n    threads JMX does not list (/proc, 10 ms ticks): "
                + "GC %,d ms, JIT compilers %,d ms, other VM threads %,d ms", hidden.get("gc") / 1_000_000,
                hidden.get("jit") / 1_000_000, hidden.get("vm") / 1_000_000));
        long[] faults = faultsAndKernelNanos();
        text.append(String.format(java.util.Locale.ROOT, "%n    this JVM: %,d minor page faults (first touches of "
                + "memory), %,d ms of its CPU in the kernel", faults[0] - faultsAtStart[0],
                (faults[1] - faultsAtStart[1]) / 1_000_000));
        return text.toString();
    }

    /**
     * This JVM's minor page faults and its CPU in the kernel so far (/proc/self/stat). A heap that grows into memory
     * never touched before pays one fault per 4 KB page, in the thread that allocates there (issue 19, session 15).
     */
    private static long[] faultsAndKernelNanos() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[7]), Long.parseLong(fields[12]) * 10_000_000L};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** The CPU this JVM and the local server's process used up to the last {@link #report}. */
    long totalNanos() {
        return totalNanos;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * CPU of the JVM's own threads, which the thread bean does not list, from /proc/self/task: "gc" (G1's and
     * the parallel GC workers), "jit" (C1/C2 compilers), "vm" (the VM thread and its periodic tasks).
     */
    private static Map<String, Long> hiddenThreadCpu() {
        Map<String, Long> kinds = new HashMap<>(Map.of("gc", 0L, "jit", 0L, "vm", 0L));
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return kinds;
        }
        for (java.io.File task : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim();
                String kind = name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc"
                        : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
                        : name.startsWith("VM ") ? "vm" : null;
                if (kind != null) {
                    kinds.merge(kind, ticksOf(java.nio.file.Files.readString(task.toPath().resolve("stat"))),
                            Long::sum);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return kinds;
    }

    /** utime + stime (fields 14, 15) of a /proc stat line, in nanoseconds (10 ms ticks). */
    private static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** utime + stime of the server's process from /proc (10 ms ticks); 0 when unknown. */
    private static long serverCpuNanos() {
        long pid = serverPid;
        if (pid == 0) {
            return 0;
        }
        try {
            return ticksOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat")));
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
