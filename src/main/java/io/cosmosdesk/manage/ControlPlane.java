package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.ui.TaskContext;

/**
 * Operations on databases and containers themselves (not their items). Over the data plane ({@link ResourceAdmin})
 * they need the account key: Microsoft Entra ID data-plane roles do not cover them, and the service refuses an
 * Entra token with 403 ({@link ResourceAdmin#ENTRA_CONTROL_PLANE} says so). Another implementation can make them
 * through Azure Resource Manager with a control-plane role; {@link ControlPlaneSwitch} picks one per connection.
 * Blocking: call through the TaskRunner. Every implementation refuses read-only connections.
 */
public interface ControlPlane {

    /** How the user knows it: "the data plane", "Azure Resource Manager". */
    String name();

    void createDatabase(CosmosConnection connection, String id, Throughput throughput);

    ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec);

    void deleteDatabase(CosmosConnection connection, String id);

    void deleteContainer(CosmosConnection connection, ContainerRef ref);

    /**
     * Replaces the container's time to live, indexing policy and computed properties, only if its ETag is still
     * {@code etag}: a change made elsewhere since is reported (CHANGED_BY_SOMEONE_ELSE), never overwritten.
     */
    void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change);

    /** Replaces the container's own throughput, only if it is still {@code expected}. */
    void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected, Throughput throughput);

    /**
     * This control plane, telling {@code context} how a long-running change is going and giving up waiting for it
     * when the task is cancelled. The data plane answers at once and ignores it.
     */
    default ControlPlane reporting(TaskContext context) {
        return this;
    }
}
