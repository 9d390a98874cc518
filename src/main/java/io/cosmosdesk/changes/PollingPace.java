package io.cosmosdesk.changes;

import java.time.Duration;

/**
 * How long to wait before the next read of the change feed: at once while pages come back full, a moment while
 * changes trickle in, then longer and longer while nothing changes, up to a ceiling (short for a local emulator,
 * where a write should be on screen within a second; longer for an account, where each read costs a little).
 */
public final class PollingPace {

    public static final Duration LOCAL_CEILING = Duration.ofMillis(400);
    public static final Duration ACCOUNT_CEILING = Duration.ofSeconds(2);
    static final Duration WHILE_CHANGING = Duration.ofMillis(50);
    static final Duration FIRST_IDLE = Duration.ofMillis(100);
    /** After a failed read: the next try waits this long, doubling up to {@link #FAILURE_CEILING}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration FAILURE_CEILING = Duration.ofSeconds(30);

    private final Duration ceiling;
    private Duration idle = Duration.ZERO;
    private Duration retry = Duration.ZERO;

    public PollingPace(Duration ceiling) {
        this.ceiling = ceiling;
    }

    /** The wait after a round that returned {@code rows} changes; {@code moreWaiting} when a page was full. */
    public synchronized Duration afterRound(int rows, boolean moreWaiting) {
        retry = Duration.ZERO;
        if (moreWaiting) {
            idle = Duration.ZERO;
            return Duration.ZERO;
        }
        if (rows > 0) {
            idle = Duration.ZERO;
            return WHILE_CHANGING;
        }
        idle = idle.isZero() ? FIRST_IDLE : min(idle.multipliedBy(2), ceiling);
        return idle;
    }

    /** The wait after a failed round. */
    public synchronized Duration afterFailure() {
        retry = retry.isZero() ? FIRST_RETRY : min(retry.multipliedBy(2), FAILURE_CEILING);
        return retry;
    }

    /** The longest wait while idle. */
    public Duration ceiling() {
        return ceiling;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
