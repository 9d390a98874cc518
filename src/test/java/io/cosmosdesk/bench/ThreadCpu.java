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

    private final Map<Long, Long> atStart = new HashMap<>();
    private final long startedAt = System.nanoTime();

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
        ordered.entrySet().stream().filter(e -> e.getKey() >= 20_000_000L).limit(14).forEach(e -> text.append(
                String.format(java.util.Locale.ROOT, "%n    %,7d ms  %s", e.getKey() / 1_000_000, e.getValue())));
        return text.toString();
    }
}
