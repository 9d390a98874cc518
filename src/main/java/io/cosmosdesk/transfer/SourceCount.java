package io.cosmosdesk.transfer;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * How many items a transfer's source holds, for "N of M" and the time left: one {@code SELECT VALUE COUNT(1)}
 * (cheap: the server counts, nothing is sent back but a number) run beside the transfer, never in its way.
 * Export and copy share it; a source whose count is not plain ({@link ExportSource#countQuery}) stays unknown.
 */
final class SourceCount {

    private static final Logger LOG = LoggerFactory.getLogger(SourceCount.class);

    /** How long the last report waits for a count still on its way. */
    private static final long END_WAIT_MS = 5_000;

    private final CompletableFuture<Long> count;

    private SourceCount(CompletableFuture<Long> count) {
        this.count = count;
    }

    /** Starts counting {@code source}; a count that fails or cannot be written stays unknown. */
    static SourceCount start(ExportSource source) {
        return new SourceCount(source.countQuery().map(query -> {
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
            if (source.scope() != null) {
                options.setPartitionKey(source.scope().toPartitionKey());
            }
            return source.container().container().queryItems(query, options, Long.class)
                    .byPage()
                    .map(page -> page.getResults().stream().mapToLong(n -> n == null ? 0 : n).sum())
                    .reduce(0L, Long::sum)
                    .onErrorResume(e -> {
                        LOG.debug("Could not count the items of {}: {}", source.describe(), e.toString());
                        return Mono.just(-1L);
                    })
                    .toFuture();
        }).orElseGet(() -> CompletableFuture.completedFuture(-1L)));
    }

    /** The count once it has come back, -1 until then (and for good when it is unknown). */
    long nowOrUnknown() {
        return count.isDone() && !count.isCompletedExceptionally() ? count.getNow(-1L) : -1;
    }

    /**
     * For the transfer's last report: the count, waiting for it a little (it was started with the transfer and is
     * all but always back by its end; a small transfer can end first).
     */
    long atEnd() {
        try {
            count.get(END_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            // unknown: the report says so
        }
        return nowOrUnknown();
    }

    /** Stops waiting for a count no one will read (the transfer ended first). */
    void cancel() {
        count.cancel(false);
    }
}
