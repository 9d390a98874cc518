package io.cosmosdesk.changes;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a container's change feed in latest-version mode, one feed range at a time, so a container with many
 * physical partitions is read range by range in parallel and each range resumes from its own continuation.
 * Blocking: call through the TaskRunner.
 */
public class ChangeFeedService {

    /** Items per page: large enough to keep up with thousands of writes a second, small enough to show soon. */
    public static final int PAGE_SIZE = 1_000;

    /** One cursor per feed range of the container, before its first page. */
    public List<FeedCursor> openCursors(ContainerHandle handle) {
        try {
            List<FeedRange> ranges = handle.container().getFeedRanges().block();
            return ranges.stream().map(range -> new FeedCursor(range.toString(), null)).toList();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the feed ranges of " + handle.ref(), e);
        }
    }

    /**
     * The next page of one range: from its continuation, or from {@code start} on the first read. An empty page
     * (nothing changed) still moves the cursor (a "from now" start is fixed by its first page).
     */
    public ChangePage readPage(ContainerHandle handle, FeedCursor cursor, ChangeFeedStart start, int pageSize) {
        return readPage(handle, cursor, start, pageSize, FeedMode.LATEST_VERSION);
    }

    /**
     * {@link #readPage} in {@code mode}. In the all-versions-and-deletes mode each item of the page is a change as
     * the SDK returns it ({@code current}, {@code previous}, {@code metadata}); that mode starts from now or from a
     * continuation only (the service keeps no earlier versions to start from).
     */
    public ChangePage readPage(ContainerHandle handle, FeedCursor cursor, ChangeFeedStart start, int pageSize,
            FeedMode mode) {
        try {
            return readPageAsync(handle, cursor, start, pageSize, mode).block();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the changes of " + handle.ref(), e);
        }
    }

    /** {@link #readPage} without blocking, for reading several ranges at once. */
    public Mono<ChangePage> readPageAsync(ContainerHandle handle, FeedCursor cursor, ChangeFeedStart start,
            int pageSize, FeedMode mode) {
        CosmosChangeFeedRequestOptions options = options(cursor, start, mode).setMaxItemCount(pageSize);
        options.setMaxPrefetchPageCount(1);
        return handle.container().queryChangeFeed(options, ObjectNode.class).byPage().next()
                .map(page -> new ChangePage(page.getResults(), cursor.advancedTo(page.getContinuationToken()),
                        page.getResults().size() >= pageSize))
                .defaultIfEmpty(new ChangePage(List.of(), cursor, false));
    }

    /**
     * Whether the account serves the all-versions-and-deletes mode for this container: it needs continuous
     * backup on the account, and the local emulators do not have it. Asks with one "from now" read.
     */
    public AllVersionsSupport probeAllVersions(ContainerHandle handle) {
        CosmosChangeFeedRequestOptions options = CosmosChangeFeedRequestOptions
                .createForProcessingFromNow(FeedRange.forFullRange()).allVersionsAndDeletes().setMaxItemCount(1);
        try {
            handle.container().queryChangeFeed(options, ObjectNode.class).byPage().next().block();
            return AllVersionsSupport.available();
        } catch (RuntimeException e) {
            Throwable cause = CosmosErrors.unwrap(e);
            if (cause instanceof CosmosException cosmos && cosmos.getStatusCode() == 400) {
                return AllVersionsSupport.unavailable(AllVersionsSupport.notEnabledSentence(handle, cosmos));
            }
            throw CosmosErrors.map("Asking whether " + handle.ref() + " keeps all versions and deletes", e);
        }
    }

    /** The next page of every cursor, read at once (at most 8 ranges at a time), in the cursors' order. */
    public List<ChangePage> readPages(ContainerHandle handle, List<FeedCursor> cursors, ChangeFeedStart start,
            int pageSize, FeedMode mode) {
        if (cursors.size() == 1) {
            return List.of(readPage(handle, cursors.get(0), start, pageSize, mode));
        }
        try {
            return Flux.fromIterable(cursors)
                    .flatMapSequential(cursor -> readPageAsync(handle, cursor, start, pageSize, mode), 8)
                    .collectList().block();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the changes of " + handle.ref(), e);
        }
    }

    static CosmosChangeFeedRequestOptions options(FeedCursor cursor, ChangeFeedStart start, FeedMode mode) {
        CosmosChangeFeedRequestOptions options = options(cursor, mode == FeedMode.ALL_VERSIONS_AND_DELETES
                && (start.kind() == ChangeFeedStart.Kind.BEGINNING || start.kind() == ChangeFeedStart.Kind.POINT_IN_TIME)
                ? ChangeFeedStart.now() : start);
        return mode == FeedMode.ALL_VERSIONS_AND_DELETES ? options.allVersionsAndDeletes() : options;
    }

    private static CosmosChangeFeedRequestOptions options(FeedCursor cursor, ChangeFeedStart start) {
        if (cursor.continuation() != null) {
            return CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(cursor.continuation());
        }
        FeedRange range = FeedRange.fromString(cursor.feedRange());
        return switch (start.kind()) {
            case BEGINNING -> CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(range);
            case POINT_IN_TIME -> CosmosChangeFeedRequestOptions.createForProcessingFromPointInTime(
                    start.pointInTime(), range);
            case NOW, SAVED -> CosmosChangeFeedRequestOptions.createForProcessingFromNow(range);
        };
    }
}
