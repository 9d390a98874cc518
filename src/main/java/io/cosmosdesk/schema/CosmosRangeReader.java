package io.cosmosdesk.schema;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Reads a container's items feed range by feed range with {@code SELECT * FROM c}, one page per call from a
 * continuation token (a stream held open would read ahead and bill pages nobody asked for). Waits for a page in
 * short steps so a cancel is noticed at once, and cancels the request in flight.
 */
final class CosmosRangeReader implements RangeReader {

    private static final SqlQuerySpec ALL_ITEMS = new SqlQuerySpec("SELECT * FROM c");
    /** Cross-range pages may come back empty with a token; follow at most this many at once. */
    private static final int MAX_EMPTY_PAGES = 50;

    private final ContainerHandle handle;
    private final List<FeedRange> ranges;
    private final BooleanSupplier cancelled;

    private CosmosRangeReader(ContainerHandle handle, List<FeedRange> ranges, BooleanSupplier cancelled) {
        this.handle = handle;
        this.ranges = List.copyOf(ranges);
        this.cancelled = cancelled;
    }

    /** Asks the service for the container's feed ranges. */
    static CosmosRangeReader open(ContainerHandle handle, BooleanSupplier cancelled) {
        List<FeedRange> ranges;
        try {
            ranges = handle.container().getFeedRanges().block();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the feed ranges of " + handle.ref(), e);
        }
        if (ranges == null || ranges.isEmpty()) {
            ranges = List.of(FeedRange.forFullRange());
        }
        return new CosmosRangeReader(handle, ranges, cancelled);
    }

    @Override
    public int rangeCount() {
        return ranges.size();
    }

    @Override
    public Page read(int range, String continuationToken, int max) {
        CosmosAsyncContainer container = handle.container();
        List<ObjectNode> items = new ArrayList<>();
        double charge = 0;
        String token = continuationToken;
        for (int pages = 0; pages < MAX_EMPTY_PAGES; pages++) {
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setFeedRange(ranges.get(range));
            FeedResponse<ObjectNode> page = await(container.queryItems(ALL_ITEMS, options, ObjectNode.class)
                    .byPage(token, Math.max(1, max)).next().toFuture());
            charge += page.getRequestCharge();
            items.addAll(page.getResults());
            token = page.getContinuationToken();
            if (!items.isEmpty() || token == null) {
                break;
            }
        }
        return new Page(items, token, charge);
    }

    private <T> T await(CompletableFuture<T> reply) {
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    reply.cancel(true);
                    throw new CancellationException("Stopped.");
                }
                try {
                    T value = reply.get(50, TimeUnit.MILLISECONDS);
                    if (value == null) {
                        throw new IllegalStateException("The query answered with nothing.");
                    }
                    return value;
                } catch (TimeoutException e) {
                    // look at the cancel flag again
                }
            }
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted.");
        } catch (ExecutionException e) {
            throw CosmosErrors.map("Reading items of " + handle.ref() + " for its schema", e.getCause());
        }
    }
}
