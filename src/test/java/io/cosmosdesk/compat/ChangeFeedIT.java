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
import com.azure.cosmos.models.ChangeFeedOperationType;
import com.azure.cosmos.models.ChangeFeedProcessorItem;
import com.azure.cosmos.models.CosmosBatch;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.ServerControl;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The change feed: incremental (latest version) with ordered changes and resumable continuations, and all versions
 * and deletes in the SDK's own types.
 */
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
     * All versions and deletes needs continuous backup: an account without it (the server's switch off) refuses
     * the mode with 400 instead of answering latest versions in the wrong format.
     */
    @Test
    void allVersionsAndDeletesIsRefusedWithoutContinuousBackup(LocalCosmosServer server) {
        ServerControl control = new ServerControl(server);
        control.allVersionsAndDeletes(false);
        try {
            container.createItem(item("id", "x", "pk", "a")).block();
            CosmosChangeFeedRequestOptions options = CosmosChangeFeedRequestOptions
                    .createForProcessingFromNow(FeedRange.forFullRange()).allVersionsAndDeletes();
            assertThatThrownBy(() -> container.queryChangeFeed(options, ObjectNode.class).byPage().blockFirst())
                    .isInstanceOfSatisfying(CosmosException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("all versions and deletes");
                    });
        } finally {
            control.allVersionsAndDeletes(true);
        }
    }

    /** Reads all-versions pages (typed as the SDK's own item) until one is empty; the items and where to resume. */
    private List<ChangeFeedProcessorItem> drainAllVersions(CosmosChangeFeedRequestOptions options, String[] next) {
        return drainAllVersions(container, options, next);
    }

    private static List<ChangeFeedProcessorItem> drainAllVersions(CosmosAsyncContainer container,
            CosmosChangeFeedRequestOptions options, String[] next) {
        List<ChangeFeedProcessorItem> changes = new ArrayList<>();
        CosmosChangeFeedRequestOptions current = options;
        for (int guard = 0; guard < 100; guard++) {
            FeedResponse<ChangeFeedProcessorItem> page = container
                    .queryChangeFeed(current, ChangeFeedProcessorItem.class).byPage().blockFirst();
            changes.addAll(page.getResults());
            next[0] = page.getContinuationToken();
            if (page.getResults().isEmpty()) {
                break;
            }
            current = CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(next[0])
                    .setMaxItemCount(options.getMaxItemCount()).allVersionsAndDeletes();
        }
        return changes;
    }

    @Test
    void allVersionsAndDeletesListsEveryCreateReplaceAndDeleteWithTheirMetadata() {
        container.createItem(item("id", "before", "pk", "a")).block();
        String[] position = new String[1];
        assertThat(drainAllVersions(CosmosChangeFeedRequestOptions.createForProcessingFromNow(FeedRange.forFullRange())
                .allVersionsAndDeletes(), position)).isEmpty();

        container.createItem(item("id", "x", "pk", "a", "v", 1)).block();
        container.replaceItem(item("id", "x", "pk", "a", "v", 2), "x", new PartitionKey("a")).block();
        container.upsertItem(item("id", "x", "pk", "a", "v", 3)).block();
        container.upsertItem(item("id", "y", "pk", "b")).block();
        container.deleteItem("x", new PartitionKey("a")).block();
        container.deleteItem("before", new PartitionKey("a")).block();

        List<ChangeFeedProcessorItem> changes = drainAllVersions(CosmosChangeFeedRequestOptions
                .createForProcessingFromContinuation(position[0]).setMaxItemCount(2).allVersionsAndDeletes(), position);
        assertThat(changes).extracting(c -> c.getChangeFeedMetaData().getOperationType()).containsExactly(
                ChangeFeedOperationType.CREATE, ChangeFeedOperationType.REPLACE, ChangeFeedOperationType.REPLACE,
                ChangeFeedOperationType.CREATE, ChangeFeedOperationType.DELETE, ChangeFeedOperationType.DELETE);
        assertThat(changes).extracting(c -> c.getChangeFeedMetaData().getLogSequenceNumber()).isSorted()
                .doesNotHaveDuplicates();
        assertThat(changes.get(2).getCurrent().get("v").asInt()).isEqualTo(3);
        // a replace names the version it replaced; its previous image is opt-in on the service, so not sent
        assertThat(changes.get(1).getChangeFeedMetaData().getPreviousLogSequenceNumber())
                .isEqualTo(changes.get(0).getChangeFeedMetaData().getLogSequenceNumber());
        assertThat(changes.get(1).getPrevious()).isNull();
        // a delete: what was deleted, and no current image
        ChangeFeedProcessorItem deleted = changes.get(4);
        assertThat(deleted.getPrevious().get("id").asText()).isEqualTo("x");
        assertThat(deleted.getPrevious().get("v").asInt()).isEqualTo(3);
        assertThat(deleted.getCurrent() == null || deleted.getCurrent().isEmpty()).isTrue();
        assertThat(deleted.getChangeFeedMetaData().isTimeToLiveExpired()).isFalse();
        assertThat(deleted.getChangeFeedMetaData().getPreviousLogSequenceNumber())
                .isEqualTo(changes.get(2).getChangeFeedMetaData().getLogSequenceNumber());
        assertThat(deleted.getChangeFeedMetaData().getConflictResolutionTimestamp()).isAfter(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(changes.get(5).getPrevious().get("id").asText()).isEqualTo("before");

        container.createItem(item("id", "later", "pk", "a")).block();
        assertThat(drainAllVersions(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(position[0])
                .allVersionsAndDeletes(), position)).extracting(c -> c.getCurrent().get("id").asText())
                .containsExactly("later");
    }

    /**
     * A feed range narrower than the partition (here a prefix of a hierarchical key) reaches the server as an EPK
     * range (x-ms-start-epk / x-ms-end-epk), not a partition key header: its all-versions feed holds that range's
     * creates and deletes only.
     */
    @Test
    void allVersionsAndDeletesOfAHierarchicalPrefixHoldOnlyThatPrefix(CosmosTestData data) {
        CosmosAsyncContainer tenants = data.createHierarchicalContainer("/tenant", "/user");
        FeedRange t1 = FeedRange.forLogicalPartition(new com.azure.cosmos.models.PartitionKeyBuilder().add("t1").build());
        String[] position = new String[1];
        assertThat(drainAllVersions(tenants, CosmosChangeFeedRequestOptions.createForProcessingFromNow(t1)
                .allVersionsAndDeletes(), position)).isEmpty();

        tenants.createItem(item("id", "a", "tenant", "t1", "user", "u1")).block();
        tenants.createItem(item("id", "b", "tenant", "t2", "user", "u1")).block();
        tenants.createItem(item("id", "c", "tenant", "t1", "user", "u2")).block();
        tenants.deleteItem("b", new com.azure.cosmos.models.PartitionKeyBuilder().add("t2").add("u1").build()).block();
        tenants.deleteItem("a", new com.azure.cosmos.models.PartitionKeyBuilder().add("t1").add("u1").build()).block();

        List<ChangeFeedProcessorItem> changes = drainAllVersions(tenants, CosmosChangeFeedRequestOptions
                .createForProcessingFromContinuation(position[0]).allVersionsAndDeletes(), position);
        assertThat(changes).extracting(c -> c.getChangeFeedMetaData().getOperationType() + " "
                + (c.getCurrent() != null && c.getCurrent().has("id") ? c.getCurrent() : c.getPrevious())
                        .get("id").asText())
                .containsExactly("CREATE a", "CREATE c", "DELETE a");
    }

    @Test
    void allVersionsAndDeletesOfOnePartitionAndNotWhatARolledBackBatchDid() {
        String[] position = new String[1];
        drainAllVersions(CosmosChangeFeedRequestOptions.createForProcessingFromNow(
                FeedRange.forLogicalPartition(new PartitionKey("a"))).allVersionsAndDeletes(), position);
        container.createItem(item("id", "a1", "pk", "a")).block();
        container.createItem(item("id", "b1", "pk", "b")).block();
        container.deleteItem("a1", new PartitionKey("a")).block();
        // an atomic batch that fails on its second operation changes nothing, so the feed shows nothing of it
        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey("a"));
        batch.createItemOperation(item("id", "a2", "pk", "a"));
        batch.replaceItemOperation("missing", item("id", "missing", "pk", "a"));
        assertThat(container.executeCosmosBatch(batch).block().isSuccessStatusCode()).isFalse();

        assertThat(drainAllVersions(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(position[0])
                .allVersionsAndDeletes(), position)).extracting(c -> c.getChangeFeedMetaData().getOperationType()
                + " " + (c.getCurrent() != null && c.getCurrent().has("id") ? c.getCurrent() : c.getPrevious())
                .get("id").asText())
                .containsExactly("CREATE a1", "DELETE a1");
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
