package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The incremental (latest version) change feed: ordered changes and resumable continuations. */
@ExtendWith(CosmosServerExtension.class)
class ChangeFeedIT {

    private CosmosAsyncContainer container;

    @BeforeEach
    void createContainer(CosmosTestData data) {
        container = data.createContainer("/pk");
    }

    /** Reads pages until the feed reports no new changes; returns ids and the continuation to resume. */
    private Result drain(CosmosChangeFeedRequestOptions options) {
        List<String> ids = new ArrayList<>();
        String continuation = null;
        CosmosChangeFeedRequestOptions current = options;
        for (int guard = 0; guard < 100; guard++) {
            FeedResponse<ObjectNode> page = container.queryChangeFeed(current, ObjectNode.class).byPage().blockFirst();
            page.getResults().forEach(i -> ids.add(i.get("id").asText()));
            continuation = page.getContinuationToken();
            if (page.getResults().isEmpty()) {
                break;
            }
            current = CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(continuation)
                    .setMaxItemCount(options.getMaxItemCount());
        }
        return new Result(ids, continuation);
    }

    private record Result(List<String> ids, String continuation) {
    }

    @Test
    void fromBeginningListsChangesInOrderAndResumes() {
        for (int n = 0; n < 7; n++) {
            container.createItem(item("id", "i" + n, "pk", "p" + (n % 2))).block();
        }
        container.upsertItem(item("id", "i0", "pk", "p0", "changed", true)).block();

        Result first = drain(CosmosChangeFeedRequestOptions
                .createForProcessingFromBeginning(FeedRange.forFullRange()).setMaxItemCount(3));
        // the latest version of each item, in the order of their last change
        assertThat(first.ids()).containsExactly("i1", "i2", "i3", "i4", "i5", "i6", "i0");

        container.createItem(item("id", "late", "pk", "p1")).block();
        container.replaceItem(item("id", "i3", "pk", "p1", "v", 2), "i3", new PartitionKey("p1")).block();
        Result next = drain(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(first.continuation())
                .setMaxItemCount(3));
        assertThat(next.ids()).containsExactly("late", "i3");

        Result idle = drain(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(next.continuation()));
        assertThat(idle.ids()).isEmpty();
    }

    @Test
    void fromNowSeesOnlyLaterChanges() {
        container.createItem(item("id", "before", "pk", "a")).block();
        Result start = drain(CosmosChangeFeedRequestOptions.createForProcessingFromNow(FeedRange.forFullRange()));
        assertThat(start.ids()).isEmpty();

        container.createItem(item("id", "after", "pk", "a")).block();
        Result next = drain(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(start.continuation()));
        assertThat(next.ids()).containsExactly("after");
    }

    @Test
    void scopedToOnePartition() {
        container.createItem(item("id", "a1", "pk", "a")).block();
        container.createItem(item("id", "b1", "pk", "b")).block();
        container.createItem(item("id", "a2", "pk", "a")).block();
        Result result = drain(CosmosChangeFeedRequestOptions
                .createForProcessingFromBeginning(FeedRange.forLogicalPartition(new PartitionKey("a"))));
        assertThat(result.ids()).containsExactly("a1", "a2");
    }

    /**
     * All versions and deletes needs continuous backup, which this server (like an account without it) does not
     * have: it refuses the mode with 400 instead of answering latest versions in the wrong format.
     */
    @Test
    void allVersionsAndDeletesIsRefusedAsWithoutContinuousBackup() {
        container.createItem(item("id", "x", "pk", "a")).block();
        CosmosChangeFeedRequestOptions options = CosmosChangeFeedRequestOptions
                .createForProcessingFromNow(FeedRange.forFullRange()).allVersionsAndDeletes();
        assertThatThrownBy(() -> container.queryChangeFeed(options, ObjectNode.class).byPage().blockFirst())
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("all versions and deletes");
                });
    }

    @Test
    void fromAPointInTimeSeesItemsChangedSince() throws InterruptedException {
        container.createItem(item("id", "old", "pk", "a")).block();
        // _ts has whole seconds: the next second is strictly after the first write
        java.time.Instant after = java.time.Instant.ofEpochSecond(java.time.Instant.now().getEpochSecond() + 1);
        while (java.time.Instant.now().isBefore(after)) {
            Thread.sleep(20);
        }
        container.createItem(item("id", "new", "pk", "b")).block();
        Result result = drain(CosmosChangeFeedRequestOptions.createForProcessingFromPointInTime(after,
                FeedRange.forFullRange()));
        assertThat(result.ids()).containsExactly("new");
    }

    /** The server keeps a log of writes and compacts it; an item written a thousand times is still listed once. */
    @Test
    void anItemWrittenManyTimesIsListedOnceAtItsLastChange() {
        container.createItem(item("id", "busy", "pk", "a")).block();
        container.createItem(item("id", "quiet", "pk", "b")).block();
        Result start = drain(CosmosChangeFeedRequestOptions.createForProcessingFromNow(FeedRange.forFullRange()));
        reactor.core.publisher.Flux.range(0, 1_100)
                .concatMap(n -> container.upsertItem(item("id", "busy", "pk", "a", "n", n)))
                .blockLast();
        container.upsertItem(item("id", "quiet", "pk", "b", "n", 1)).block();

        assertThat(drain(CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(FeedRange.forFullRange()))
                .ids()).containsExactly("busy", "quiet");
        assertThat(drain(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(start.continuation()))
                .ids()).containsExactly("busy", "quiet");
    }
}
