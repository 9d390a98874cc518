package io.cosmosdesk.cosmos;

import java.util.Objects;

/**
 * A container together with the open connection it belongs to. Every action on items carries the
 * handle it was started with, so a late answer or a quick click can never act on another container.
 */
public record ContainerHandle(CosmosConnection connection, ContainerInfo info) {

    public ContainerHandle {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(info, "info");
    }

    public ContainerRef ref() {
        return info.ref();
    }

    public com.azure.cosmos.CosmosAsyncContainer container() {
        return connection.container(info.ref());
    }

    @Override
    public String toString() {
        return connection.profile().name() + ":" + info.ref();
    }
}
