package io.cosmosdesk.schema;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosContainerResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Reads a container's items feed range by feed range (or slice by slice of its key space, {@link HashSlices}) with {@code SELECT * FROM c}, one page per call from a
 * continuation token (a stream held open would read ahead and bill pages nobody asked for). Waits for a page in
 * short steps so a cancel is noticed at once, and cancels the request in flight.
 */
final class CosmosRangeReader implements RangeReader {

    private static final SqlQuerySpec ALL_ITEMS = new SqlQuerySpec("SELECT * FROM c");
    /** Cross-range pages may come back empty with a token; follow at most this many at once. */
    private static final int MAX_EMPTY_PAGES = 50;

    private final ContainerHandle handle;
    private final List<FeedRange> ranges;
    private final int feedRanges;
    private final boolean hashSlices;
    private final BooleanSupplier cancelled;

    private CosmosRangeReader(ContainerHandle handle, List<FeedRange> ranges, int feedRanges, boolean hashSlices,
            BooleanSupplier cancelled) {
        this.handle = handle;
        this.ranges = List.copyOf(ranges);
        this.feedRanges = feedRanges;
        this.hashSlices = hashSlices;
        this.cancelled = cancelled;
    }

    /** Asks the service for the container's feed ranges, and reads them as they are. */
    static CosmosRangeReader open(ContainerHandle handle, BooleanSupplier cancelled) {
        List<FeedRange> ranges = feedRanges(handle);
        return new CosmosRangeReader(handle, ranges, ranges.size(), false, cancelled);
    }

    /**
     * Asks the service for the container's feed ranges and, when its keys are hashed evenly (hash V2 or
     * hierarchical), cuts them into {@link HashSlices#sliceCount} slices of the key space for a sample of
     * {@code target} items.
     */
    static CosmosRangeReader openSliced(ContainerHandle handle, long target, BooleanSupplier cancelled) {
        List<FeedRange> ranges = feedRanges(handle);
        if (hashedEvenly(handle)) {
            Optional<List<FeedRange>> slices = HashSlices.slice(ranges, HashSlices.sliceCount(target));
            if (slices.isPresent()) {
                return new CosmosRangeReader(handle, slices.get(), ranges.size(), true, cancelled);
            }
        }
        return new CosmosRangeReader(handle, ranges, ranges.size(), false, cancelled);
    }

    private static List<FeedRange> feedRanges(ContainerHandle handle) {
        List<FeedRange> ranges;
        try {
            ranges = handle.container().getFeedRanges().block();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the feed ranges of " + handle.ref(), e);
        }
        return ranges == null || ranges.isEmpty() ? List.of(FeedRange.forFullRange()) : ranges;
    }

    /** Hash V2 and MultiHash keys spread evenly over the EPK space; hash V1 (the service's default before) does not. */
    private static boolean hashedEvenly(ContainerHandle handle) {
        PartitionKeyDefinition key;
        try {
            CosmosContainerResponse response = handle.container().read().block();
            key = response == null ? null : response.getProperties().getPartitionKeyDefinition();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the settings of " + handle.ref(), e);
        }
        return key != null && (key.getKind() == PartitionKind.MULTI_HASH
                || (key.getKind() == PartitionKind.HASH && key.getVersion() == PartitionKeyDefinitionVersion.V2));
    }

    @Override
    public int rangeCount() {
        return ranges.size();
    }

    @Override
    public int feedRanges() {
        return feedRanges;
    }

    @Override
    public boolean hashSlices() {
        return hashSlices;
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
