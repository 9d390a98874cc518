package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.implementation.IndexUtilizationInfo;
import com.azure.cosmos.implementation.QueryMetrics;
import com.azure.cosmos.implementation.SingleIndexUtilizationEntity;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.ModelBridgeInternal;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Query metrics and index utilization as the SDK reads them (its own parser, on the headers of the page it got):
 * true counts and sizes, measured times, and a well-formed base64 JSON index-utilization header.
 */
@ExtendWith(CosmosServerExtension.class)
class QueryMetricsIT {

    private CosmosAsyncContainer container;

    @BeforeEach
    void seed(CosmosTestData data) {
        container = data.createContainer("/pk");
        for (int n = 0; n < 12; n++) {
            container.createItem(item("id", "i" + n, "pk", "p" + (n % 3), "n", n, "name", "item number " + n)).block();
        }
    }

    private FeedResponse<ObjectNode> firstPage(String sql, CosmosQueryRequestOptions options) {
        return container.queryItems(sql, options, ObjectNode.class).byPage(100).blockFirst();
    }

    /** The metrics the SDK parsed from the response headers, summed over the partition ranges it queried. */
    private static QueryMetrics metricsOf(FeedResponse<?> page) {
        return QueryMetrics.createFromCollection(ModelBridgeInternal.queryMetricsMap(page).values());
    }

