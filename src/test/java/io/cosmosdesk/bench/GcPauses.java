package io.cosmosdesk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's garbage collections from {@link #start} on, each with its collector, cause, begin and duration (epoch
 * ms), so that a UI stall can be printed beside the collections that overlapped it. For G1 and the serial collector
 * the young and full collections' durations are stop-the-world pauses; G1's concurrent cycles (JDK 20+) are not and are
 * left out.
 */
final class GcPauses implements AutoCloseable {

    /** One collection: collector ("G1 Young Generation"), cause, begin (epoch ms) and duration (ms). */
    record Pause(String collector, String cause, long beginMillis, long durationMs) {
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final List<Runnable> removals = new ArrayList<>();

    private GcPauses() {
    }

    static GcPauses start() {
        GcPauses recorder = new GcPauses();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(bean instanceof NotificationEmitter emitter) || bean.getName().contains("Concurrent")) {
                continue;
            }
            NotificationListener listener = (notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                synchronized (recorder.pauses) {
                    recorder.pauses.add(new Pause(info.getGcName(), info.getGcCause(),
                            jvmStart + info.getGcInfo().getStartTime(), info.getGcInfo().getDuration()));
                }
            };
            emitter.addNotificationListener(listener, null, null);
            recorder.removals.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            });
        }
        return recorder;
    }

    /** The collections that overlapped [from, to] (epoch ms), as "G1 Young Generation 23 ms" joined; "none". */
    String during(long fromMillis, long toMillis) {
        synchronized (pauses) {
            String text = pauses.stream()
                    .filter(p -> p.beginMillis() <= toMillis && p.beginMillis() + p.durationMs() >= fromMillis)
                    .map(p -> String.format(Locale.ROOT, "%s %d ms (%s)", shortName(p.collector()), p.durationMs(),
                            p.cause()))
                    .collect(Collectors.joining(", "));
            return text.isEmpty() ? "no GC" : text;
        }
    }

    /** Every collection recorded so far. */
    List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    /** "N collections, total T ms, longest L ms (collector)". */
    String summary() {
        synchronized (pauses) {
            long total = pauses.stream().mapToLong(Pause::durationMs).sum();
            Pause longest = pauses.stream().max(java.util.Comparator.comparingLong(Pause::durationMs)).orElse(null);
            return String.format(Locale.ROOT, "%d collections, %,d ms in all, longest %s", pauses.size(), total,
                    longest == null ? "-" : longest.durationMs() + " ms (" + shortName(longest.collector()) + ")");
        }
    }

    private static String shortName(String collector) {
        return collector.replace(" Generation", "").replace("G1 ", "G1 ");
    }

    @Override
    public void close() {
        removals.forEach(Runnable::run);
    }
}
