package io.cosmosdesk.testing;

import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import java.util.List;

/**
 * A container handle on a client that is never called (connection "Local", the emulator): for views, view-models
 * and benchmarks fed from memory, which need a handle to name their container but never reach a server.
 */
public final class OfflineContainer {

    private OfflineContainer() {
    }

    /** {@code database/container} keyed by {@code /customerId}. */
    public static ContainerHandle handle(String database, String container) {
        CosmosConnection connection = new CosmosConnection(ConnectionProfile.create("Local", AuthKind.EMULATOR,
                "https://localhost:8081"), mock(CosmosAsyncClient.class));
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef(database, container),
                List.of("/customerId"), false, null));
    }
}
