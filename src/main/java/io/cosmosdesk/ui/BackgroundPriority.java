package io.cosmosdesk.ui;

import java.util.concurrent.ThreadFactory;

/**
 * The Java priority of the app's background threads (the task runner's, and through
 * {@code io.cosmosdesk.cosmos.SdkThreads} the SDK's schedulers): one home for it.
 * <p>
 * On Linux a Java priority means nothing unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1}; with it,
 * priority 1..4 becomes nice 4..1, so the UI thread (priority 5, nice 0) gets a core first when both want one. A
 * user's process may raise a thread's nice but never lower it: this only ever makes background threads yield.
 * <p>
 * {@code -Dcosmosdesk.background.priority=N} (1..5) sets it; 5, the default, leaves every thread as Java makes it.
 * Measured in the eighteenth session with a niced JIT (README, "Live changes": OS thread priorities): no gain in
 * the Live tab's stalls, so it stays off; kept to measure again.
 */
public final class BackgroundPriority {

    public static final String PROPERTY = "cosmosdesk.background.priority";

    private static final int PRIORITY = parse(System.getProperty(PROPERTY));

    private BackgroundPriority() {
    }

    /** The background threads' priority: {@link Thread#MIN_PRIORITY} .. {@link Thread#NORM_PRIORITY}. */
    public static int priority() {
        return PRIORITY;
    }

    /** {@code threads}, each thread it makes set to the background priority. */
    public static ThreadFactory of(ThreadFactory threads) {
        return of(threads, PRIORITY);
    }

    /** {@code threads}, each thread it makes set to {@code priority} at most (never raised). */
    static ThreadFactory of(ThreadFactory threads, int priority) {
        return runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setPriority(Math.min(thread.getPriority(), priority));
            return thread;
        };
    }

    static int parse(String value) {
        if (value == null || value.isBlank()) {
            return Thread.NORM_PRIORITY;
        }
        try {
            int priority = Integer.parseInt(value.strip());
            return Math.max(Thread.MIN_PRIORITY, Math.min(Thread.NORM_PRIORITY, priority));
        } catch (NumberFormatException e) {
            return Thread.NORM_PRIORITY;
        }
    }
}
