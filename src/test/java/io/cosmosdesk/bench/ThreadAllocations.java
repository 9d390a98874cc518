package io.cosmosdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which threads allocated how much since the last call, grouped by what they are (the UI thread, the app's task
 * threads, the SDK's network threads, the rest): what filled the young generation that a pause then collected.
 */
final class ThreadAllocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> last = new HashMap<>();

    /** "task 40 MB, FX 12 MB" (groups of 1 MB or more, most first) since the previous call; the first call primes. */
    synchronized String sinceLast() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        boolean primed = !last.isEmpty();
        Map<String, Long> byGroup = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0 || infos[i] == null) {
                continue;
            }
            long before = last.getOrDefault(ids[i], 0L);
            last.put(ids[i], bytes[i]);
            byGroup.merge(group(infos[i].getThreadName()), bytes[i] - before, Long::sum);
        }
        if (!primed) {
            return "?";
        }
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "%d MB: ", total / (1024 * 1024))
                + byGroup.entrySet().stream().filter(e -> e.getValue() >= 1024 * 1024)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> String.format(Locale.ROOT, "%s %d MB", e.getKey(), e.getValue() / (1024 * 1024)))
                .collect(Collectors.joining(", "));
    }

    static String group(String threadName) {
        if (threadName.equals("JavaFX Application Thread")) {
            return "FX";
        }
        if (threadName.startsWith("cosmosdesk") || threadName.contains("task")) {
            return "task";
        }
        if (threadName.contains("reactor") || threadName.contains("netty") || threadName.contains("cosmos")
                || threadName.contains("parallel") || threadName.contains("boundedElastic")
                || threadName.startsWith("transport-response")) {
            return "SDK";
        }
        if (threadName.contains("QuantumRenderer")) {
            return "renderer";
        }
        return "other";
    }
}
