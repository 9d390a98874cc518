package io.cosmosdesk.move;

import java.time.Duration;

/**
 * How a move paces itself.
 *
 * @param batchSize items planned, created and deleted together (one bulk call each); one batch's copies are made
 *        while the batch before has its sources deleted, so up to twice this many items can still finish after
 *        the user cancels
 * @param pointConcurrency parallel point operations (reads, and writes the bulk API cannot do)
 * @param maxUnavailableRounds retry rounds for an unreachable or unavailable server before the job stops,
 *        resumably; throttling (429) is retried without such a limit
 * @param backoffBase first wait after a failed round, doubled each round up to {@code backoffMax}
 */
public record MoveTuning(int batchSize, int pointConcurrency, int maxUnavailableRounds, Duration backoffBase,
        Duration backoffMax) {

    public static MoveTuning defaults() {
        return new MoveTuning(500, 32, 8, Duration.ofMillis(500), Duration.ofSeconds(15));
    }

    public MoveTuning withBatchSize(int size) {
        return new MoveTuning(size, pointConcurrency, maxUnavailableRounds, backoffBase, backoffMax);
    }

    public MoveTuning withBackoff(int rounds, Duration base, Duration max) {
        return new MoveTuning(batchSize, pointConcurrency, rounds, base, max);
    }
}
