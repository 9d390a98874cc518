package io.cosmosdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * How long the UI thread kept a task waiting: a beat is posted to it every 2 ms, and for each one the wall
 * time until it ran and the UI thread's own CPU time meanwhile are recorded. The longest wall wait is what
 * a user feels; the CPU figure is the part the UI thread spent working (our code, CSS, layout), the rest
 * being time it waited for a core, a garbage collection or the renderer on this small shared machine.
 */
final class UiStallMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-stall-meter");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong longestWall = new AtomicLong();
    private final AtomicLong longestCpu = new AtomicLong();
    private final long fxThreadId;
    private final long startedAt = System.nanoTime();
    private long lastStallEnd; // UI thread only
    /** Each wait over the threshold (50 ms unless started with another): when it began, its wall and UI CPU ms. */
    private final java.util.List<String> late = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** Each wait over the threshold as {began ms after start, wall ms, UI CPU ms, began epoch ms, began uptime ms}. */
    private final java.util.List<long[]> lateFigures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** The timer thread's own gaps over 50 ms between beats, each {began epoch ms, ms}. */
    private final java.util.List<long[]> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private long lastPosted; // timer thread only
    /** When a beat last ran on the UI thread (System.nanoTime): what {@link FxLateSampler} reads instead of a beat. */
    private volatile long lastAnswered = System.nanoTime();

    /** A wait longer than this is a stall kept in the lists (figures, {@link #stalls}). */
    private final long lateNanos;

    private UiStallMeter(long fxThreadId, long lateMs) {
        this.fxThreadId = fxThreadId;
        this.lateNanos = lateMs * 1_000_000L;
    }

    static UiStallMeter start() throws InterruptedException {
        return start(50);
    }

    /** As {@link #start()}, keeping every wait over {@code lateMs} (the longest-wait figures are the same). */
    static UiStallMeter start(long lateMs) throws InterruptedException {
        long[] id = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            id[0] = Thread.currentThread().getId();
            found.countDown();
        });
        found.await();
        UiStallMeter meter = new UiStallMeter(id[0], lateMs);
        meter.timer.scheduleAtFixedRate(meter::beat, 0, 2, TimeUnit.MILLISECONDS);
        return meter;
    }

    private void beat() {
        long posted = System.nanoTime();
        // a beat long after the last one: this thread itself was held (a JVM-wide pause such as a collection, or
        // no core for it). A collection holds the UI thread as well, but no beat is waiting then to see it
        if (lastPosted != 0 && posted - lastPosted > 50_000_000L) {
            held.add(new long[] {System.currentTimeMillis() - (posted - lastPosted) / 1_000_000,
                    (posted - lastPosted) / 1_000_000});
        }
        lastPosted = posted;
        long postedMillis = System.currentTimeMillis();
        long postedUptime = EditorGcPauses.uptimeMs();
        long postedCpu = THREADS.getThreadCpuTime(fxThreadId);
        Platform.runLater(() -> {
            long answered = System.nanoTime();
            lastAnswered = answered;
            long wall = answered - posted;
            longestWall.accumulateAndGet(wall, Math::max);
            long cpu = postedCpu >= 0 ? THREADS.getCurrentThreadCpuTime() - postedCpu : -1;
            if (cpu >= 0) {
                longestCpu.accumulateAndGet(cpu, Math::max);
            }
            // beats run in the order posted, so the first beat of a stall waited longest: one entry per stall
            if (wall > lateNanos && posted >= lastStallEnd) {
                lastStallEnd = posted + wall;
                lateFigures.add(new long[] {(posted - startedAt) / 1_000_000, wall / 1_000_000, cpu / 1_000_000,
                        postedMillis, postedUptime});
                if (late.size() < 200) {
                    late.add(String.format(java.util.Locale.ROOT, "%d ms@+%d (cpu %d)", wall / 1_000_000,
                            (posted - startedAt) / 1_000_000, cpu / 1_000_000));
                }
            }
        });
    }

    /** When a beat last ran on the UI thread (System.nanoTime). */
    long lastAnsweredNanos() {
        return lastAnswered;
    }

    /** The monotonic instant (System.nanoTime) the stalls' "+ms" count from. */
    long startedAtNanos() {
        return startedAt;
    }

    /** Each stall kept so far as {began ms after start, wall ms, UI CPU ms, began epoch ms, began JVM uptime ms}. */
    java.util.List<long[]> stalls() {
        synchronized (lateFigures) {
            return new java.util.ArrayList<>(lateFigures);
        }
    }

    /** The stalls over 50 ms seen so far: "wall ms@+start ms (UI-thread CPU ms)", at most 200. */
    String lateStalls() {
        synchronized (late) {
            return late.size() + (late.isEmpty() ? "" : " " + late);
        }
    }

    /**
     * Each stall over 50 ms on a line of its own, longest first (at most {@code limit}), with this JVM's garbage
     * collections that overlapped it: "wall ms @+start ms, UI CPU ms; GC ...".
     */
    String stallsBeside(GcPauses gc, int limit) {
        synchronized (lateFigures) {
            return lateFigures.stream().sorted((a, b) -> Long.compare(b[1], a[1])).limit(limit)
                    .map(s -> String.format(java.util.Locale.ROOT, "%4d ms @+%,d ms, UI CPU %d ms; %s", s[1], s[0],
                            s[2], gc.during(s[3], s[3] + s[1])))
                    .collect(java.util.stream.Collectors.joining("\n    ", "\n    ", ""));
        }
    }

    /**
     * The longest wait over 50 ms that began at least {@code fromMs} after the start, as {wall ms, its UI-thread CPU
     * ms}; {0, 0} when there was none. (The first rows create the table's first cells: a cold start's one-off.)
     */
    long[] longestAfter(long fromMs) {
        long[] longest = {0, 0};
        synchronized (lateFigures) {
            for (long[] stall : lateFigures) {
                if (stall[0] >= fromMs && stall[1] > longest[0]) {
                    longest = new long[] {stall[1], stall[2]};
                }
            }
        }
        return longest;
    }

    /** Stops beating; returns {longest wall wait ms, UI-thread CPU in the busiest wait ms}. */
    long[] stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(1, TimeUnit.SECONDS);
        Thread.sleep(50);
        return new long[] {longestWall.get() / 1_000_000, longestCpu.get() / 1_000_000};
    }

    /**
     * The collections of over 50 ms that no measured stall overlapped, as "N ms @+start ms (meter held M ms)": the beat
     * cannot see a JVM-wide pause that begins while the UI thread is idle, because the pause holds the beat's own
     * thread too (it posts nothing until the pause ends, and the UI thread then answers at once). A user sees such a
     * pause as a frozen window all the same. Returns {longest such pause ms, the text}.
     */
    Object[] unseenPauses(GcPauses gc) {
        java.util.List<long[]> stalls;
        synchronized (lateFigures) {
            stalls = new java.util.ArrayList<>(lateFigures);
        }
        java.util.List<long[]> heldNow;
        synchronized (held) {
            heldNow = new java.util.ArrayList<>(held);
        }
        long startEpoch = System.currentTimeMillis() - (System.nanoTime() - startedAt) / 1_000_000;
        long longest = 0;
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (GcPauses.Pause pause : gc.pauses()) {
            long from = pause.beginMillis();
            long to = from + pause.durationMs();
            if (pause.durationMs() <= 50 || from < startEpoch) {
                continue;
            }
            boolean seen = stalls.stream().anyMatch(s -> s[3] <= to && s[3] + s[1] >= from);
            if (seen) {
                continue;
            }
            long meterHeld = heldNow.stream().filter(h -> h[0] <= to && h[0] + h[1] >= from).mapToLong(h -> h[1])
                    .max().orElse(0);
            longest = Math.max(longest, pause.durationMs());
            texts.add(String.format(java.util.Locale.ROOT, "%d ms @+%,d ms (%s; the meter's own beat held %d ms)",
                    pause.durationMs(), from - startEpoch, pause.cause(), meterHeld));
        }
        return new Object[] {longest, texts.isEmpty() ? "none" : String.join(", ", texts)};
    }
}
