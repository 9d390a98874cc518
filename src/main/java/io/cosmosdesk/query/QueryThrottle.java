package io.cosmosdesk.query;

import java.time.Duration;

/**
 * A run was throttled (429) and waits before retrying: "Throttled, retrying (2/9)". Published while it waits, so the
 * tab says so at once instead of going silent.
 *
 * @param attempt the retry about to be made, from 1
 * @param attempts how many retries a page gets (Settings)
 * @param delay how long it waits before this retry (the service's retry-after)
 */
public record QueryThrottle(int attempt, int attempts, Duration delay) {

    /** "Throttled, retrying (2/9)…". */
    public String describe() {
        return "Throttled, retrying (" + attempt + "/" + attempts + ")…";
    }
}
