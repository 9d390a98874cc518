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

    private UiStallMeter(long fxThreadId) {
        this.fxThreadId = fxThreadId;
    }

    static UiStallMeter start() throws InterruptedException {
        long[] id = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            id[0] = Thread.currentThread().getId();
            found.countDown();
        });
        found.await();
        UiStallMeter meter = new UiStallMeter(id[0]);
        meter.timer.scheduleAtFixedRate(meter::beat, 0, 2, TimeUnit.MILLISECONDS);
        return meter;
    }

    private void beat() {
        long posted = System.nanoTime();
        long postedCpu = THREADS.getThreadCpuTime(fxThreadId);
        Platform.runLater(() -> {
            longestWall.accumulateAndGet(System.nanoTime() - posted, Math::max);
            if (postedCpu >= 0) {
                longestCpu.accumulateAndGet(THREADS.getCurrentThreadCpuTime() - postedCpu, Math::max);
            }
        });
    }

    /** Stops beating; returns {longest wall wait ms, UI-thread CPU in the busiest wait ms}. */
    long[] stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(1, TimeUnit.SECONDS);
        Thread.sleep(50);
        return new long[] {longestWall.get() / 1_000_000, longestCpu.get() / 1_000_000};
    }
}
