package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** The Items tab's service against the local Cosmos-compatible server, through the real SDK. */
@ExtendWith(CosmosServerExtension.class)
class ItemQueryServiceIT {

    private final ItemQueryService service = new ItemQueryService(io.cosmosdesk.testing.TestAudit.writes());

    private static ObjectNode item(Object... namesAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof String s) {
                node.put(name, s);
            } else if (value instanceof Integer n) {
                node.put(name, n);
            } else if (value instanceof Double d) {
                node.put(name, d);
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else if (value instanceof ObjectNode o) {
                node.set(name, o);
            }
        }
        return node;
    }

    private static ContainerHandle handle(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosAsyncContainer container, boolean readOnly, String... keyPaths) {
        ConnectionProfile profile = ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint())
                .withReadOnly(readOnly);
        // the extension owns the client: this connection is never closed
        CosmosConnection connection = new CosmosConnection(profile, client);
        ContainerRef ref = new ContainerRef(container.getDatabase().getId(), container.getId());
        return new ContainerHandle(connection, new ContainerInfo(ref, List.of(keyPaths), keyPaths.length > 1, null));
    }

    private List<ItemRow> readAll(ContainerHandle handle, ItemQuery query, int pageSize) {
        List<ItemRow> rows = new ArrayList<>();
        String token = null;
        do {
            ItemPage page = service.queryItemsPage(handle, query, token, pageSize);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            if (page.hasMore()) {
                assertThat(page.items()).as("a page with a continuation has items").isNotEmpty();
            }
            rows.addAll(page.items());
            token = page.continuationToken();
        } while (token != null);
        return rows;
    }

    @Test
    void pagesThroughThousandsOfItemsExactlyOnceWithChargesAndActivityIds(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        int total = 3_000;
        Flux<CosmosItemOperation> operations = Flux.fromStream(IntStream.range(0, total).mapToObj(i ->
                CosmosBulkOperations.getCreateItemOperation(item("id", "i" + i, "pk", "p" + (i % 17), "n", i),
                        new PartitionKey("p" + (i % 17)))));
        client.getDatabase(container.getDatabase().getId()).getContainer(container.getId())
                .executeBulkOperations(operations).blockLast();
        ContainerHandle handle = handle(client, server, container, false, "/pk");

        ItemPage first = service.queryItemsPage(handle, ItemQuery.all(), null, 500);
        assertThat(first.items()).hasSize(500);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.requestCharge()).isPositive();
        assertThat(first.duration()).isPositive();

        List<ItemRow> all = readAll(handle, ItemQuery.all(), 1_000);
        Set<String> ids = new HashSet<>();
        all.forEach(row -> ids.add(row.id()));
        assertThat(all).hasSize(total);
        assertThat(ids).hasSize(total);
        assertThat(service.countItems(handle, ItemQuery.all()).count()).isEqualTo(total);
        assertThat(service.countItems(handle, ItemQuery.filtered("WHERE c.n < 100 ORDER BY c.n")).count())
                .isEqualTo(100);
    }

    @Test
    void sortsOnTheServerAcrossPagesAndFiltersAsTypedOrParameterized(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        for (int i = 0; i < 30; i++) {
            container.createItem(item("id", "s" + i, "pk", "p" + (i % 3), "n", i, "status", i % 2 == 0 ? "paid" : "open",
                    "customer", item("name", "Name " + (char) ('A' + (29 - i) % 26)))).block();
        }
        ContainerHandle handle = handle(client, server, container, false, "/pk");

        List<ItemRow> byNumberDesc = readAll(handle,
                ItemQuery.all().withSort(new ItemQuery.Sort(JsonPath.parse("/n"), true)), 7);
        assertThat(byNumberDesc).extracting(ItemRow::id).startsWith("s29", "s28", "s27").hasSize(30).endsWith("s0");

        List<ItemRow> byNestedAsc = readAll(handle,
                ItemQuery.all().withSort(new ItemQuery.Sort(JsonPath.parse("/customer/name"), false)), 10);
        List<String> names = byNestedAsc.stream().map(r -> r.json().get("customer").get("name").asText()).toList();
        assertThat(names).isSorted();

        assertThat(readAll(handle, ItemQuery.filtered("c.status = 'paid' AND c.n >= 20"), 100))
                .extracting(ItemRow::id).containsExactlyInAnyOrder("s20", "s22", "s24", "s26", "s28");
        assertThat(readAll(handle, ItemQuery.where(JsonPath.parse("/status"), "open' OR 'a'='a"), 100))
                .as("a parameter is a value, never query text").isEmpty();
        assertThat(readAll(handle, ItemQuery.where(JsonPath.parse("/id"), "s7"), 100))
                .extracting(ItemRow::id).containsExactly("s7");
    }

    @Test
    void aSyntaxErrorInATypedFilterFailsAsOurError(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false, "/pk");
        // Cosmos DB answers 400 "Syntax error…" (BAD_REQUEST, shown under the filter box); so does the local server
        assertThatThrownBy(() -> service.queryItemsPage(handle, ItemQuery.filtered("WHERE c.n = = 1"), null, 10))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                    assertThat(e.userMessage()).contains("Syntax error");
                });
    }

    @Test
    void readsMissingNullNumericBooleanAndUnicodeKeysAndDeletesThem(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.createItem(item("id", "str-東京-Zoë", "pk", "münchen")).block();
        container.createItem(item("id", "num", "pk", 42)).block();
        container.createItem(item("id", "dbl", "pk", 2.5)).block();
        container.createItem(item("id", "bool", "pk", true)).block();
        container.createItem(item("id", "null", "pk", null)).block();
        container.createItem(item("id", "missing")).block();
        container.createItem(item("id", "empty", "pk", "")).block();
        ContainerHandle handle = handle(client, server, container, false, "/pk");

        List<ItemRow> rows = readAll(handle, ItemQuery.all(), 100);
        assertThat(rows).extracting(row -> row.id() + "=" + row.partitionKey().display()).containsExactlyInAnyOrder(
                "str-東京-Zoë=\"münchen\"", "num=42", "dbl=2.5", "bool=true", "null=null", "missing=(missing)",
                "empty=\"\"");

        List<ItemRef> refs = new ArrayList<>(rows.stream().map(ItemRow::ref).toList());
        refs.add(new ItemRef("never-there", PartitionKeyValue.of("x")));
        AtomicInteger progressCalls = new AtomicInteger();
        DeleteResult result = service.deleteItems(handle, refs, (done, total) -> progressCalls.incrementAndGet(),
                () -> false);

        assertThat(result.failures()).as("failures").isEmpty();
        assertThat(result.deleted()).hasSize(7);
        assertThat(result.alreadyGone()).extracting(ItemRef::id).containsExactly("never-there");
        assertThat(progressCalls.get()).isEqualTo(8);
        assertThat(service.countItems(handle, ItemQuery.all()).count()).isZero();
    }

    @Test
    void hierarchicalKeysGiveOneValuePerLevelAndDeleteWorks(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createHierarchicalContainer("/tenantId", "/deviceId");
        for (int i = 0; i < 6; i++) {
            container.createItem(item("id", "r" + i, "tenantId", "t" + (i % 2), "deviceId", "wingtip-東京-" + i)).block();
        }
        ContainerHandle handle = handle(client, server, container, false, "/tenantId", "/deviceId");
        List<ItemRow> rows = readAll(handle, ItemQuery.all().withSort(new ItemQuery.Sort(JsonPath.parse("/id"), false)),
                4);
        assertThat(rows).extracting(ItemRow::id).containsExactly("r0", "r1", "r2", "r3", "r4", "r5");
        assertThat(rows.get(3).partitionKey()).isEqualTo(PartitionKeyValue.of("t1", "wingtip-東京-3"));

        DeleteResult result = service.deleteItems(handle, List.of(rows.get(3).ref()), (d, t) -> { }, () -> false);
        assertThat(result.deleted()).hasSize(1);
        assertThat(readAll(handle, ItemQuery.all(), 100)).hasSize(5);
    }

    @Test
    void deleteIsRefusedOnAReadOnlyConnectionAndStopsWhenCancelled(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        for (int i = 0; i < 40; i++) {
            container.createItem(item("id", "d" + i, "pk", "p")).block();
        }
        ContainerHandle readOnly = handle(client, server, container, true, "/pk");
        List<ItemRef> refs = IntStream.range(0, 40).mapToObj(i -> new ItemRef("d" + i, PartitionKeyValue.of("p")))
                .toList();
        assertThatThrownBy(() -> service.deleteItems(readOnly, refs, (d, t) -> { }, () -> false))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        assertThat(service.countItems(readOnly, ItemQuery.all()).count()).isEqualTo(40);

        ContainerHandle writable = handle(client, server, container, false, "/pk");
        AtomicInteger done = new AtomicInteger();
        DeleteResult result = service.deleteItems(writable, refs, (d, t) -> done.set(d), () -> done.get() >= 10);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.deleted().size() + result.notAttempted().size()).isEqualTo(40);
        assertThat(result.notAttempted()).isNotEmpty();
        assertThat(service.countItems(writable, ItemQuery.all()).count()).isEqualTo(result.notAttempted().size());
    }

    @Test
    void throttledDeletesAreRetriedBySdk(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        for (int i = 0; i < 5; i++) {
            container.createItem(item("id", "t" + i, "pk", "p")).block();
        }
        ContainerHandle handle = handle(client, server, container, false, "/pk");
        List<ItemRef> refs = IntStream.range(0, 5).mapToObj(i -> new ItemRef("t" + i, PartitionKeyValue.of("p")))
                .toList();
        server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 3).onMethods("DELETE"));
        try {
            DeleteResult result = service.deleteItems(handle, refs, (d, t) -> { }, () -> false);
            assertThat(result.failures()).isEmpty();
            assertThat(result.deleted()).hasSize(5);
        } finally {
            server.clearFaults();
        }
    }
}