    private static long bytes(List<ObjectNode> items) {
        return items.stream().mapToLong(i -> i.toString().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    @Test
    void queryMetricsCountWhatThePartitionQueryReadAndReturned() {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p1"))
                .setQueryMetricsEnabled(true);

        FeedResponse<ObjectNode> all = firstPage("SELECT * FROM c", options);
        QueryMetrics allMetrics = metricsOf(all);
        assertThat(all.getResults()).hasSize(4);
        assertThat(allMetrics.getRetrievedDocumentCount()).isEqualTo(4);
        assertThat(allMetrics.getOutputDocumentCount()).isEqualTo(4);
        // SELECT * returns the stored documents as they are: what was read is what was written out
        assertThat(allMetrics.getRetrievedDocumentSize()).isEqualTo(bytes(all.getResults()));
        assertThat(allMetrics.getOutputDocumentSize()).isEqualTo(bytes(all.getResults()));
        assertThat(allMetrics.getTotalQueryExecutionTime()).isPositive();

        FeedResponse<ObjectNode> some = firstPage("SELECT c.id FROM c WHERE c.n > 5", options);
        QueryMetrics someMetrics = metricsOf(some);
        assertThat(some.getResults()).hasSize(2); // 7 and 10
        assertThat(someMetrics.getRetrievedDocumentCount()).isEqualTo(4);
        assertThat(someMetrics.getRetrievedDocumentSize()).isEqualTo(allMetrics.getRetrievedDocumentSize());
        assertThat(someMetrics.getOutputDocumentCount()).isEqualTo(2);
        assertThat(someMetrics.getOutputDocumentSize()).isEqualTo(bytes(some.getResults()));
        assertThat(someMetrics.getIndexHitRatio()).isEqualTo(0.5);
    }

    /** Sizes summed once per state of the container (the server keeps the total until the next write): still true. */
    @Test
    void retrievedSizesFollowEveryWriteAndEachScope() {
        CosmosQueryRequestOptions p1 = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p1"))
                .setQueryMetricsEnabled(true);
        CosmosQueryRequestOptions p0 = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p0"))
                .setQueryMetricsEnabled(true);
        CosmosQueryRequestOptions everywhere = new CosmosQueryRequestOptions().setQueryMetricsEnabled(true);
        assertRetrievedIsWhatTheScopeHolds(p1, 4);
        assertRetrievedIsWhatTheScopeHolds(p0, 4);
        assertRetrievedIsWhatTheScopeHolds(everywhere, 12);

        container.createItem(item("id", "new", "pk", "p1", "n", 100, "name", "a newcomer")).block();
        assertRetrievedIsWhatTheScopeHolds(p1, 5);
        assertRetrievedIsWhatTheScopeHolds(p0, 4);
        assertRetrievedIsWhatTheScopeHolds(everywhere, 13);

        container.replaceItem(item("id", "new", "pk", "p1", "n", 100, "name", "a newcomer with a much longer name"),
                "new", new PartitionKey("p1")).block();
        assertRetrievedIsWhatTheScopeHolds(p1, 5);
        assertRetrievedIsWhatTheScopeHolds(everywhere, 13);

        container.deleteItem("i1", new PartitionKey("p1")).block();
        assertRetrievedIsWhatTheScopeHolds(p1, 4);
        assertRetrievedIsWhatTheScopeHolds(everywhere, 12);
    }

    private void assertRetrievedIsWhatTheScopeHolds(CosmosQueryRequestOptions options, int documents) {
        List<ObjectNode> all = container.queryItems("SELECT * FROM c", options, ObjectNode.class).byPage(100)
                .toStream().flatMap(p -> p.getResults().stream()).toList();
        QueryMetrics metrics = metricsOf(firstPage("SELECT c.id FROM c", options));
        assertThat(all).hasSize(documents);
        assertThat(metrics.getRetrievedDocumentCount()).isEqualTo(documents);
        assertThat(metrics.getRetrievedDocumentSize()).isEqualTo(bytes(all));
    }

    /** The output size is read off the page as the server serializes it: each page's own rows, to the byte. */
    @Test
    void outputSizesAreThoseOfEachPagesRows() {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p2"))
                .setQueryMetricsEnabled(true);
        container.createItem(item("id", "naïve", "pk", "p2", "n", 50, "name", "ünïcödé — 2 bytes and 3")).block();
        List<FeedResponse<ObjectNode>> pages = container.queryItems("SELECT * FROM c", options,
                ObjectNode.class).byPage(2).collectList().block();
        assertThat(pages).extracting(p -> p.getResults().size()).containsExactly(2, 2, 1);
        for (FeedResponse<ObjectNode> page : pages) {
            QueryMetrics metrics = metricsOf(page);
            assertThat(metrics.getOutputDocumentCount()).isEqualTo(page.getResults().size());
            assertThat(metrics.getOutputDocumentSize()).isEqualTo(bytes(page.getResults()));
            assertThat(metrics.getTotalQueryExecutionTime()).isPositive();
        }
    }

    @Test
    void crossPartitionQueryMetricsCoverTheWholeContainer() {
        FeedResponse<ObjectNode> page = firstPage("SELECT * FROM c WHERE c.n < 3",
                new CosmosQueryRequestOptions().setQueryMetricsEnabled(true));
        QueryMetrics metrics = metricsOf(page);
        assertThat(metrics.getRetrievedDocumentCount()).isEqualTo(12);
        assertThat(metrics.getOutputDocumentCount()).isEqualTo(3);
    }

    @Test
    void noMetricsHeaderUnlessAskedFor() {
        FeedResponse<ObjectNode> page = firstPage("SELECT * FROM c",
                new CosmosQueryRequestOptions().setQueryMetricsEnabled(false));
        assertThat(page.getResponseHeaders()).doesNotContainKey("x-ms-documentdb-query-metrics");
        assertThat(page.getResponseHeaders()).doesNotContainKey("x-ms-cosmos-index-utilization");
    }

    @Test
    void indexUtilizationIsBase64JsonTheSdkParses() {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p1"))
                .setQueryMetricsEnabled(true).setIndexMetricsEnabled(true);
        FeedResponse<ObjectNode> page = firstPage("SELECT * FROM c WHERE c.n > 5 AND c.name != 'x'", options);

        String header = page.getResponseHeaders().get("x-ms-cosmos-index-utilization");
        assertThat(header).isBase64();
        String json = new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"UtilizedSingleIndexes\":[");

        IndexUtilizationInfo info = metricsOf(page).getIndexUtilizationInfo();
        assertThat(info.getUtilizedSingleIndexes()).extracting(SingleIndexUtilizationEntity::getIndexDocumentExpression)
                .containsExactly("/n/?", "/name/?");
        assertThat(info.getUtilizedSingleIndexes().get(0).getFilterExpression()).isEqualTo("(ROOT[\"n\"]) > 5");
        assertThat(info.getPotentialSingleIndexes()).isEmpty();
    }
}
