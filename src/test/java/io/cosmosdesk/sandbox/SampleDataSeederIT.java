package io.cosmosdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seeds the real local server once, then checks what an explorer of the sandbox will see. */
@ExtendWith(CosmosServerExtension.class)
class SampleDataSeederIT {

    private static final List<String> DATABASES = List.of("retail", "iot", "support", "scratch");
    private static final Map<String, Integer> EXPECTED_COUNTS = Map.of(
            "retail/orders", 12_000,
            "retail/products", 400,
            "retail/invoices", 2_000,
            "iot/telemetry", 3_360,
            "support/tickets", 1_500,
            "support/escalations", 400,
            "support/conversations", 600,
            "scratch/playground", 0);

    private static CosmosAsyncClient client;
    private static SampleDataSeeder.SeedResult firstRun;
    private static final List<Double> reportedFractions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void seed(CosmosAsyncClient sharedClient) {
        client = sharedClient;
        dropSampleDatabases(); // the server is shared by every IT in the JVM: start from nothing
        firstRun = new SampleDataSeeder(client).seed((fraction, message) -> reportedFractions.add(fraction));
    }

    @AfterAll
    static void dropSampleDatabases() {
        for (String database : DATABASES) {
            try {
                client.getDatabase(database).delete().block();
            } catch (CosmosException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
        }
    }

    @Test
    void createsTheDatabasesAndContainersWithTheirPartitionKeys() {
        List<String> databases = client.readAllDatabases().map(CosmosDatabaseProperties::getId).collectList().block();
        assertThat(databases).containsAll(DATABASES);

        assertThat(List.of(
                key("retail", "orders"), key("retail", "products"), key("retail", "invoices"),
                key("iot", "telemetry"),
                key("support", "tickets"), key("support", "escalations"), key("support", "conversations"),
                key("scratch", "playground")))
                .extracting(PartitionKeyDefinition::getPaths, PartitionKeyDefinition::getKind,
                        PartitionKeyDefinition::getVersion)
                .containsExactly(
                        tuple(List.of("/customerId"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/category"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/customer/id"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/tenantId", "/deviceId", "/day"), PartitionKind.MULTI_HASH,
                                PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/status"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/priority"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/archived"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2),
                        tuple(List.of("/id"), PartitionKind.HASH, PartitionKeyDefinitionVersion.V2));
    }

    @Test
    void writesEveryItemOfTheDataset() {
        EXPECTED_COUNTS.forEach((path, expected) -> {
            String[] parts = path.split("/");
            assertThat(count(container(parts[0], parts[1]), "SELECT VALUE COUNT(1) FROM c"))
                    .as(path).isEqualTo(expected.longValue());
        });
        assertThat(firstRun.itemsWritten()).isEqualTo(20_260);
        assertThat(firstRun.containers()).noneMatch(SampleDataSeeder.ContainerResult::skipped);
    }

    @Test
    void reportsProgressFromZeroToOne() {
        assertThat(reportedFractions).hasSizeGreaterThan(10).allMatch(f -> f >= 0.0 && f <= 1.0);
        assertThat(reportedFractions.get(0)).isZero();
        assertThat(reportedFractions.get(reportedFractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void someTicketsHaveNoStatusAndSomeANullStatus() {
        CosmosAsyncContainer tickets = container("support", "tickets");
        assertThat(count(tickets, "SELECT VALUE COUNT(1) FROM c WHERE NOT IS_DEFINED(c.status)")).isEqualTo(76);
        assertThat(count(tickets, "SELECT VALUE COUNT(1) FROM c WHERE IS_NULL(c.status)")).isEqualTo(76);

        JsonNode missing = read(tickets, firstId(tickets, "SELECT c.id FROM c WHERE NOT IS_DEFINED(c.status)"),
                PartitionKey.NONE);
        assertThat(missing.has("status")).isFalse();
        JsonNode isNull = read(tickets, firstId(tickets, "SELECT c.id FROM c WHERE IS_NULL(c.status)"),
                new PartitionKey(null));
        assertThat(isNull.get("status").isNull()).isTrue();
    }

    @Test
    void numberBooleanNestedAndHierarchicalKeysAddressTheirItems() {
        CosmosAsyncContainer escalations = container("support", "escalations");
        JsonNode escalation = read(escalations, "ESC-00001", new PartitionKey(first(escalations,
                "SELECT VALUE c.priority FROM c WHERE c.id = 'ESC-00001'").intValue()));
        assertThat(escalation.get("priority").isNumber()).isTrue();

        CosmosAsyncContainer conversations = container("support", "conversations");
        for (boolean archived : new boolean[] {true, false}) {
            String id = firstId(conversations, "SELECT c.id FROM c WHERE c.archived = " + archived);
            assertThat(read(conversations, id, new PartitionKey(archived)).get("archived").booleanValue())
                    .isEqualTo(archived);
        }

        CosmosAsyncContainer invoices = container("retail", "invoices");
        String customerId = first(invoices, "SELECT VALUE c.customer.id FROM c WHERE c.id = 'INV-2024-00001'")
                .textValue();
        assertThat(read(invoices, "INV-2024-00001", new PartitionKey(customerId)).at("/customer/id").textValue())
                .isEqualTo(customerId);

        CosmosAsyncContainer telemetry = container("iot", "telemetry");
        JsonNode reading = first(telemetry,
                "SELECT TOP 1 c.id, c.tenantId, c.deviceId, c.day FROM c WHERE c.tenantId = 'wingtip-東京'");
        PartitionKey hierarchical = new PartitionKeyBuilder().add(reading.get("tenantId").textValue())
                .add(reading.get("deviceId").textValue()).add(reading.get("day").textValue()).build();
        assertThat(read(telemetry, reading.get("id").textValue(), hierarchical).get("metrics").isObject()).isTrue();
    }

    @Test
    void nearOneMegabyteTicketsCanBePointRead() {
        CosmosAsyncContainer tickets = container("support", "tickets");
        List<PartitionKey> keys = List.of(new PartitionKey("open"), new PartitionKey(null), PartitionKey.NONE,
                new PartitionKey("pending"));
        List<String> ids = List.of("Große Anhänge – Zoë Ångström", "Log bundle São Paulo – 東京",
                "Long history Łódź 2024", "Screenshots Kraków 📎");
        for (int i = 0; i < ids.size(); i++) {
            JsonNode ticket = read(tickets, ids.get(i), keys.get(i));
            assertThat(ticket.get("id").textValue()).isEqualTo(ids.get(i));
            assertThat(ticket.toString().getBytes(StandardCharsets.UTF_8).length)
                    .as(ids.get(i)).isBetween(800_000, 1_000_000);
        }
    }

    @Test
    void seedingAgainChangesNothing() {
        SampleDataSeeder.SeedResult again = new SampleDataSeeder(client).seed(SampleDataSeeder.ProgressListener.NONE);

        assertThat(again.itemsWritten()).isZero();
        assertThat(again.containers()).filteredOn(result -> !result.containerId().equals("playground"))
                .hasSize(7).allMatch(SampleDataSeeder.ContainerResult::skipped);
        assertThat(count(container("retail", "orders"), "SELECT VALUE COUNT(1) FROM c")).isEqualTo(12_000);
        assertThat(count(container("support", "tickets"), "SELECT VALUE COUNT(1) FROM c")).isEqualTo(1_500);
    }

    private static PartitionKeyDefinition key(String database, String container) {
        return container(database, container).read().block().getProperties().getPartitionKeyDefinition();
    }

    private static CosmosAsyncContainer container(String database, String container) {
        return client.getDatabase(database).getContainer(container);
    }

    private static long count(CosmosAsyncContainer container, String query) {
        return container.queryItems(query, new CosmosQueryRequestOptions(), Long.class)
                .collectList().block().stream().mapToLong(Long::longValue).sum();
    }

    private static JsonNode first(CosmosAsyncContainer container, String query) {
        List<JsonNode> results = container.queryItems(new SqlQuerySpec(query, List.<SqlParameter>of()),
                new CosmosQueryRequestOptions(), JsonNode.class).collectList().block();
        assertThat(results).as(query).isNotEmpty();
        return results.get(0);
    }

    private static String firstId(CosmosAsyncContainer container, String query) {
        return first(container, query).get("id").textValue();
    }

    private static JsonNode read(CosmosAsyncContainer container, String id, PartitionKey key) {
        return container.readItem(id, key, JsonNode.class).block().getItem();
    }
}
