package io.cosmosdesk.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The settle before a timed pass: a full collection, so no pass pays for the garbage of the one before it, that leaves
 * the heap as big as the session grew it, as the app's heap stays (issue 19, session 18).
 *
 * <p>A plain {@code System.gc()} under G1 compacts and then gives back whatever is more than MaxHeapFreeRatio (70 %)
 * free: with the Items tab's 100,000 rows dropped, most of the heap the passes grew. The next pass that keeps rows then
 * commits and touches that memory again, and the kernel zeroes every page it hands back (its page faults were the tab
 * pass's extra kernel CPU, 520-2,620 ms a pass). The app never calls {@code System.gc()}, and G1 with the app's
 * options (JDK 17 and the launcher's JDK 25 alike: G1PeriodicGCInterval 0, no idle uncommit) shrinks only at a full
 * collection, which a session does not reach, and at a concurrent cycle's remark, which this settle leaves as it is
 * (the passes themselves run with the app's MaxHeapFreeRatio). So the settle raises MaxHeapFreeRatio to 100 (a
 * manageable flag) for its own collection only and puts it back.
 *
 * <p>{@code -Dbench.settle=shrink}: the settle as before session 18 (a plain {@code System.gc()}, the heap given back),
 * for an A/B and to compare with earlier sessions' figures.
 */
final class HeapSettle {

    static final boolean SHRINKS = "shrink".equals(System.getProperty("bench.settle"));

    private HeapSettle() {
    }

    /** A full collection; unless {@code -Dbench.settle=shrink}, G1 keeps the heap it has committed. */
    static void fullGc() {
        if (SHRINKS) {
            System.gc();
            return;
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String kept = vm.getVMOption("MaxHeapFreeRatio").getValue();
        vm.setVMOption("MaxHeapFreeRatio", "100");
        try {
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", kept);
        }
    }

    /**
     * What the settle does, for the benchmark's first lines. Raising MaxHeapFreeRatio keeps the heap under G1, Serial
     * and Parallel; ZGC and Shenandoah give memory back on their own timers whatever it says, so the line names the
     * collector and the heap committed now, which the caller can print again after a settle ({@link #committedMb}).
     */
    static String describe() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
        return (SHRINKS ? "a full GC that gives back the free heap (-Dbench.settle=shrink)"
                : "a full GC that keeps the committed heap, as the app's session keeps it (-Dbench.settle=shrink: a "
                        + "plain System.gc() that gives it back)")
                + String.format("; collectors %s; heap committed now %,d MB", collectors, committedMb());
    }

    /** The heap committed now, in MB: after a settle it shows whether the collector kept what it had. */
    static long committedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
    }
}
