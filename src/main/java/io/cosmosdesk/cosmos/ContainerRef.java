package io.cosmosdesk.cosmos;

import java.util.Objects;

/** Which container an action is about; every action carries the one it was started on. */
public record ContainerRef(String databaseId, String containerId) {
    public ContainerRef {
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(containerId, "containerId");
    }

    @Override
    public String toString() {
        return databaseId + "/" + containerId;
    }
}
