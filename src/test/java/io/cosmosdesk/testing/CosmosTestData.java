package io.cosmosdesk.testing;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates uniquely named databases and containers so tests sharing one server never collide. */
public final class CosmosTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final CosmosAsyncClient client;

    CosmosTestData(CosmosAsyncClient client) {
        this.client = client;
    }

    /** A name no other test in this run uses, e.g. {@code orders-1f2e3d4c-17}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public CosmosAsyncDatabase createDatabase() {
        String id = uniqueName("db");
        client.createDatabase(id).block();
        return client.getDatabase(id);
    }

    /** A new container in a new database, partitioned by one path (hash, V2). */
    public CosmosAsyncContainer createContainer(String partitionKeyPath) {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of(partitionKeyPath));
        key.setKind(PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        return createContainer(new CosmosContainerProperties(uniqueName("coll"), key));
    }

    /** A new container with a hierarchical (MultiHash, V2) key over {@code paths}. */
    public CosmosAsyncContainer createHierarchicalContainer(String... paths) {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of(paths));
        key.setKind(PartitionKind.MULTI_HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        return createContainer(new CosmosContainerProperties(uniqueName("coll"), key));
    }

    public CosmosAsyncContainer createContainer(CosmosContainerProperties properties) {
        CosmosAsyncDatabase database = createDatabase();
        database.createContainer(properties).block();
        return database.getContainer(properties.getId());
    }
}
