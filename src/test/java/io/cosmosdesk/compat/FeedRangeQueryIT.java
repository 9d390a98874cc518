package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/**
 * Queries scoped to a feed range narrower than a physical partition (an effective-partition-key range, as a
 * schema sample's slices of the hash space are): the SDK sends it as x-ms-start-epk / x-ms-end-epk, and each slice
 * must hold only its own items, so slices that cover the key space hold every item exactly once.
 */
@ExtendWith(CosmosServerExtension.class)
class FeedRangeQueryIT {

    /** {@code count} slices of the hash space, [00, 3F] in the first byte (the SDK masks it to 0x3F). */
    static List<FeedRange> slices(int count) {
        List<FeedRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String min = i == 0 ? "" : String.format(Locale.ROOT, "%04X", i * 0x4000 / count);
            String max = i == count - 1 ? "FF" : String.format(Locale.ROOT, "%04X", (i + 1) * 0x4000 / count);
            String json = "{\"Range\":{\"min\":\"" + min + "\",\"max\":\"" + max
                    + "\",\"isMinInclusive\":true,\"isMaxInclusive\":false}}";
            ranges.add(FeedRange.fromString(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        }
        return ranges;
    }

    private static List<String> ids(CosmosAsyncContainer container, FeedRange range, int pageSize) {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setFeedRange(range);
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            FeedResponse<ObjectNode> page = container.queryItems(new SqlQuerySpec("SELECT * FROM c"), options,
                    ObjectNode.class).byPage(token, pageSize).blockFirst();
            page.getResults().forEach(i -> ids.add(i.get("id").asText()));
            token = page.getContinuationToken();
        } while (token != null);
        return ids;
    }

    private static void assertSlicesPartition(CosmosAsyncContainer container, int items) {
        Set<String> union = new HashSet<>();
        int total = 0;
        int nonEmpty = 0;
        for (FeedRange slice : slices(8)) {
            List<String> ids = ids(container, slice, 7);
            assertThat(ids).as("a slice holds each of its items once").doesNotHaveDuplicates();
            assertThat(ids.size()).as("a slice is narrower than the container").isLessThan(items);
            total += ids.size();
            nonEmpty += ids.isEmpty() ? 0 : 1;
            union.addAll(ids);
        }
        assertThat(total).as("slices are disjoint").isEqualTo(items);
        assertThat(union).as("their union is the container").hasSize(items);
        assertThat(nonEmpty).as("keys hash all over the space").isGreaterThan(4);
    }

    @Test
    void slicesOfTheHashSpaceHoldDisjointItemsWhoseUnionIsTheContainer(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        Flux.range(0, 200).flatMap(n -> container.createItem(item("id", "i" + n, "pk", "k" + (n % 50), "n", n)), 8)
                .blockLast();

        assertSlicesPartition(container, 200);
        // one logical partition is still answered whole, whatever the slices
        assertThat(container.queryItems(new SqlQuerySpec("SELECT * FROM c"), new CosmosQueryRequestOptions()
                .setPartitionKey(new PartitionKey("k7")), ObjectNode.class).collectList().block()).hasSize(4);
    }

    @Test
    void slicesOfAHierarchicalKeySpaceToo(CosmosTestData data) {
        CosmosAsyncContainer container = data.createHierarchicalContainer("/tenant", "/user");
        Flux.range(0, 120).flatMap(n -> container.createItem(item("id", "i" + n, "tenant", "t" + (n % 12),
                "user", "u" + (n % 5))), 8).blockLast();

        assertSlicesPartition(container, 120);
        // a prefix inside a slice still narrows to that prefix
        assertThat(ids(container, FeedRange.forLogicalPartition(new PartitionKeyBuilder().add("t3").build()), 50))
                .hasSize(10);
    }
}
