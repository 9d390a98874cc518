package io.cosmosdesk.cosmos;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@link ItemPageStream} that reads each page with one query execution from the previous page's continuation
 * token: without read-ahead exactly one page is in flight per pull and nothing is buffered between pulls.
 *
 * <p>Why not keep one SDK {@code byPage} stream open and request one page at a time: azure-cosmos ignores that
 * demand and drains the whole query in the background (measured against the local server: 100 of 100 pages
 * requested after 3 were pulled, also with {@code maxBufferedItemCount} and {@code maxDegreeOfParallelism} set;
 * see azure-sdk-for-java issue 41215). Holding it open would read, bill and buffer a whole container behind the
 * first screen. A page from a token costs one query-plan request more than an open stream would.
 *
 * <p>After {@link #readAhead()}, pages are asked for ahead of the caller, up to {@value #PAGES_AHEAD} beyond the last
 * delivered (each by the token of the one before it, as soon as that one is in), so the server goes on working while
 * the caller shows a page, and a caller that is late once (a busy UI thread, a GC pause) finds the next page in
 * rather than asked for only then. A page's rows are made when it is delivered ({@link PageReply}), after the pages
 * ahead of it were asked for, so making them (a few ms per 1,000 items) overlaps the server's work.
 */
final class TokenPageStream implements ItemPageStream {

    /** Pages asked for beyond the last delivered, at most, with read-ahead on. */
    static final int PAGES_AHEAD = 2;

    private final String action;
    private final Function<String, Mono<PageReply>> readPage;

    /** Pages asked for and not delivered yet, in order; guarded by itself. */
    private final ArrayDeque<Request> pending = new ArrayDeque<>();
    private volatile String continuationToken;
    private boolean ended;
    private volatile boolean closed;
    private volatile CompletableFuture<PageReply> waiting;
    private volatile boolean readAhead;

    /** One page asked for: its reply, and the subscription that cancels it. */
    private static final class Request {
        final CompletableFuture<PageReply> reply = new CompletableFuture<>();
        volatile Disposable subscription;
    }

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
        Request head;
        synchronized (pending) {
            if (pending.isEmpty()) {
                send(continuationToken);
            }
            head = pending.peekFirst();
        }
        waiting = head.reply;
        if (closed) { // closed while the page was being asked for: it may have missed this one
            disposeAll();
            throw new CancellationException("The page stream was closed.");
        }
        PageReply answer;
        try {
            answer = head.reply.get();
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
            waiting = null;
        }
        synchronized (pending) { // with the token: a reply landing meanwhile asks on from here, not from before
            pending.pollFirst();
            continuationToken = answer.continuationToken();
            ended = continuationToken == null;
        }
        askAhead(); // before this page's rows are made: the server starts on the next ones now
        if (closed) { // closed meanwhile: close() may have missed a page just asked for
            disposeAll();
        }
        try {
            return answer.page().get();
        } catch (RuntimeException e) {
            close();
            throw CosmosErrors.map(action, e);
        }
    }

    /**
     * With read-ahead on: asks for the pages after the last one asked for, while that one is in and fewer than
     * {@link #PAGES_AHEAD} wait undelivered. Called when a page is delivered and when one comes in.
     */
    private void askAhead() {
        synchronized (pending) {
            while (readAhead && !closed && !ended && pending.size() < PAGES_AHEAD) {
                Request last = pending.peekLast();
                String from;
                if (last == null) {
                    from = continuationToken;
                } else if (last.reply.isDone() && !last.reply.isCompletedExceptionally()) {
                    from = last.reply.join().continuationToken();
                    if (from == null) {
                        return; // the query ends with that page
                    }
                } else {
                    return; // still loading (its reply asks on) or failed (the pull that wants it says so)
                }
                send(from);
            }
        }
    }

    /** Asks for the page at {@code token} and queues it (lock held); the reply completes when it is in. */
    private void send(String token) {
        Request request = new Request();
        pending.addLast(request);
        request.subscription = readPage.apply(token).subscribe(reply -> {
            request.reply.complete(reply);
            askAhead();
        }, request.reply::completeExceptionally);
    }

    private void disposeAll() {
        List<Request> requests;
        synchronized (pending) {
            requests = List.copyOf(pending);
        }
        for (Request request : requests) {
            Disposable subscription = request.subscription;
            if (subscription != null) {
                subscription.dispose();
            }
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
        disposeAll();
        CompletableFuture<PageReply> reply = waiting;
        if (reply != null) {
            reply.completeExceptionally(new CancellationException("The page stream was closed."));
        }
    }
}
