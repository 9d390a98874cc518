package io.cosmosdesk.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Tells where the FX thread is while it is late: a 1 ms beat is posted to it, and while the last beat is
 * more than 30 ms old a watchdog samples the FX thread's stack every 5 ms. Figures for benchmarks only.
 *
 * <p>Made {@linkplain #FxLateSampler(UiStallMeter) on a stall meter}, it posts no beat of its own: it reads when the
 * meter's 2 ms beat last ran on the FX thread, and only its watchdog runs (every 5 ms, a stack sample only while
 * late). The own 1 ms beat (a thread waking 1,000 times a second and 1,000 tasks a second on the FX thread) used
 * 1.7 s of CPU in a 30 s ChangesBenchmark run on 2 cores, beside what it measured.
 */
final class FxLateSampler {

    /** Frames kept per sample (env BENCH_DEPTH, default 4; BENCH_LINES lines, default 6): more to see who called the hot spot. */
    private static final int DEPTH = Integer.parseInt(System.getenv().getOrDefault("BENCH_DEPTH", "4"));

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fx-late-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lastBeat = new AtomicLong(System.nanoTime());
    private final Map<String, Integer> lateFrames = new ConcurrentHashMap<>();
    /** Env BENCH_ALWAYS=1: sample every 1 ms whether late or not, and also count each frame inclusively. */
    private static final boolean ALWAYS = "1".equals(System.getenv("BENCH_ALWAYS"));
    private final Map<String, Integer> inclusive = new ConcurrentHashMap<>();
    private volatile Thread fxThread;
    /** When the FX thread last answered a beat (System.nanoTime): its own beat's, or the stall meter's. */
    private final java.util.function.LongSupplier lastAnswered;
    private final boolean ownBeat;

    /** With a 1 ms beat of its own. */
    FxLateSampler() {
        this.lastAnswered = lastBeat::get;
        this.ownBeat = true;
    }

    /** Without a beat of its own: late is when {@code meter}'s beat last ran on the FX thread over 30 ms ago. */
    FxLateSampler(UiStallMeter meter) {
        this.lastAnswered = meter::lastAnsweredNanos;
        this.ownBeat = false;
    }

    void start() {
        Platform.runLater(() -> fxThread = Thread.currentThread());
        if (ownBeat) {
            timer.scheduleAtFixedRate(() -> Platform.runLater(() -> lastBeat.set(System.nanoTime())), 1, 1,
                    TimeUnit.MILLISECONDS);
        }
        timer.scheduleAtFixedRate(this::sampleIfLate, 5, ALWAYS ? 1 : 5, TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void sampleIfLate() {
        Thread fx = fxThread;
        if (fx == null || !ALWAYS && System.nanoTime() - lastAnswered.getAsLong() < 30_000_000L) {
            return;
        }
        StringBuilder key = new StringBuilder();
        int shown = 0;
        StackTraceElement[] stack = fx.getStackTrace();
        if (ALWAYS) {
            if (stack.length > 0 && stack[0].getMethodName().equals("epollWait") || stack.length > 0
                    && stack[0].getClassName().contains("Unsafe") && stack[0].getMethodName().equals("park")) {
                return; // idle
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (StackTraceElement frame : stack) {
                String name = frame.getClassName();
                String f = name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName();
                if (seen.add(f)) {
                    inclusive.merge(f, 1, Integer::sum);
                }
            }
        }
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                continue;
            }
            key.append(shown == 0 ? "" : " < ").append(name.substring(name.lastIndexOf('.') + 1)).append('.')
                    .append(frame.getMethodName());
            if (++shown == DEPTH) {
                break;
            }
        }
        lateFrames.merge(key.toString(), 1, Integer::sum);
    }

    /** Where the FX thread was while late, most sampled first (each sample stands for about 5 ms). */
    String report() {
        return lateFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(Integer.parseInt(System.getenv().getOrDefault("BENCH_LINES", "6")))
                .map(e -> e.getValue() * 5 + " ms in " + e.getKey())
                .collect(Collectors.joining("\n    ", "\n    ", ""))
                + (ALWAYS ? "\n  inclusive (1 ms samples):" + inclusive.entrySet().stream()
                        .sorted((a, b) -> b.getValue() - a.getValue()).limit(Integer.parseInt(System.getenv().getOrDefault("BENCH_INCL", "60")))
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining("\n    ", "\n    ", "")) : "");
    }
}
