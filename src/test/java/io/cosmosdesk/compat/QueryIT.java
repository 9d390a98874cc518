package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** SQL queries through the SDK's query pipeline (query plan first, then the query itself). */
@ExtendWith(CosmosServerExtension.class)
class QueryIT {

    private CosmosAsyncContainer container;

    @BeforeEach
    void seed(CosmosTestData data) {
        container = data.createContainer("/pk");
        // 12 items over 3 partitions: n = 0..11, category cycles through 4 values
        for (int n = 0; n < 12; n++) {
            container.createItem(item("id", "i" + n, "pk", "p" + (n % 3), "n", n, "category", "c" + (n % 4))).block();
        }
    }

    private <T> List<T> query(String sql, Class<T> type, CosmosQueryRequestOptions options, SqlParameter... parameters) {
        SqlQuerySpec spec = new SqlQuerySpec(sql, List.of(parameters));
        return container.queryItems(spec, options, type).collectList().block();
    }

    private <T> List<T> query(String sql, Class<T> type, SqlParameter... parameters) {
        return query(sql, type, new CosmosQueryRequestOptions(), parameters);
    }

    private static List<Integer> numbers(List<ObjectNode> items) {
        return items.stream().map(i -> i.get("n").asInt()).toList();
    }

    @Test
    void parameterizedCrossPartitionQuery() {
        List<ObjectNode> found = query("SELECT * FROM c WHERE c.n >= @min AND c.category = @cat", ObjectNode.class,
                new SqlParameter("@min", 4), new SqlParameter("@cat", "c1"));
        assertThat(numbers(found)).containsExactlyInAnyOrder(5, 9);
    }

    @Test
    void parameterizedSinglePartitionQueryOnlySeesThatPartition() {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p1"));
        List<ObjectNode> found = query("SELECT * FROM c WHERE c.n > @min", ObjectNode.class, options,
                new SqlParameter("@min", 2));
        assertThat(numbers(found)).containsExactlyInAnyOrder(4, 7, 10);

        List<ObjectNode> all = query("SELECT * FROM c", ObjectNode.class, options);
        assertThat(all).allSatisfy(i -> assertThat(i.get("pk").asText()).isEqualTo("p1")).hasSize(4);
    }

    @Test
    void orderByAscendingAndDescending() {
        assertThat(numbers(query("SELECT * FROM c ORDER BY c.n", ObjectNode.class)))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(numbers(query("SELECT * FROM c ORDER BY c.n DESC", ObjectNode.class)))
                .containsExactly(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(query("SELECT VALUE c.id FROM c WHERE c.category = 'c2' ORDER BY c.n DESC", String.class))
                .containsExactly("i10", "i6", "i2");
    }

    @Test
    void topTakesTheFirstItems() {
        assertThat(numbers(query("SELECT TOP 3 * FROM c ORDER BY c.n DESC", ObjectNode.class)))
                .containsExactly(11, 10, 9);
        assertThat(query("SELECT TOP @k c.id FROM c", ObjectNode.class, new SqlParameter("@k", 5))).hasSize(5);
    }

    @Test
    void offsetLimitSkipsAndTakes() {
        assertThat(numbers(query("SELECT * FROM c ORDER BY c.n OFFSET 3 LIMIT 4", ObjectNode.class)))
                .containsExactly(3, 4, 5, 6);
        assertThat(numbers(query("SELECT * FROM c ORDER BY c.n OFFSET @o LIMIT @l", ObjectNode.class,
                new SqlParameter("@o", 10), new SqlParameter("@l", 5))))
                .containsExactly(10, 11);
    }

    @Test
    void distinctRemovesDuplicates() {
        assertThat(query("SELECT DISTINCT VALUE c.category FROM c", String.class))
                .containsExactlyInAnyOrder("c0", "c1", "c2", "c3");
        assertThat(query("SELECT DISTINCT c.pk FROM c", ObjectNode.class)).hasSize(3);
    }

    @Test
    void countAndOtherAggregates() {
        assertThat(query("SELECT VALUE COUNT(1) FROM c", Long.class)).containsExactly(12L);
        assertThat(query("SELECT VALUE COUNT(1) FROM c WHERE c.category = @cat", Long.class,
                new SqlParameter("@cat", "c3"))).containsExactly(3L);
        CosmosQueryRequestOptions onePartition = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p0"));
        assertThat(query("SELECT VALUE COUNT(1) FROM c", Long.class, onePartition)).containsExactly(4L);
        assertThat(query("SELECT VALUE MAX(c.n) FROM c", Integer.class)).containsExactly(11);
        assertThat(query("SELECT VALUE SUM(c.n) FROM c", Integer.class)).containsExactly(66);
    }

    @Test
    void continuationTokensPageThroughOrderedResults() {
        List<Integer> seen = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            FeedResponse<ObjectNode> page = container
                    .queryItems("SELECT * FROM c ORDER BY c.n DESC", new CosmosQueryRequestOptions(), ObjectNode.class)
                    .byPage(continuation, 5)
                    .blockFirst();
            seen.addAll(numbers(page.getResults()));
            continuation = page.getContinuationToken();
            pages++;
        } while (continuation != null);
        assertThat(seen).containsExactly(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void bulkCreatedItemsPageExactlyOnceWithContinuationTokens(CosmosTestData data) {
        CosmosAsyncContainer large = data.createContainer("/pk");
        int total = 5_000;
        Flux<CosmosItemOperation> creates = Flux.range(0, total)
                .map(n -> CosmosBulkOperations.getCreateItemOperation(
                        item("id", "item-" + n, "pk", "p" + (n % 50), "n", n), new PartitionKey("p" + (n % 50))));
        List<CosmosBulkOperationResponse<Object>> responses = large.executeBulkOperations(creates).collectList().block();
        assertThat(responses).hasSize(total)
                .allSatisfy(r -> assertThat(r.getResponse().getStatusCode()).isEqualTo(201));

        Map<String, Integer> timesSeen = new HashMap<>();
        String continuation = null;
        int pages = 0;
        do {
            // a fresh query per page: the continuation token alone carries the position
            FeedResponse<JsonNode> page = large
                    .queryItems("SELECT c.id FROM c", new CosmosQueryRequestOptions(), JsonNode.class)
                    .byPage(continuation, 400)
                    .blockFirst();
            assertThat(page.getResults().size()).isLessThanOrEqualTo(400);
            page.getResults().forEach(r -> timesSeen.merge(r.get("id").asText(), 1, Integer::sum));
            continuation = page.getContinuationToken();
            pages++;
        } while (continuation != null);

        assertThat(pages).isGreaterThanOrEqualTo(total / 400);
        assertThat(timesSeen).hasSize(total);
        assertThat(timesSeen.values()).containsOnly(1);
        assertThat(timesSeen.keySet()).containsAll(IntStream.range(0, total).mapToObj(n -> "item-" + n).toList());
    }
}
