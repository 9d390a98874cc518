package io.cosmosdesk.app;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a start's time goes: with {@code -Dcosmosdesk.startupTrace=true} each step of the start path prints
 * {@code startup: <ms since the JVM started> ms <step> [<thread>, <ms> ms CPU]} to stderr (the smoke test's
 * breakdown reads these), the CPU its thread has used so far included. With {@code -Dcosmosdesk.startupTrace=wall}
 * each step prints {@code startup: @<wall clock, ms since the epoch> <step> [<thread>]} instead: no thread management
 * bean and no process handle (the JVM's start time) are loaded, so the timed starts of the smoke test and
 * {@code measure-start.sh} can read when the window became whole (the step {@value #WHOLE}) against their own
 * launch time at the cost of a few lines on stderr (a review finding: asking the OS for the JVM's start cost the
 * main thread 8-33 ms before {@code main}, in every timed start). Off, a mark costs one field read. The JVM's start
 * time comes from the OS (10 ms resolution on Linux); the installed launcher execs the JVM in its own process, so it
 * is the launch.
 */
public final class StartupTrace {

    /** The step marked when every part of the main window has joined it ({@link FirstFrame}). */
    public static final String WHOLE = "window whole";

    private static final String MODE = System.getProperty("cosmosdesk.startupTrace", "false");
    private static final boolean WALL = MODE.equals("wall");
    private static final boolean ON = WALL || Boolean.parseBoolean(MODE);
    private static final long JVM_START_NANOS = ON && !WALL ? jvmStartNanos() : 0;

    private StartupTrace() {
    }

    public static void mark(String step) {
        if (!ON) {
            return;
        }
        // no String.format or string concatenation here: their first use costs the start path a bootstrap
        StringBuilder line = new StringBuilder(80).append("startup: ");
        if (WALL) {
            line.append('@').append(System.currentTimeMillis()).append(' ');
        } else {
            String ms = Long.toString((System.nanoTime() - JVM_START_NANOS) / 1_000_000);
            line.append("     ", Math.min(5, ms.length()), 5).append(ms).append(" ms ");
        }
        line.append(step).append(" [").append(Thread.currentThread().getName());
        if (!WALL) {
            line.append(", ").append(
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000)
                    .append(" ms CPU");
        }
        System.err.println(line.append(']'));
    }

    private static long jvmStartNanos() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return System.nanoTime() - Duration.between(started, Instant.now()).toNanos();
    }
}
