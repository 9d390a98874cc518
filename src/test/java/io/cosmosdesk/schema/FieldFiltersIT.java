package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.GridFilter;
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
 * inside arrays of objects become an EXISTS over the elements, and every value goes as a query parameter (the text
 * sent holds no value), so values with quotes, backslashes or any unicode match exactly and cannot change the query.
 */
@ExtendWith(CosmosServerExtension.class)
class FieldFiltersIT {

    private static final String ODD_SKU = "A\"1\\ OR true --";
    private static final String UNICODE_SKU = "Ünïcødé ✓ 𝄞 \\u0041 '—'";

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
                ObjectNode entry = lines.addObject().put("sku", i == 7 && line == 0 ? ODD_SKU
                        : i == 11 && line == 1 ? UNICODE_SKU : "S" + ((i + line) % 5))
                        .put("unit price", 2 + line);
                entry.putArray("parts").addObject().put("code", "P" + (i % 4));
            }
            return item;
        });
    }

    /** Runs {@code filter} as the grid runs a handed-over filter; the text sent must hold none of its values. */
    private List<JsonNode> run(GridFilter filter) {
        ItemQuery query = ItemQuery.filtered(filter);
        String sent = query.toSqlQuerySpec().getQueryText();
        for (GridFilter.Parameter parameter : filter.parameters()) {
            assertThat(sent).as("the query text holds no value").doesNotContain(GridFilter.literal(parameter.value()));
        }
        assertThat(query.toSqlQuerySpec().getParameters()).hasSize(filter.parameters().size());
        List<ItemRow> rows = queries.queryItemsPage(SchemaServiceIT.handle(client, server, container, "/customerId"),
                query, null, 100).items();
        return rows.stream().<JsonNode>map(ItemRow::json).toList();
    }

    private static boolean anyLine(JsonNode item, java.util.function.Predicate<JsonNode> line) {
        return StreamSupport.stream(item.path("lines").spliterator(), false).anyMatch(line);
    }

    @Test
    void aValueOfAFieldInsideAnArrayOfObjectsFindsTheItemsWithSuchAnElement() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        GridFilter where = FieldFilters.equalTo(sku, "S2");
        assertThat(where.text()).isEqualTo("WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.lines WHERE x0.sku = @v)");

        List<JsonNode> found = run(where);

        long expected = java.util.stream.IntStream.range(0, 30).filter(i -> java.util.stream.IntStream
                .range(0, 1 + i % 3).anyMatch(line -> !(i == 7 && line == 0) && !(i == 11 && line == 1)
                        && (i + line) % 5 == 2)).count();
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
        GridFilter where = FieldFilters.equalTo(price, new java.math.BigDecimal("4.00"));
        assertThat(where.text()).contains("x0[\"unit price\"] = @v");
        assertThat(run(where)).hasSize(10).allMatch(item -> item.path("lines").size() == 3);
    }

    @Test
    void aValueWithQuotesAndBackslashesMatchesExactlyAndCannotWidenTheFilter() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        List<JsonNode> found = run(FieldFilters.equalTo(sku, ODD_SKU));
        assertThat(found).extracting(item -> item.path("id").asText()).containsExactly("order-07");
        assertThat(run(FieldFilters.equalTo(sku, UNICODE_SKU))).extracting(item -> item.path("id").asText())
                .containsExactly("order-11");
        assertThat(run(FieldFilters.missing(FieldPath.ROOT.child("customerId")))).isEmpty();
    }

    @Test
    void topLevelValuesAndRangesGoAsParametersToo() {
        FieldPath customer = FieldPath.ROOT.child("customerId");
        assertThat(run(FieldFilters.equalTo(customer, "cust-1"))).hasSize(10)
                .allMatch(item -> item.path("customerId").asText().equals("cust-1"));
        assertThat(run(FieldFilters.equalTo(customer, "cust-1\" OR c.customerId != \""))).isEmpty();
        FieldPath price = FieldPath.ROOT.child("lines").element().child("unit price");
        assertThat(run(FieldFilters.between(price, new java.math.BigDecimal(3), new java.math.BigDecimal(4))))
                .hasSize(20).allMatch(item -> item.path("lines").size() >= 2);
    }

    @Test
    void theGridRunsAHandedOverFilterWithItsParametersAndTheTextEditedByHandKeepsThem() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        GridFilter handedOver = FieldFilters.equalTo(sku, ODD_SKU);
        // the user adds a condition by hand: the value still goes as @v
        GridFilter edited = handedOver.withText(handedOver.text() + " AND c.customerId = \"cust-1\"");
        assertThat(run(edited)).extracting(item -> item.path("id").asText()).containsExactly("order-07");
        // written into the text as a literal (the chip's edit), the same items match
        assertThat(run(GridFilter.of(handedOver.inlined()))).extracting(item -> item.path("id").asText())
                .containsExactly("order-07");
    }
}
