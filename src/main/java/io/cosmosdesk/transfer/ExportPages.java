package io.cosmosdesk.transfer;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import reactor.core.Disposable;

/**
 * The pages of an export's query, read through one SDK {@code byPage} stream held open, with a bounded buffer.
 *
 * <p>An export reads everything anyway, so unlike the query tab's Next it can keep one stream open and save the
 * query execution per page (measured: a page per continuation token ran at 0.62 of an open stream's rate on the
 * local server). But azure-cosmos ignores the subscriber's demand and drains the whole query as fast as the service
 * answers (see {@code cosmos.TokenPageStream}): behind a slow file (gzip, a network share) that would pile the
 * container up in memory. So at most {@value #MAX_BUFFERED_PAGES} pages are kept: when the buffer is full the
 * stream is disposed, the pages arriving after that are dropped, and once the writer has taken half of the buffer
 * a new stream starts from the continuation token of the last page kept. Nothing is read twice into the file and
 * memory stays flat whatever the container's size; a writer faster than the service never pauses the stream.
 */
final class ExportPages implements AutoCloseable {

    static final int MAX_BUFFERED_PAGES = 4;

    /** One page's items (empty pages on the way folded in), its continuation token and RU. */
    record Page(List<ObjectNode> items, String continuationToken, double requestCharge) {
    }

    private final ExportSource source;
    private final CosmosQueryRequestOptions options;
    private final int pageSize;
    private final Deque<Page> buffer = new ArrayDeque<>();
    private Disposable stream;
    /** Which stream's pages are accepted: a disposed stream's late pages are dropped. */
    private int generation;
    /** Where a new stream starts: the continuation token of the last page kept. */
    private String resumeToken;
    private boolean paused;
    private boolean complete;
    private boolean closed;
    private Throwable failure;
    private double foldedCharge;
    private int restarts;

    ExportPages(ExportSource source, int pageSize) {
        this.source = source;
        this.pageSize = pageSize;
        this.options = new CosmosQueryRequestOptions();
        if (source.scope() != null) {
            options.setPartitionKey(source.scope().toPartitionKey());
        }
        open(null);
    }

    /** The next page, or null when the query has ended. Blocks until a page is there. */
    synchronized Page next() throws InterruptedException {
        while (buffer.isEmpty() && !complete && failure == null && !closed) {
            wait();
        }
        if (closed) {
            throw new java.util.concurrent.CancellationException("Export cancelled.");
        }
        if (!buffer.isEmpty()) {
            Page page = buffer.removeFirst();
            if (paused && buffer.size() <= MAX_BUFFERED_PAGES / 2) {
                paused = false;
                restarts++;
                open(resumeToken);
            }
            return page;
        }
        if (failure != null) {
            throw CosmosErrors.classify(failure);
        }
        return null;
    }

    /** How often the stream was paused and started again (a writer slower than the service). */
    synchronized int restarts() {
        return restarts;
    }

    /** Pages read and not yet taken (tests). */
    synchronized int buffered() {
        return buffer.size();
    }

    synchronized boolean paused() {
        return paused;
    }

    private void open(String token) {
        int mine = ++generation;
        stream = source.container().container().queryItems(source.query(), options, ObjectNode.class)
                .byPage(token, pageSize)
                .subscribe(page -> accept(mine, page), error -> failed(mine, error), () -> completed(mine));
    }

    private synchronized void accept(int from, FeedResponse<ObjectNode> response) {
        if (from != generation || paused || closed) {
            return; // dropped: a new stream reads it again from resumeToken
        }
        String token = response.getContinuationToken();
        if (response.getResults().isEmpty() && token != null) {
            foldedCharge += response.getRequestCharge(); // an empty page on the way: nothing to write
            resumeToken = token;
            return;
        }
        buffer.addLast(new Page(response.getResults(), token, response.getRequestCharge() + foldedCharge));
        foldedCharge = 0;
        resumeToken = token;
        if (token == null) {
            complete = true;
        } else if (buffer.size() >= MAX_BUFFERED_PAGES) {
            paused = true;
            Disposable full = stream;
            if (full != null) {
                full.dispose();
            }
        }
        notifyAll();
    }

    private synchronized void failed(int from, Throwable error) {
        if (from == generation && !paused && !closed) {
            failure = error;
            notifyAll();
        }
    }

    private synchronized void completed(int from) {
        if (from == generation && !paused && !complete) { // ended after empty pages only: their charge still counts
            if (foldedCharge > 0) {
                buffer.addLast(new Page(new ArrayList<>(), null, foldedCharge));
                foldedCharge = 0;
            }
            complete = true;
            notifyAll();
        }
    }

    /** Stops: the stream is disposed and the pages not taken are dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        buffer.clear();
        if (stream != null) {
            stream.dispose();
        }
        notifyAll();
    }
}
