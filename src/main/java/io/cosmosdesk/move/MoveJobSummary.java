package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ContainerRef;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An unfinished job found at start-up, for the recovery dialog.
 *
 * @param connectionName the saved connection it ran on
 * @param endpoint the account's endpoint it ran on; "" for journals written before it was recorded
 * @param inFlight items a crash may have left half-way (planned, not ended)
 * @param rollingBack a roll back was started: only Roll back is offered
 * @param problem why it cannot be recovered automatically (a damaged journal), or null
 */
public record MoveJobSummary(String jobId, Path journal, String connectionName, String endpoint, ContainerRef container,
        String targetPartitionKey, Instant created, int total, int finished, int inFlight, boolean rollingBack,
        String problem) {

    public MoveJobSummary {
        endpoint = endpoint == null ? "" : endpoint;
    }

    /** e.g. "Moving 1,000 items to "eu-west" in shop/orders: 400 done, 100 in flight". */
    public String describe() {
        if (problem != null) {
            return journal.getFileName() + ": " + problem;
        }
        return String.format("%s %,d items to %s in %s (%s): %,d ended, %,d in flight", rollingBack ? "Rolling back"
                : "Moving", total, targetPartitionKey, container, connectionName, finished, inFlight);
    }
}
