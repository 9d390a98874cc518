package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.Objects;

/**
 * A container as files on disk name it: the account endpoint, database and container, so the same
 * container reached through two saved connections shares its history.
 */
public record ContainerKey(String endpoint, String databaseId, String containerId) {

    public ContainerKey {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(containerId, "containerId");
        endpoint = ConnectionProfile.normaliseEndpoint(endpoint);
    }

    public static ContainerKey of(ContainerHandle handle) {
        return new ContainerKey(handle.connection().profile().endpoint(), handle.ref().databaseId(),
                handle.ref().containerId());
    }
}
