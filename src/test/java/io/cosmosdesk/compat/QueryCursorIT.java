package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.ServerCursors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/**
 * Paging a query keeps a cursor on the server (the query's sorted rows), so the next page is cut from it instead
 * of running the query over the whole container again. Pages and continuation tokens are the same as when every
 * page runs the query again; a continuation whose cursor is gone, or whose container changed, runs it again.
 */
@ExtendWith(CosmosServerExtension.class)
class QueryCursorIT {

    private static final int ITEMS = 600;
    private static final int PAGE = 25;

    private CosmosAsyncContainer container;
    private ServerCursors cursors;

    /** One page as the client saw it: its items and the continuation token it ended with. */
    private record Page(List<String> items, String continuation) {
    }

    @BeforeEach
    void seed(LocalCosmosServer server, CosmosTestData data) {
        cursors = new ServerCursors(server);
        container = data.createContainer("/pk");
        Flux<CosmosItemOperation> creates = Flux.range(0, ITEMS).map(n -> CosmosBulkOperations.getCreateItemOperation(
                item("id", "item-" + n, "pk", "p" + (n % 7), "n", n % 37, "tags", List.of(n % 2, n % 3)),
                new PartitionKey("p" + (n % 7))));
        container.executeBulkOperations(creates).blockLast();
    }

    private List<Page> pageThrough(String sql, CosmosQueryRequestOptions options, boolean dropCursorsBeforeEachPage,
            Runnable afterFirstPage) {
        List<Page> pages = new ArrayList<>();
        String continuation = null;
        do {
            if (dropCursorsBeforeEachPage) {
                cursors.dropAll();
            }
            // a fresh query per page, as the app pages: only the continuation token carries the position
            FeedResponse<JsonNode> page = container.queryItems(sql, options, JsonNode.class)
                    .byPage(continuation, PAGE).blockFirst();
            continuation = page.getContinuationToken();
            pages.add(new Page(page.getResults().stream().map(JsonNode::toString).toList(), continuation));
            if (pages.size() == 1) {
                afterFirstPage.run();
            }
        } while (continuation != null);
        return pages;
    }

    private void assertSamePagesWithAndWithoutCursors(String sql, Supplier<CosmosQueryRequestOptions> options) {
        ServerCursors.Stats before = cursors.stats();
        List<Page> withCursors = pageThrough(sql, options.get(), false, () -> { });
        ServerCursors.Stats after = cursors.stats();
        List<Page> rerunEachPage = pageThrough(sql, options.get(), true, () -> { });

        assertThat(withCursors).as(sql).isEqualTo(rerunEachPage);
        assertThat(withCursors.size()).as(sql).isGreaterThan(2);
        // every page after the first was cut from the cursor (the SDK may also have fetched a page ahead)
        assertThat(after.misses() - before.misses()).as(sql).isZero();
        assertThat(after.hits() - before.hits()).as(sql).isGreaterThanOrEqualTo(withCursors.size() - 1);
    }

    @Test
    void crossPartitionPagesAreTheSameAsRunningTheQueryForEachPage() {
        assertSamePagesWithAndWithoutCursors("SELECT * FROM c", CosmosQueryRequestOptions::new);
        assertSamePagesWithAndWithoutCursors("SELECT c.id, c.n FROM c WHERE c.n > 3", CosmosQueryRequestOptions::new);
        assertSamePagesWithAndWithoutCursors("SELECT c.id, t FROM c JOIN t IN c.tags", CosmosQueryRequestOptions::new);
    }

    @Test
    void orderByPagesAreTheSameAsRunningTheQueryForEachPage() {
        assertSamePagesWithAndWithoutCursors("SELECT * FROM c ORDER BY c.n DESC", CosmosQueryRequestOptions::new);
        assertSamePagesWithAndWithoutCursors("SELECT VALUE c.id FROM c ORDER BY c.n", CosmosQueryRequestOptions::new);
        assertSamePagesWithAndWithoutCursors("SELECT c.id, t FROM c JOIN t IN c.tags ORDER BY c.n",
                CosmosQueryRequestOptions::new);
    }

    @Test
    void partitionScopedPagesAreTheSameAsRunningTheQueryForEachPage() {
        Supplier<CosmosQueryRequestOptions> p3 = () -> new CosmosQueryRequestOptions()
                .setPartitionKey(new PartitionKey("p3"));
        assertSamePagesWithAndWithoutCursors("SELECT * FROM c", p3);
        assertSamePagesWithAndWithoutCursors("SELECT * FROM c ORDER BY c.n DESC", p3);
        assertThat(pageThrough("SELECT * FROM c", p3.get(), false, () -> { }).stream()
                .mapToInt(p -> p.items().size()).sum()).isEqualTo(ITEMS / 7 + 1);
    }

    @Test
    void aPageAskedForAgainIsAnsweredAsCutBefore() {
        // the SDK reads the page after the one a query wants; the next query, from that page's token, asks again
        ServerCursors.Stats before = cursors.stats();
        List<Page> withCursors = pageThrough("SELECT * FROM c", new CosmosQueryRequestOptions(), false, () -> { });
        ServerCursors.Stats after = cursors.stats();
        List<Page> rerunEachPage = pageThrough("SELECT * FROM c", new CosmosQueryRequestOptions(), true, () -> { });

        assertThat(withCursors).isEqualTo(rerunEachPage);
        // every page but the first two was asked for twice, the second time answered from the cursor's last pages
        assertThat(after.repeats() - before.repeats()).isGreaterThanOrEqualTo(withCursors.size() - 2);
    }

    @Test
    void aContinuationWhoseCursorIsGoneRunsTheQueryAgain() {
        List<Page> expected = pageThrough("SELECT * FROM c ORDER BY c.n", new CosmosQueryRequestOptions(), true,
                () -> { });
        long missesBefore = cursors.stats().misses();
        List<Page> cursorDroppedAfterFirstPage = pageThrough("SELECT * FROM c ORDER BY c.n",
                new CosmosQueryRequestOptions(), false, cursors::dropAll);

        assertThat(cursorDroppedAfterFirstPage).isEqualTo(expected);
        assertThat(cursors.stats().misses() - missesBefore).isGreaterThanOrEqualTo(1);
        assertThat(expected.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(ITEMS);
    }

    @Test
    void aWriteBetweenPagesIsSeenByTheNextPageAsBefore() {
        List<Page> pages = pageThrough("SELECT c.id, c.n FROM c ORDER BY c.n", new CosmosQueryRequestOptions(), false,
                () -> container.createItem(item("id", "late", "pk", "p1", "n", 1000)).block());

        List<String> all = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(all).hasSize(ITEMS + 1).last().asString().contains("\"late\"");
    }
}
