package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.TestAudit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Filter on this value" from the Schema tab, run as the grid runs its filter, against the local server: fields
 * inside arrays of objects become an EXISTS over the elements, and values that hold quotes or backslashes match
 * exactly and cannot change the query.
 */
@ExtendWith(CosmosServerExtension.class)
class FieldFiltersIT {

    private static final String ODD_SKU = "A\"1\\ OR true --";

    private final ItemQueryService queries = new ItemQueryService(TestAudit.writes());
    private CosmosAsyncClient client;
    private LocalCosmosServer server;
    private CosmosAsyncContainer container;

    @BeforeEach
    void seed(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        this.client = client;
        this.server = server;
        container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 30, i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", String.format("order-%02d", i))
                    .put("customerId", "cust-" + (i % 3));
            ArrayNode lines = item.putArray("lines");
            for (int line = 0; line < 1 + i % 3; line++) {
                ObjectNode entry = lines.addObject().put("sku", i == 7 && line == 0 ? ODD_SKU : "S" + ((i + line) % 5))
                        .put("unit price", 2 + line);
                entry.putArray("parts").addObject().put("code", "P" + (i % 4));
            }
            return item;
        });
    }

    private List<JsonNode> run(String where) {
        List<ItemRow> rows = queries.queryItemsPage(SchemaServiceIT.handle(client, server, container, "/customerId"),
                ItemQuery.filtered(where), null, 100).items();
        return rows.stream().<JsonNode>map(ItemRow::json).toList();
    }

    private static boolean anyLine(JsonNode item, java.util.function.Predicate<JsonNode> line) {
        return StreamSupport.stream(item.path("lines").spliterator(), false).anyMatch(line);
    }

    @Test
    void aValueOfAFieldInsideAnArrayOfObjectsFindsTheItemsWithSuchAnElement() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        String where = FieldFilters.equalTo(sku, "S2");
        assertThat(where).isEqualTo("WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.lines WHERE x0.sku = \"S2\")");

        List<JsonNode> found = run(where);

        long expected = java.util.stream.IntStream.range(0, 30).filter(i -> java.util.stream.IntStream
                .range(0, 1 + i % 3).anyMatch(line -> !(i == 7 && line == 0) && (i + line) % 5 == 2)).count();
        assertThat(expected).isBetween(5L, 25L);
        assertThat(found).hasSize((int) expected)
                .allMatch(item -> anyLine(item, line -> "S2".equals(line.path("sku").asText())));
    }

    @Test
    void arraysInsideArraysAndOddNamesJoinInsideTheExists() {
        FieldPath code = FieldPath.ROOT.child("lines").element().child("parts").element().child("code");
        List<JsonNode> byCode = run(FieldFilters.equalTo(code, "P1"));
        assertThat(byCode).hasSize(8).allMatch(item -> item.path("id").asText().matches("order-(01|05|09|13|17|21|25|29)"));

        FieldPath price = FieldPath.ROOT.child("lines").element().child("unit price");
        String where = FieldFilters.equalTo(price, new java.math.BigDecimal("4.00"));
        assertThat(where).contains("x0[\"unit price\"] = 4");
        assertThat(run(where)).hasSize(10).allMatch(item -> item.path("lines").size() == 3);
    }

    @Test
    void aValueWithQuotesAndBackslashesMatchesExactlyAndCannotWidenTheFilter() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        List<JsonNode> found = run(FieldFilters.equalTo(sku, ODD_SKU));
        assertThat(found).extracting(item -> item.path("id").asText()).containsExactly("order-07");
        assertThat(run(FieldFilters.missing(FieldPath.ROOT.child("customerId")))).isEmpty();
    }
}
