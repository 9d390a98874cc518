package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;

/** A container of items to move, and the invariant every move must keep. */
final class MoveTestBed {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown by a step listener: the mover "dies" there; the test starts a new service from the journal. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    /** Crashes once at {@code step} of item {@code index}. */
    static final class CrashAt implements MoveStepListener {
        final MoveStep step;
        final int index;
        boolean crashed;

        CrashAt(MoveStep step, int index) {
            this.step = step;
            this.index = index;
        }

        @Override
        public void reached(MoveStep reached, int itemIndex, String id) {
            if (!crashed && reached == step && itemIndex == index) {
                crashed = true;
                throw new SimulatedCrash(step + " of item " + index + " (" + id + ")");
            }
        }

        @Override
        public String toString() {
            return step + "@" + index;
        }
    }

    /**
     * One database for every move IT container: the full suite creates a database per container elsewhere, and
     * past roughly 60 databases in one server the SDK started failing on brand-new containers (404 on a
     * RID-addressed collection, or "collectionRoutingMapValueHolder ... cannot be null"), which looks like a RID
     * limit of the local server; fewer databases keep the move ITs clear of it.
     */
    private static com.azure.cosmos.CosmosAsyncDatabase database;

    static synchronized CosmosAsyncContainer newContainer(io.cosmosdesk.testing.CosmosTestData data, String... paths) {
        if (database == null) {
            database = data.createDatabase();
        }
        com.azure.cosmos.models.PartitionKeyDefinition key = new com.azure.cosmos.models.PartitionKeyDefinition();
        key.setPaths(List.of(paths));
        key.setKind(paths.length > 1 ? com.azure.cosmos.models.PartitionKind.MULTI_HASH
                : com.azure.cosmos.models.PartitionKind.HASH);
        key.setVersion(com.azure.cosmos.models.PartitionKeyDefinitionVersion.V2);
        String id = io.cosmosdesk.testing.CosmosTestData.uniqueName("move");
        database.createContainer(new com.azure.cosmos.models.CosmosContainerProperties(id, key)).block();
        return database.getContainer(id);
    }

    final CosmosAsyncContainer container;
    final ContainerHandle handle;
    final List<String> paths;
    /** Items as seeded, by id, without system properties. */
    final Map<String, ObjectNode> originals = new LinkedHashMap<>();

    MoveTestBed(CosmosAsyncClient client, CosmosAsyncContainer container, List<String> paths, boolean readOnly) {
        this.container = container;
        this.paths = paths;
        ConnectionProfile profile = ConnectionProfile.create("test", AuthKind.EMULATOR, "https://127.0.0.1/")
                .withReadOnly(readOnly);
        // never closed: it shares the extension's client
        CosmosConnection connection = new CosmosConnection(profile, client);
        ContainerRef ref = new ContainerRef(container.getDatabase().getId(), container.getId());
        this.handle = new ContainerHandle(connection, new ContainerInfo(ref, paths, paths.size() > 1, null));
    }

    /** Seeds {@code count} items; {@code keyOf} gives each one's partition key value. */
    MoveTestBed seed(int count, IntFunction<PartitionKeyValue> keyOf, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode item = JSON.createObjectNode().put("id", String.format("item-%04d", i));
            item.put("n", i).put("name", "Item " + i).put("price", random.nextInt(10_000) / 100.0);
            item.putObject("detail").put("colour", random.nextBoolean() ? "red" : "blue").putArray("tags").add("t" + i % 7);
            keyOf.apply(i).writeInto(item, paths);
            items.add(item);
        }
        insert(items);
        return this;
    }

    void insert(List<ObjectNode> items) {
        List<CosmosItemOperation> bulk = new ArrayList<>();
        for (ObjectNode item : items) {
            PartitionKeyValue key = PartitionKeyValue.fromItem(item, paths);
            originals.put(item.get("id").asText(), item.deepCopy());
            if (key.hasMissing()) {
                createWithRetry(item, key);
            } else {
                bulk.add(CosmosBulkOperations.getCreateItemOperation(item, key.toPartitionKey()));
            }
        }
        List<CosmosBulkOperationResponse<Object>> responses =
                container.executeBulkOperations(Flux.fromIterable(bulk)).collectList().block();
        assertThat(responses).allSatisfy(r -> assertThat(r.getResponse().getStatusCode()).isEqualTo(201));
    }

    /**
     * Seeding only: the SDK's first point write to a brand-new container occasionally fails resolving its
     * routing map under load ("collectionRoutingMapValueHolder ... cannot be null"); the mover retries such
     * failures itself (status 0), and so does the seeding.
     */
    private void createWithRetry(ObjectNode item, PartitionKeyValue key) {
        for (int attempt = 1; ; attempt++) {
            try {
                container.createItem(item, key.toPartitionKey(), null).block();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Every item in the container, as the server holds it. */
    List<ObjectNode> all() {
        return container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                .collectList().block();
    }

    /** What the grid would hand over: every seeded item with its body and ETag, in id order. */
    List<MoveSource> sources() {
        Map<String, ObjectNode> byId = new HashMap<>();
        all().forEach(i -> byId.put(i.get("id").asText(), i));
        List<MoveSource> sources = new ArrayList<>();
        for (String id : originals.keySet()) {
            ObjectNode item = byId.get(id);
            sources.add(new MoveSource(id, PartitionKeyValue.fromItem(item, paths), item.get("_etag").asText(), item));
        }
        return sources;
    }

    PartitionKeyValue originalKey(String id) {
        return PartitionKeyValue.fromItem(originals.get(id), paths);
    }

    /**
     * The invariant: every seeded item exists exactly once, with its content unchanged apart from the partition
     * key value and system properties, under the value {@code expectedKey} gives (null: either source or target).
     */
    void assertEachExactlyOnce(Map<String, PartitionKeyValue> expectedKey, Map<String, ObjectNode> expectedBody) {
        Map<String, List<ObjectNode>> byId = new HashMap<>();
        for (ObjectNode item : all()) {
            byId.computeIfAbsent(item.get("id").asText(), k -> new ArrayList<>()).add(item);
        }
        assertThat(byId.keySet()).as("ids in the container").containsExactlyInAnyOrderElementsOf(originals.keySet());
        for (Map.Entry<String, ObjectNode> original : originals.entrySet()) {
            String id = original.getKey();
            List<ObjectNode> found = byId.get(id);
            assertThat(found).as("copies of " + id).hasSize(1);
            ObjectNode body = expectedBody.getOrDefault(id, original.getValue());
            assertThat(ItemBodies.sameContent(found.get(0), body, paths)).as("content of " + id + ": " + found.get(0))
                    .isTrue();
            PartitionKeyValue key = expectedKey.get(id);
            if (key != null) {
                assertThat(PartitionKeyValue.fromItem(found.get(0), paths)).as("partition key of " + id).isEqualTo(key);
            }
        }
    }

    /** Every item under {@code target}. */
    void assertAllMovedTo(PartitionKeyValue target) {
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        originals.keySet().forEach(id -> keys.put(id, target));
        assertEachExactlyOnce(keys, Map.of());
    }

    /** Every item back under its original value. */
    void assertAllWhereTheyWere() {
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        originals.keySet().forEach(id -> keys.put(id, originalKey(id)));
        assertEachExactlyOnce(keys, Map.of());
    }
}
