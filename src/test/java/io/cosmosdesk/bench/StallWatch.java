package io.cosmosdesk.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Watches the FX thread while a pass loads: a 1 ms heartbeat posted from outside, the 2 ms beat of {@link UiStallMeter}
 * (wall and UI-thread CPU), the gaps between pulses, and where the thread was while late ({@link FxLateSampler}).
 */
final class StallWatch {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stall-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong longestHeartbeat = new AtomicLong();
    private final AtomicLong longestPulse = new AtomicLong();
    private AnimationTimer pulses;
    private final FxLateSampler late = new FxLateSampler();
    private UiStallMeter meter;
    private long[] meterFigures = {0, 0};

    void start() {
        late.start();
        Thread starter = new Thread(() -> {
            try {
                meter = UiStallMeter.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starter.setDaemon(true);
        starter.start();
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> longestHeartbeat.accumulateAndGet(System.nanoTime() - posted, Math::max));
        }, 1, 1, TimeUnit.MILLISECONDS);
        pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    longestPulse.accumulateAndGet(now - last, Math::max);
                }
                last = now;
            }
        };
        pulses.start();
    }

    void stop() throws InterruptedException {
        timer.shutdownNow();
        late.stop();
        if (meter != null) {
            meterFigures = meter.stop();
        }
        Platform.runLater(pulses::stop);
    }

    /** {longest wait of a 2 ms beat, the UI thread's own CPU within the busiest wait, longest 1 ms heartbeat gap}, ms. */
    long[] figures() {
        return new long[] {meterFigures[0], meterFigures[1], longestHeartbeat.get() / 1_000_000};
    }

    /** {longest wait of a 2 ms beat, the UI thread's own CPU within the busiest wait}, ms. */
    long[] meterFigures() {
        return meterFigures;
    }

    /** Where the FX thread was while more than 30 ms late, and the stalls over 50 ms. */
    String lateWhere() {
        return late.report() + "\n    stalls over 50 ms: " + (meter == null ? "-" : meter.lateStalls());
    }

    long longestHeartbeatGap() {
        return longestHeartbeat.get();
    }

    long longestPulseGap() {
        return longestPulse.get();
    }
}
