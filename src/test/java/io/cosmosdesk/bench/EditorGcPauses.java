package io.cosmosdesk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The editor benchmark's stop-the-world collections since the last reset (concurrent cycles are not pauses): the
 * longest, how many, their total, and how much each copied. A young pause's length is mostly the live objects it
 * copies, which (unlike its wall time) does not depend on the machine's load: the largest copy says what the
 * longest pause will be on a quiet machine (about 2.3 ms per MB with two GC threads here).
 */
final class EditorGcPauses {

    /**
     * One pause: its begin and end in ms since the JVM started, the bytes it kept (survivors + promoted), what it was
     * ("G1 Young Generation / G1 Evacuation Pause") and who allocated since the pause before it ("FX 12 MB, task 40 MB").
     */
    record Pause(long startMs, long endMs, long copiedBytes, String what, String allocatedBy) {
        long ms() {
            return endMs - startMs;
        }
    }

    private final ThreadAllocations allocations = new ThreadAllocations();

    private final List<Pause> pauses = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    static EditorGcPauses install() {
        EditorGcPauses recorder = new EditorGcPauses();
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            recorder.names.add(bean.getName());
            if (bean.getName().contains("Cycles") || bean.getName().contains("Concurrent")) {
                continue;
            }
            ((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                synchronized (recorder.pauses) {
                    recorder.pauses.add(new Pause(info.getStartTime(), info.getEndTime(), copied(info),
                            shortName(GarbageCollectionNotificationInfo.from(
                                    (CompositeData) notification.getUserData()).getGcName()) + " ("
                                    + GarbageCollectionNotificationInfo.from((CompositeData) notification
                                            .getUserData()).getGcCause() + ")",
                            recorder.allocations.sinceLast()));
                }
            }, null, null);
        }
        return recorder;
    }

    /** What a pause kept: the survivor space after it, plus what the old generation grew by. */
    private static long copied(GcInfo info) {
        long bytes = 0;
        Map<String, MemoryUsage> before = info.getMemoryUsageBeforeGc();
        for (var pool : info.getMemoryUsageAfterGc().entrySet()) {
            String name = pool.getKey();
            long after = pool.getValue().getUsed();
            if (name.contains("Survivor")) {
                bytes += after;
            } else if (name.contains("Old")) {
                MemoryUsage was = before.get(name);
                bytes += Math.max(0, after - (was == null ? 0 : was.getUsed()));
            }
        }
        return bytes;
    }

    private static String shortName(String collector) {
        return collector.replace("G1 Young Generation", "young").replace("G1 Old Generation", "full")
                .replace("G1 Concurrent GC", "concurrent").replace("G1 Mixed Generation", "mixed");
    }

    /** The pauses that overlap [fromMs, toMs] (JVM uptime). */
    List<Pause> overlapping(long fromMs, long toMs) {
        return all().stream().filter(p -> p.startMs() <= toMs && p.endMs() >= fromMs).toList();
    }

    /** Milliseconds since the JVM started, on the clock the pauses' times are on. */
    static long uptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    void reset() {
        synchronized (pauses) {
            pauses.clear();
        }
    }

    private List<Pause> all() {
        synchronized (pauses) {
            return new ArrayList<>(pauses);
        }
    }

    long totalMs() {
        return all().stream().mapToLong(p -> p.endMs() - p.startMs()).sum();
    }

    long count() {
        return all().size();
    }

    long longestMs() {
        return all().stream().mapToLong(p -> p.endMs() - p.startMs()).max().orElse(0);
    }

    /** The most one pause copied, in MB. */
    long largestCopyMb() {
        return all().stream().mapToLong(Pause::copiedBytes).max().orElse(0) / (1024 * 1024);
    }

    /** Pause milliseconds within [fromMs, toMs] (JVM uptime). */
    long pausedWithin(long fromMs, long toMs) {
        long sum = 0;
        for (Pause p : all()) {
            sum += Math.max(0, Math.min(toMs, p.endMs()) - Math.max(fromMs, p.startMs()));
        }
        return sum;
    }

    String collectors() {
        return String.join(", ", names);
    }
}
