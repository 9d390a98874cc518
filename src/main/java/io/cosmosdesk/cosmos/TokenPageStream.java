package io.cosmosdesk.cosmos;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@link ItemPageStream} that reads each page with one query execution from the previous page's continuation
 * token, so exactly one page is in flight and nothing is buffered between pulls.
 *
 * <p>Why not keep one SDK {@code byPage} stream open and request one page at a time: azure-cosmos ignores that
 * demand and drains the whole query in the background (measured against the local server: 100 of 100 pages
 * requested after 3 were pulled, also with {@code maxBufferedItemCount} and {@code maxDegreeOfParallelism} set;
 * see azure-sdk-for-java issue 41215). Holding it open would read, bill and buffer a whole container behind the
 * first screen. A page from a token costs one query-plan request more than an open stream would.
 *
 * <p>After {@link #readAhead()}, each page delivered asks for the next one at once (one page ahead, by token), so
 * the next page loads while the caller is still showing this one instead of after it asks. The next page is asked for
 * as soon as this page's continuation token is in, before this page's rows are made ({@link PageReply}), so making
 * the rows (a few ms per 1,000 items) overlaps the server's work on the next page instead of delaying it.
 */
final class TokenPageStream implements ItemPageStream {

    private final String action;
    private final Function<String, Mono<PageReply>> readPage;

    private volatile String continuationToken;
    private boolean ended;
    private volatile boolean closed;
    private volatile Disposable inFlight;
    private volatile CompletableFuture<PageReply> waiting;
    private volatile boolean readAhead;
    /** The page after the last delivered, asked for already (read-ahead); null when none is. */
    private CompletableFuture<PageReply> ahead;

    /**
     * A page as the service answered it: its continuation token at once, its rows made when {@link #page} is called
     * (once, on the caller's thread).
     */
    record PageReply(String continuationToken, Supplier<ItemPage> page) {
        static PageReply of(ItemPage page) {
            return new PageReply(page.continuationToken(), () -> page);
        }
    }

    /** @param readPage the page at a continuation token (null: the first page), sent when subscribed */
    TokenPageStream(String action, String startToken, Function<String, Mono<ItemPage>> readPage) {
        this(token -> readPage.apply(token).map(PageReply::of), action, startToken);
    }

    /** @param readReply the answer for the page at a continuation token (null: the first page), sent when subscribed */
    static TokenPageStream ofReplies(String action, String startToken, Function<String, Mono<PageReply>> readReply) {
        return new TokenPageStream(readReply, action, startToken);
    }

    private TokenPageStream(Function<String, Mono<PageReply>> readReply, String action, String startToken) {
        this.action = action;
        this.continuationToken = startToken;
        this.readPage = readReply;
    }

    @Override
    public synchronized ItemPage next() {
        if (closed) {
            throw new CancellationException("The page stream was closed.");
        }
        if (ended) {
            throw new IllegalStateException("The query has no more pages.");
        }
        CompletableFuture<PageReply> reply = ahead != null ? ahead : request(continuationToken);
        ahead = null;
        waiting = reply;
        if (closed) { // closed while the page was being asked for: it may have missed this one
            dispose();
            throw new CancellationException("The page stream was closed.");
        }
        PageReply answer;
        try {
            answer = reply.get();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for a page.");
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw CosmosErrors.map(action, e.getCause());
        } finally {
            inFlight = null;
            waiting = null;
        }
        continuationToken = answer.continuationToken();
        ended = continuationToken == null;
        if (readAhead && !ended) {
            ahead = request(continuationToken); // before this page's rows are made: the server starts on it now
            if (closed) { // closed meanwhile: close() may have missed the page just asked for
                dispose();
            }
        }
        try {
            return answer.page().get();
        } catch (RuntimeException e) {
            close();
            throw CosmosErrors.map(action, e);
        }
    }

    /** Asks for the page at {@code token}; the reply completes when it is in. */
    private CompletableFuture<PageReply> request(String token) {
        CompletableFuture<PageReply> reply = new CompletableFuture<>();
        inFlight = readPage.apply(token).subscribe(reply::complete, reply::completeExceptionally);
        return reply;
    }

    private void dispose() {
        Disposable loading = inFlight;
        if (loading != null) {
            loading.dispose();
        }
    }

    @Override
    public void readAhead() {
        readAhead = true;
    }

    @Override
    public String continuationToken() {
        return continuationToken;
    }

    @Override
    public void close() {
        closed = true;
        dispose();
        CompletableFuture<PageReply> reply = waiting;
        if (reply != null) {
            reply.completeExceptionally(new CancellationException("The page stream was closed."));
        }
    }
}
