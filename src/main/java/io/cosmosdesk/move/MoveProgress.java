package io.cosmosdesk.move;

import java.time.Duration;

/**
 * Where a running job stands: counts so far, the time it took, an estimate of the time left (null until
 * there is something to estimate from) and a status line ("Throttled — retrying (3)…").
 */
public record MoveProgress(int total, int processed, int moved, int skipped, int conflicts, int changed,
        int failed, Duration elapsed, Duration remaining, String status) {

    public double fraction() {
        return total == 0 ? 1 : (double) processed / total;
    }
}
