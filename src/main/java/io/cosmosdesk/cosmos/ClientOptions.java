package io.cosmosdesk.cosmos;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the user's settings change in a connection's client, read when the connection opens: retries of
 * throttled requests and the regions to prefer on a multi-region account.
 */
public record ClientOptions(int retryAttempts, Duration retryMaxWait, List<String> preferredRegions) {

    public static final ClientOptions DEFAULTS = new ClientOptions(9, Duration.ofSeconds(30), List.of());

    public ClientOptions {
        Objects.requireNonNull(retryMaxWait, "retryMaxWait");
        preferredRegions = preferredRegions == null ? List.of() : List.copyOf(preferredRegions);
    }
}
