package io.cosmosdesk.testing;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
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

    /** Over a client of one's own (benchmarks, which run without the test extension). */
    public static CosmosTestData over(CosmosAsyncClient client) {
        return new CosmosTestData(client);
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

    /**
     * A new container keyed by {@code /customerId} holding {@code count} orders: ids {@code order-0000},
     * {@code order-0001}…, {@code customerId} {@code cust-(i % customers)}, {@code n} = i and a nested
     * {@code customer.name}; the shape most grid tests want.
     */
    public CosmosAsyncContainer seedOrders(int count, int customers) {
        CosmosAsyncContainer container = createContainer("/customerId");
        insert(container, "/customerId", count, i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%04d", i))
                    .put("customerId", "cust-" + (i % customers))
                    .put("n", i);
            item.putObject("customer").put("name", "Customer " + (i % customers));
            return item;
        });
        return container;
    }

    /**
     * Creates {@code count} items made by {@code item} in one bulk run, each in the partition its value at
     * {@code keyPath} (a top-level string, number or boolean) names; fails, naming the item, when any create fails.
     */
    public static void insert(CosmosAsyncContainer container, String keyPath, int count, IntFunction<ObjectNode> item) {
        String field = keyPath.substring(1);
        List<CosmosBulkOperationResponse<Object>> failed = container.executeBulkOperations(Flux.fromStream(
                        IntStream.range(0, count).mapToObj(item).map(json -> CosmosBulkOperations.getCreateItemOperation(
                                json, keyOf(json.get(field))))))
                .filter(response -> response.getException() != null || response.getResponse() == null
                        || !response.getResponse().isSuccessStatusCode())
                .collectList().block();
        if (failed != null && !failed.isEmpty()) {
            CosmosBulkOperationResponse<Object> first = failed.get(0);
            throw new IllegalStateException(failed.size() + " of " + count + " seed items were not created, e.g. "
                    + first.getOperation().getId() + ": " + (first.getException() != null ? first.getException()
                    : "status " + first.getResponse().getStatusCode()), first.getException());
        }
    }

    private static PartitionKey keyOf(JsonNode value) {
        if (value == null) {
            return PartitionKey.NONE;
        }
        if (value.isNull()) {
            return new PartitionKey(null);
        }
        if (value.isNumber()) {
            return new PartitionKey(value.doubleValue());
        }
        if (value.isBoolean()) {
            return new PartitionKey(value.booleanValue());
        }
        return new PartitionKey(value.asText());
    }
}
