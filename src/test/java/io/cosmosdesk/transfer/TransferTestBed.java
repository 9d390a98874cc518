package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A container to import into, files of items to import, and the invariant: every row exactly once, bodies equal. */
final class TransferTestBed {

    /** Thrown by a step listener: the job "dies" there; the test resumes with a new service. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    /** One database for all of them: the local server struggles past ~60 databases (see MoveTestBed). */
    private static final Map<CosmosAsyncClient, CosmosAsyncDatabase> DATABASES = new HashMap<>();

    static synchronized CosmosAsyncContainer newContainer(CosmosAsyncClient client, CosmosTestData data,
            String... paths) {
        CosmosAsyncDatabase database = DATABASES.get(client);
        if (database == null) {
            String id = CosmosTestData.uniqueName("transfer");
            client.createDatabase(id).block();
            database = client.getDatabase(id);
            DATABASES.put(client, database);
        }
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of(paths));
        key.setKind(paths.length > 1 ? PartitionKind.MULTI_HASH : PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        String id = CosmosTestData.uniqueName("items");
        database.createContainer(new CosmosContainerProperties(id, key)).block();
        return database.getContainer(id);
    }

    static ContainerHandle handle(CosmosAsyncClient client, CosmosAsyncContainer container, List<String> paths,
            boolean readOnly, String endpoint) {
        ConnectionProfile profile = ConnectionProfile.create("test", AuthKind.EMULATOR, endpoint).withReadOnly(readOnly);
        CosmosConnection connection = new CosmosConnection(profile, client); // shares the extension's client
        ContainerRef ref = new ContainerRef(container.getDatabase().getId(), container.getId());
        return new ContainerHandle(connection, new ContainerInfo(ref, paths, paths.size() > 1, null));
    }

    /** Items with nested objects, arrays, unicode and numbers; {@code pk} cycles through {@code partitions}. */
    static List<ObjectNode> items(int count, int partitions, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode item = Json.MAPPER.createObjectNode().put("id", String.format("row-%05d", i));
            item.put("pk", "p" + i % partitions).put("n", i).put("name", "Ítem " + i + " ✓")
                    .put("price", random.nextInt(100_000) / 100.0).put("active", random.nextBoolean());
            item.putObject("detail").put("colour", random.nextBoolean() ? "red" : "blue").putArray("tags")
                    .add("t" + i % 7).add(i);
            items.add(item);
        }
        return items;
    }

    static Path writeJsonLines(Path file, List<ObjectNode> items) {
        try (var out = Files.newBufferedWriter(file)) {
            for (ObjectNode item : items) {
                out.write(Json.MAPPER.writeValueAsString(item));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path writeJsonArray(Path file, List<ObjectNode> items) {
        try {
            Json.pretty().writeValue(file.toFile(), items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static List<ObjectNode> all(CosmosAsyncContainer container) {
        return container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                .collectList().block();
    }

    /** The invariant: the container holds exactly {@code expected}, each id once, bodies equal by value. */
    static void assertHoldsExactly(CosmosAsyncContainer container, List<ObjectNode> expected) {
        Map<String, List<ObjectNode>> byId = new HashMap<>();
        for (ObjectNode item : all(container)) {
            byId.computeIfAbsent(item.get("id").asText(), k -> new ArrayList<>()).add(item);
        }
        Map<String, ObjectNode> wanted = new HashMap<>();
        expected.forEach(i -> wanted.put(i.get("id").asText(), i));
        assertThat(byId.keySet()).as("ids in the container").containsExactlyInAnyOrderElementsOf(wanted.keySet());
        for (Map.Entry<String, ObjectNode> entry : wanted.entrySet()) {
            List<ObjectNode> found = byId.get(entry.getKey());
            assertThat(found).as("copies of " + entry.getKey()).hasSize(1);
            assertThat(ItemContent.equalByValue(ItemContent.withoutSystemProperties(found.get(0)), entry.getValue()))
                    .as("body of " + entry.getKey() + ": " + found.get(0)).isTrue();
        }
    }

    /** The report's lines. */
    static List<JsonNode> reportLines(Path report) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(report)) {
                lines.add(Json.MAPPER.readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
