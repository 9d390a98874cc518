package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GROUP BY through the SDK's query pipeline: the plan reports the grouping, the SDK sends the rewritten query and
 * merges the groups' partial aggregates (groupByItems / payload) itself; a query with a partition key runs as is.
 */
@ExtendWith(CosmosServerExtension.class)
class GroupByIT {

    private CosmosAsyncContainer container;

    @BeforeEach
    void seed(CosmosTestData data) {
        container = data.createContainer("/pk");
        // 12 items over 3 partitions: n = 0..11; category c(n % 4), so every category spans all three partitions
        for (int n = 0; n < 12; n++) {
            container.createItem(item("id", "i" + n, "pk", "p" + (n % 3), "n", n, "category", "c" + (n % 4))).block();
        }
        container.createItem(item("id", "uncategorised", "pk", "p0", "n", 100)).block();
    }

    private List<ObjectNode> query(String sql, CosmosQueryRequestOptions options, SqlParameter... parameters) {
        return container.queryItems(new SqlQuerySpec(sql, List.of(parameters)), options, ObjectNode.class)
                .collectList().block();
    }

    /** category -> the row's other fields, as compact JSON (a missing category is "(none)"). */
    private static Map<String, String> byCategory(List<ObjectNode> rows) {
        Map<String, String> out = new TreeMap<>();
        rows.forEach(r -> {
            ObjectNode rest = r.deepCopy();
            rest.remove("category");
            out.put(r.has("category") ? r.get("category").asText() : "(none)", rest.toString());
        });
        return out;
    }

    @Test
    void countPerGroupAcrossPartitions() {
        List<ObjectNode> rows = query("SELECT c.category, COUNT(1) AS n FROM c GROUP BY c.category",
                new CosmosQueryRequestOptions());
        assertThat(rows).hasSize(5);
        assertThat(byCategory(rows)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "(none)", "{\"n\":1}", "c0", "{\"n\":3}", "c1", "{\"n\":3}", "c2", "{\"n\":3}", "c3", "{\"n\":3}")));
    }

    @Test
    void sumAverageMinAndMaxPerGroupAcrossPartitions() {
        List<ObjectNode> rows = query("SELECT c.category, SUM(c.n) AS total, AVG(c.n) AS mean, MIN(c.n) AS low,"
                + " MAX(c.n) AS high FROM c WHERE IS_DEFINED(c.category) GROUP BY c.category",
                new CosmosQueryRequestOptions());
        Map<String, String> groups = byCategory(rows);
        assertThat(groups).hasSize(4);
        // c1: 1, 5, 9 (in partitions p1, p2, p0)
        ObjectNode c1 = rows.stream().filter(r -> r.get("category").asText().equals("c1")).findFirst().orElseThrow();
        assertThat(c1.get("total").asInt()).isEqualTo(15);
        assertThat(c1.get("mean").asDouble()).isEqualTo(5.0);
        assertThat(c1.get("low").asInt()).isEqualTo(1);
        assertThat(c1.get("high").asInt()).isEqualTo(9);
        ObjectNode c2 = rows.stream().filter(r -> r.get("category").asText().equals("c2")).findFirst().orElseThrow();
        assertThat(c2.get("total").asInt()).isEqualTo(2 + 6 + 10);
        assertThat(c2.get("mean").asDouble()).isEqualTo(6.0);
    }

    @Test
    void parameterizedFilterAndSelectValue() {
        List<ObjectNode> rows = query("SELECT c.category, COUNT(1) AS n FROM c WHERE c.n >= @min GROUP BY c.category",
                new CosmosQueryRequestOptions(), new SqlParameter("@min", 8));
        assertThat(byCategory(rows)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "(none)", "{\"n\":1}", "c0", "{\"n\":1}", "c1", "{\"n\":1}", "c2", "{\"n\":1}", "c3", "{\"n\":1}")));

        List<Long> counts = container.queryItems("SELECT VALUE COUNT(1) FROM c GROUP BY c.pk",
                new CosmosQueryRequestOptions(), Long.class).collectList().block();
        assertThat(counts).containsExactlyInAnyOrder(5L, 4L, 4L);
    }

    @Test
    void partitionScopedGroupBy() {
        CosmosQueryRequestOptions p0 = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p0"));
        List<ObjectNode> rows = query("SELECT c.category, COUNT(1) AS n, MAX(c.n) AS high FROM c GROUP BY c.category", p0);
        // p0 holds n = 0, 3, 6, 9 and the uncategorised item
        assertThat(byCategory(rows)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "(none)", "{\"n\":1,\"high\":100}", "c0", "{\"n\":1,\"high\":0}", "c1", "{\"n\":1,\"high\":9}",
                "c2", "{\"n\":1,\"high\":6}", "c3", "{\"n\":1,\"high\":3}")));
    }

    @Test
    void theSdkRunsItsOwnGroupByPipelineFromThePlan() {
        // the SDK's GROUP BY pipeline (chosen from the query plan) refuses continuation tokens, as against the service
        assertThatThrownBy(() -> container.queryItems("SELECT c.category, COUNT(1) AS n FROM c GROUP BY c.category",
                new CosmosQueryRequestOptions(), ObjectNode.class).byPage("{\"token\":\"x\"}", 10).blockFirst())
                .isInstanceOf(CosmosException.class)
                .hasMessageContaining("Continuation token is not supported for queries with GROUP BY");
    }

    @Test
    void aSelectedPropertyOutsideTheGroupingIsRefused() {
        assertThatThrownBy(() -> query("SELECT c.category, c.n FROM c GROUP BY c.category",
                new CosmosQueryRequestOptions()))
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("'c.n' is invalid in the select list");
                });
    }
}
