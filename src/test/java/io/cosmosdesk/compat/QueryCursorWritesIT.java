package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.ServerCursors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/**
 * A query paged while its container is written keeps its server cursor (a snapshot of its sorted rows), so the
 * pass stays linear: pages are not cut by running the query over the whole container again after each write.
 * Every item that existed when the query started and still exists is returned once; an item deleted before its
 * page is not returned; an item replaced before its page is returned as it is now.
 */
@ExtendWith(CosmosServerExtension.class)
class QueryCursorWritesIT {

    private static final int ITEMS = 600;
    private static final int PAGE = 25;

    private CosmosAsyncContainer container;
    private ServerCursors cursors;

    @BeforeEach
    void seed(LocalCosmosServer server, CosmosTestData data) {
        cursors = new ServerCursors(server);
        container = data.createContainer("/pk");
        Flux<CosmosItemOperation> creates = Flux.range(0, ITEMS).map(n -> CosmosBulkOperations.getCreateItemOperation(
                item("id", "item-" + n, "pk", pk(n), "n", n % 37), new PartitionKey(pk(n))));
        container.executeBulkOperations(creates).blockLast();
    }

    private static String pk(int n) {
        return "p" + (n % 7);
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring("item-".length()));
    }

    @Test
    void pagingWhileWritingReturnsEachRemainingItemOnceFromTheCursor() {
        pageWhileWriting("SELECT * FROM c");
    }

    @Test
    void orderedPagingWhileWritingReturnsEachRemainingItemOnceFromTheCursor() {
        List<String> created = pageWhileWriting("SELECT * FROM c ORDER BY c.n");
        // items created while paging sort last (n = 1000): the snapshot's last page hands out a continuation that
        // runs the query again from there, so those created before then come too
        assertThat(created).isNotEmpty();
    }

    @Test
    void aPassWithoutCreatesEndsWithTheSnapshotsLastPage() {
        List<Integer> sizes = new ArrayList<>();
        String continuation = null;
        do {
            FeedResponse<JsonNode> page = container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                    JsonNode.class).byPage(continuation, PAGE).blockFirst();
            continuation = page.getContinuationToken();
            sizes.add(page.getResults().size());
            if (sizes.size() == 1) {
                Set<String> firstPage = new HashSet<>();
                page.getResults().forEach(item -> firstPage.add(item.get("id").asText()));
                int n = ITEMS - 1;
                while (firstPage.contains("item-" + n)) {
                    n--;
                }
                container.deleteItem("item-" + n, new PartitionKey(pk(n)), new CosmosItemRequestOptions()).block();
            }
        } while (continuation != null);

        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ITEMS - 1);
        // nothing was created, so no extra request runs the query again only to find nothing ("more available")
        assertThat(sizes.get(sizes.size() - 1)).isPositive();
        assertThat(sizes).hasSize(ITEMS / PAGE);
    }

    /** Pages {@code sql} with a fresh query per page (as the app does) and, after each page, deletes one item not
     * returned yet, replaces another and creates a new one. Returns the ids of the created items it saw. */
    private List<String> pageWhileWriting(String sql) {
        Set<String> unseen = new TreeSet<>((a, b) -> Integer.compare(number(a), number(b)));
        for (int n = 0; n < ITEMS; n++) {
            unseen.add("item-" + n);
        }
        Set<String> deleted = new HashSet<>();
        Set<String> replaced = new HashSet<>();
        List<String> seen = new ArrayList<>();
        List<String> createdSeen = new ArrayList<>();
        ServerCursors.Stats before = cursors.stats();
        int pages = 0;
        String continuation = null;
        do {
            FeedResponse<JsonNode> page = container.queryItems(sql, new CosmosQueryRequestOptions(), JsonNode.class)
                    .byPage(continuation, PAGE).blockFirst();
            continuation = page.getContinuationToken();
            pages++;
            for (JsonNode item : page.getResults()) {
                String id = item.get("id").asText();
                seen.add(id);
                if (id.startsWith("new-")) {
                    createdSeen.add(id);
                    continue;
                }
                assertThat(deleted).as("a deleted item is not returned").doesNotContain(id);
                assertThat(item.path("replaced").asBoolean()).as("%s is returned as it is now", id)
                        .isEqualTo(replaced.contains(id));
                unseen.remove(id);
            }
            if (unseen.size() >= 2) {
                String toDelete = ((TreeSet<String>) unseen).last();
                unseen.remove(toDelete);
                container.deleteItem(toDelete, new PartitionKey(pk(number(toDelete))), new CosmosItemRequestOptions())
                        .block();
                deleted.add(toDelete);
                String toReplace = ((TreeSet<String>) unseen).first();
                int n = number(toReplace);
                container.replaceItem(item("id", toReplace, "pk", pk(n), "n", n % 37, "replaced", true), toReplace,
                        new PartitionKey(pk(n)), new CosmosItemRequestOptions()).block();
                replaced.add(toReplace);
            }
            container.createItem(item("id", "new-" + pages, "pk", "p1", "n", 1000)).block();
        } while (continuation != null);
        ServerCursors.Stats after = cursors.stats();

        assertThat(new LinkedHashSet<>(seen)).as("no item twice").hasSameSizeAs(seen);
        assertThat(unseen).as("every pre-existing item not deleted is returned").isEmpty();
        assertThat(seen).hasSize(ITEMS - deleted.size() + createdSeen.size());
        assertThat(pages).isGreaterThan(ITEMS / PAGE / 2);
        // linear: the pages come from the cursor; at most the extra request after the snapshot ran out (and a page
        // the SDK fetched ahead) runs the query again
        assertThat(after.misses() - before.misses()).as("pages that ran the whole query again").isLessThanOrEqualTo(2);
        assertThat(after.hits() - before.hits()).isGreaterThanOrEqualTo(pages - 3);
        return createdSeen;
    }
}
