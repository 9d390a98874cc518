package io.cosmosdesk.app;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a start's time goes: with {@code -Dcosmosdesk.startupTrace=true} each step of the start path prints
 * {@code startup: <ms since the JVM started> <step>} to stderr (the smoke test's breakdown reads these). Off, a
 * mark costs one field read. Each mark also says the CPU its thread has used so far. The JVM's start time comes from the OS (10 ms resolution on Linux).
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("cosmosdesk.startupTrace");
    private static final long JVM_START_NANOS = ON ? jvmStartNanos() : 0;

    private StartupTrace() {
    }

    public static void mark(String step) {
        if (ON) {
            System.err.printf("startup: %5d ms %s [%s, %d ms CPU]%n", (System.nanoTime() - JVM_START_NANOS) / 1_000_000,
                    step, Thread.currentThread().getName(),
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        }
    }

    private static long jvmStartNanos() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return System.nanoTime() - Duration.between(started, Instant.now()).toNanos();
    }
}
