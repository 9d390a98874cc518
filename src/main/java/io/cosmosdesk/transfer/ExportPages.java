package io.cosmosdesk.transfer;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The pages of an export's query, each read with one query execution from the previous page's continuation token
 * (an SDK {@code byPage} stream held open drains the whole query into memory whatever the demand; see
 * {@code cosmos.TokenPageStream}). The next page is asked for while the caller writes the current one, so at most
 * two pages are held and the file is written while the server works.
 */
final class ExportPages implements AutoCloseable {

    /** One page's items (empty pages on the way folded in), its continuation token and RU. */
    record Page(List<ObjectNode> items, String continuationToken, double requestCharge) {
    }

    private final ExportSource source;
    private final CosmosQueryRequestOptions options;
    private final int pageSize;
    private CompletableFuture<Page> pending;
    private boolean ended;

    ExportPages(ExportSource source, int pageSize) {
        this.source = source;
        this.pageSize = pageSize;
        this.options = new CosmosQueryRequestOptions();
        if (source.scope() != null) {
            options.setPartitionKey(source.scope().toPartitionKey());
        }
        this.pending = fetch(null);
    }

    /** The next page, or null when the query has ended. Blocks; the next page is asked for before it returns. */
    Page next() throws InterruptedException {
        if (ended) {
            return null;
        }
        Page page;
        try {
            page = pending.get();
        } catch (ExecutionException e) {
            ended = true;
            CosmosDeskException mapped = CosmosErrors.classify(e.getCause());
            throw mapped;
        } catch (InterruptedException | CancellationException e) {
            close();
            throw e;
        }
        if (page.continuationToken() == null) {
            ended = true;
            pending = null;
        } else {
            pending = fetch(page.continuationToken());
        }
        return page;
    }

    private CompletableFuture<Page> fetch(String token) {
        return source.container().container()
                .queryItems(source.query(), options, ObjectNode.class)
                .byPage(token, pageSize)
                .takeUntil(page -> !page.getResults().isEmpty() || page.getContinuationToken() == null)
                .collectList()
                .map(ExportPages::fold)
                .toFuture();
    }

    private static Page fold(List<FeedResponse<ObjectNode>> responses) {
        List<ObjectNode> items = responses.size() == 1 ? responses.get(0).getResults() : new ArrayList<>();
        double charge = 0;
        String token = null;
        for (FeedResponse<ObjectNode> response : responses) {
            if (responses.size() > 1) {
                items.addAll(response.getResults());
            }
            charge += response.getRequestCharge();
            token = response.getContinuationToken();
        }
        return new Page(items, token, charge);
    }

    /** Stops: a page still being read is cancelled. */
    @Override
    public void close() {
        ended = true;
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }
}
