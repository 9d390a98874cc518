package io.cosmosdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who had the machine's cores, second by second: the whole machine's busy CPU (from /proc/stat, all processes), this
 * JVM's (the app's), its UI thread's and its renderer thread's, and this JVM's child processes' (the local server and,
 * by default, the writing client's JVM). Tells whether a UI stall was the renderer working or the renderer waiting
 * for a core: on this 2-core machine a second of 2,000 ms busy leaves nothing for anyone. Figures for benchmarks only.
 */
final class CpuPerSecond implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TICK_NANOS = 10_000_000L; // /proc's USER_HZ of 100

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cpu-per-second");
        thread.setDaemon(true);
        return thread;
    });
    private final long startedAt = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private long[] last;
    /**
     * Frames the renderer spent CPU on in the first 4 s, and later those over 20 ms: {ms after start, renderer CPU
     * ms, wall ms between the pulses around it}.
     */
    private final List<long[]> heavyFrames = new ArrayList<>();
    private volatile long rendererId = -1;
    private long lastPulseRendererCpu = -1;
    private long lastPulseNanos;
    private boolean lastPulseShowedRows;

    private CpuPerSecond() {
    }

    /** Samples every second from now on (time 0 is now). */
    static CpuPerSecond start() {
        CpuPerSecond cpu = new CpuPerSecond();
        cpu.last = cpu.sample();
        cpu.timer.scheduleAtFixedRate(cpu::tick, 1, 1, TimeUnit.SECONDS);
        return cpu;
    }

    /**
     * Called by the UI thread at each pulse (after its layout): the renderer's CPU since the last pulse is what it
     * spent drawing the frame(s) in between, whoever waited for it.
     */
    void pulse(boolean rowsShown) {
        if (rendererId < 0) {
            return;
        }
        long cpu = THREADS.getThreadCpuTime(rendererId);
        long now = System.nanoTime();
        boolean early = lastPulseNanos - startedAt < 4_000_000_000L; // every frame of the first 4 s
        if (lastPulseRendererCpu >= 0 && cpu > lastPulseRendererCpu && (early
                || cpu - lastPulseRendererCpu > 20_000_000L)) {
            synchronized (heavyFrames) {
                if (heavyFrames.size() < 120) {
                    heavyFrames.add(new long[] {(lastPulseNanos - startedAt) / 1_000_000,
                            (cpu - lastPulseRendererCpu) / 1_000_000, (now - lastPulseNanos) / 1_000_000,
                            lastPulseShowedRows ? 1 : 0});
                }
            }
        }
        lastPulseRendererCpu = cpu;
        lastPulseNanos = now;
        lastPulseShowedRows = rowsShown;
    }

    /**
     * The frames of {@link #pulse}, in order: "+ms: CPU ms (wall between pulses ms)", "+ms rows: ..." when the
     * pulse before the frame showed rows.
     */
    String heavyFrames() {
        synchronized (heavyFrames) {
            return heavyFrames.size() + (heavyFrames.isEmpty() ? "" : " " + heavyFrames.stream().map(f -> String.format(
                    Locale.ROOT, "+%d%s: %d (%d)", f[0], f[3] == 1 ? " rows" : "", f[1], f[2])).toList());
        }
    }

    private void tick() {
        long[] now = sample();
        long[] was = last;
        last = now;
        long wallMs = (now[0] - was[0]) / 1_000_000;
        synchronized (lines) {
            lines.add(String.format(Locale.ROOT, "%5.1f s %6d %6d %6d %6d %6d %6d", (now[0] - startedAt) / 1e9,
                    wallMs, ms(now[1] - was[1]), ms(now[2] - was[2]), ms(now[3] - was[3]), ms(now[4] - was[4]),
                    ms(now[5] - was[5])));
        }
    }

    /** {nanoTime, machine busy, this JVM, UI thread, renderer thread, children} (CPU nanoseconds). */
    private long[] sample() {
        long fx = -1;
        long renderer = -1;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            if (info.getThreadName().equals("JavaFX Application Thread")) {
                fx = THREADS.getThreadCpuTime(info.getThreadId());
            } else if (info.getThreadName().startsWith("QuantumRenderer")) {
                rendererId = info.getThreadId();
                renderer = THREADS.getThreadCpuTime(info.getThreadId());
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = ProcessHandle.current().descendants().mapToLong(CpuPerSecond::processCpu).sum();
        return new long[] {System.nanoTime(), machineBusy(), process, fx, renderer, children};
    }

    /** All processes' busy CPU since boot (user, nice, system, irq, softirq, steal), in nanoseconds. */
    private static long machineBusy() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy * TICK_NANOS;
        } catch (Exception e) {
            return 0;
        }
    }

    /** A process's user + system CPU from /proc (0 if it is gone), in nanoseconds. */
    private static long processCpu(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** One line a second since the start, after a header; {@code seconds} at most. */
    String report(int seconds) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n    %7s %6s %6s %6s %6s %6s %6s",
                "at", "wall", "machine", "app", "UI", "render", "others"));
        synchronized (lines) {
            lines.stream().limit(seconds).forEach(line -> text.append("\n    ").append(line));
        }
        return text.append("\n    (ms of CPU in each second; machine: every process on the ").append(Runtime
                .getRuntime().availableProcessors()).append(" cores; app: this JVM; UI, render: its two FX threads; "
                + "others: this JVM's child processes, the server and the writer's JVM)").toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
