package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.CosmosConnection;
import java.util.Objects;

/** Where a copy writes: a container on a connection (the source's or another), created if it does not exist. */
public record CopyTarget(CosmosConnection connection, String database, String container) {

    public CopyTarget {
        Objects.requireNonNull(connection, "connection");
        if (database == null || database.isBlank() || container == null || container.isBlank()) {
            throw new IllegalArgumentException("Name the target database and container.");
        }
    }

    @Override
    public String toString() {
        return connection.profile().name() + ":" + database + "/" + container;
    }
}
