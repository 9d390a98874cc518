package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@link QueryRun} reading each page with one query execution from the previous page's continuation token.
 *
 * <p>Why not one SDK {@code byPage} stream held open for the run: azure-cosmos 4.81 ignores the subscriber's demand
 * and drains the query in the background (measured on the local server: with one page requested at a time and 3
 * pulled, all 30 of 30 pages of a cross-partition query and 15 of 15 single-partition pages were requested within
 * 3 s; see also {@code TokenPageStream}). An open stream would read, bill and buffer what the user never asked for
 * and make the request-unit limit meaningless. While {@link #readAhead} is on (Load all, where every page is
 * wanted), pages come from one open SDK stream instead, which the SDK reads ahead at full speed; it is disposed as
 * soon as the request-unit limit is reached or read-ahead is turned off, and paging carries on by token from the
 * last page delivered. What the SDK had read ahead by then is billed but not counted or shown.
 */
final class PagedQueryRun implements QueryRun {

    /** Reads the page at a continuation token (null: the first), stopping early once {@code budget} RU are spent. */
    @FunctionalInterface
    interface PageReader {
        Mono<QueryService.PageRead> read(String continuationToken, double budget, boolean first, boolean metrics);
    }

    /** Every page from a continuation token on through one open SDK stream, with or without query metrics. */
    @FunctionalInterface
    interface PageStreamer {
        Flux<FeedResponse<JsonNode>> stream(String continuationToken, boolean metrics);
    }

    private final QueryRequest request;
    private final QueryGuards guards;
    private final PageReader reader;
    private final PageStreamer streamer;
    private final BiFunction<List<FeedResponse<JsonNode>>, Duration, QueryService.PageRead> converter;
    private volatile Disposable stream;
    private volatile BlockingQueue<Object> streamed;
    private long lastDelivered;

    private String continuationToken;
    private boolean started;
    private volatile boolean ended;
    private volatile double limit;
    private volatile boolean readAhead;
    private volatile boolean metricsForEveryPage;
    private volatile boolean closed;
    private volatile QueryTotals totals = QueryTotals.NONE;
    private volatile Disposable inFlight;
    private volatile CompletableFuture<QueryService.PageRead> pending;
    private volatile CompletableFuture<QueryService.PageRead> waiting;
    private volatile java.util.function.Consumer<QueryThrottle> throttled = t -> { };
    /** The continuation token after each page delivered, in order (null after the last): where a stop goes back to. */
    private final List<String> tokens = new ArrayList<>();
    /** Set by {@link #stop}: the pages kept, applied by the next {@link #next()}. */
    private volatile QueryTotals rewindTo;
    /** How many stops were asked for, and how many when the {@link #next()} in progress began. */
    private volatile int stops;
    private volatile int servingStops;

    PagedQueryRun(QueryRequest request, QueryGuards guards, PageReader reader,
            PageStreamer streamer,
            BiFunction<List<FeedResponse<JsonNode>>, Duration, QueryService.PageRead> converter) {
        this.request = request;
        this.guards = guards;
        this.reader = reader;
        this.streamer = streamer;
        this.converter = converter;
        this.limit = guards.requestUnitLimit();
    }

    @Override
    public synchronized QueryPage next() {
        if (closed) {
            throw new CancellationException("The query run was closed.");
        }
        servingStops = stops;
        goBackAfterStop();
        if (ended) {
            throw new IllegalStateException("The query has no more pages.");
        }
        if (readAhead && streamer != null) {
            Retries retries = new Retries();
            return deliver(fromStream(retries), retries.made);
        }
        CompletableFuture<QueryService.PageRead> reply = pending;
        if (reply == null) {
            checkLimit();
            reply = fetch();
        }
        Retries retries = new Retries();
        QueryService.PageRead read;
        while (true) {
            waiting = reply;
            if (halted()) { // stopped between the check above and now: stop() may have missed this reply
                reply.completeExceptionally(new CancellationException("The query run was stopped."));
            }
            try {
                read = reply.get();
                break;
            } catch (InterruptedException e) {
                throw interrupted();
            } catch (ExecutionException e) {
                if (halted()) {
                    throw new CancellationException(closed ? "The query run was closed." : "The query was stopped.");
                }
                if (!retries.afterThrottling(e.getCause())) {
                    ended = true;
                    close();
                    throw failure(e.getCause());
                }
                reply = fetch(); // the same page again, from the same continuation token
            } finally {
                pending = null;
                waiting = null;
                inFlight = null;
            }
        }
        return deliver(read, retries.made);
    }

    @Override
    public void onThrottled(java.util.function.Consumer<QueryThrottle> listener) {
        this.throttled = listener == null ? t -> { } : listener;
    }

    /**
     * The retries of one page after 429s: each waits the service's retry-after (told to the listener first), as
     * often as the settings allow and no longer in all than their maximum wait.
     */
    private final class Retries {
        int made;
        Duration waited = Duration.ZERO;

        /** Waits and answers true when {@code error} is a 429 to retry; false for anything else or when spent. */
        boolean afterThrottling(Throwable error) {
            if (!(CosmosErrors.unwrap(error) instanceof com.azure.cosmos.CosmosException cosmos)
                    || cosmos.getStatusCode() != 429 || made >= guards.retryAttempts() || halted()) {
                return false;
            }
            Duration wait = cosmos.getRetryAfterDuration() == null || cosmos.getRetryAfterDuration().isZero()
                    ? Duration.ofMillis(100L * (made + 1)) : cosmos.getRetryAfterDuration();
            if (waited.plus(wait).compareTo(guards.retryMaxWait()) > 0) {
                return false;
            }
            made++;
            waited = waited.plus(wait);
            throttled.accept(new QueryThrottle(made, guards.retryAttempts(), wait));
            long until = System.nanoTime() + wait.toNanos();
            try {
                for (long left = wait.toNanos(); left > 0 && !halted(); left = until - System.nanoTime()) {
                    Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            } catch (InterruptedException e) {
                throw interrupted();
            }
            if (halted()) {
                throw new CancellationException("The query was stopped.");
            }
            return true;
        }
    }

    private QueryPage deliver(QueryService.PageRead read, int ownRetries) {
        started = true;
        lastDelivered = System.nanoTime();
        continuationToken = read.continuationToken();
        ended = continuationToken == null;
        synchronized (tokens) {
            tokens.add(continuationToken);
        }
        QueryTotals before = totals;
        QueryPage page = new QueryPage(before.pages() + 1, before.results(), read.results(), !ended,
                read.requestCharge(), read.roundTrips() + ownRetries, read.retries() + ownRetries, read.duration(),
                read.activityId(),
                read.metrics(), read.advice());
        totals = before.plus(page);
        if (ended || (limit > 0 && totals.requestCharge() >= limit)) {
            stopStream();
        }
        return page;
    }

    /** The next page of the open stream (opened from the current token if needed), empty pages merged in. */
    private QueryService.PageRead fromStream(Retries retries) {
        checkLimit();
        BlockingQueue<Object> queue = streamed;
        if (queue == null) {
            queue = openStream();
        }
        List<FeedResponse<JsonNode>> pages = new ArrayList<>();
        long since = lastDelivered;
        try {
            while (true) {
                Object next = queue.poll(guards.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (halted()) {
                    throw new CancellationException("The query was stopped.");
                }
                if (next == null) {
                    ended = true;
                    stopStream();
                    throw failure(new TimeoutException());
                }
                if (next instanceof StreamFailure failed) {
                    stopStream();
                    if (retries.afterThrottling(failed.error())) {
                        pages.clear(); // empty pages after the last one delivered: read again from its token
                        queue = openStream();
                        continue;
                    }
                    ended = true;
                    throw failure(failed.error());
                }
                if (next == StreamEnd.END) {
                    if (pages.isEmpty()) { // the SDK ended without a last page: an empty one ends the run
                        ended = true;
                        stopStream();
                        return converter.apply(List.of(), Duration.ofNanos(System.nanoTime() - since));
                    }
                    break;
                }
                @SuppressWarnings("unchecked")
                FeedResponse<JsonNode> page = (FeedResponse<JsonNode>) next;
                pages.add(page);
                if (!page.getResults().isEmpty() || page.getContinuationToken() == null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        return converter.apply(pages, Duration.ofNanos(System.nanoTime() - since));
    }

    /** Opens the SDK stream from the last page delivered. */
    private BlockingQueue<Object> openStream() {
        BlockingQueue<Object> opened = new LinkedBlockingQueue<>();
        streamed = opened;
        lastDelivered = System.nanoTime();
        stream = streamer.stream(continuationToken, metricsForEveryPage || totals.pages() == 0).subscribe(opened::add,
                error -> opened.add(new StreamFailure(error)), () -> opened.add(StreamEnd.END));
        return opened;
    }

    private record StreamFailure(Throwable error) {
    }

    private enum StreamEnd { END }

    private void stopStream() {
        Disposable open = stream;
        stream = null;
        streamed = null;
        if (open != null) {
            open.dispose();
        }
    }

    private void checkLimit() {
        if (limit > 0 && totals.requestCharge() >= limit) {
            QueryTotals t = totals;
            throw new QueryException(QueryException.Reason.REQUEST_UNIT_LIMIT, ErrorKind.UNKNOWN, String.format(Locale.ROOT,
                    "Stopped at the request-unit limit of %,.0f RU for one run: %,d results in %,d pages read for "
                            + "%,.2f RU. Go on to allow another %,.0f RU, or change the limit in Settings.",
                    limit, t.results(), t.pages(), t.requestCharge(), guards.requestUnitLimit()), null, null);
        }
    }

    private CompletableFuture<QueryService.PageRead> fetch() {
        CompletableFuture<QueryService.PageRead> reply = new CompletableFuture<>();
        double budget = limit > 0 ? limit - totals.requestCharge() : Double.MAX_VALUE;
        boolean first = !started && totals.pages() == 0;
        Disposable subscription = reader.read(continuationToken, budget, first, first || metricsForEveryPage)
                .timeout(guards.timeout())
                .subscribe(reply::complete, reply::completeExceptionally);
        inFlight = subscription;
        if (halted()) {
            subscription.dispose();
            reply.completeExceptionally(new CancellationException("The query was stopped."));
        }
        return reply;
    }

    private RuntimeException failure(Throwable error) {
        Throwable cause = CosmosErrors.unwrap(error);
        if (cause instanceof CancellationException cancelled) {
            return cancelled;
        }
        if (cause instanceof QueryInputException input) {
            return input;
        }
        if (cause instanceof TimeoutException) {
            return new QueryException(QueryException.Reason.TIMEOUT, ErrorKind.TIMEOUT, String.format(Locale.ROOT,
                    "The query did not answer within %d s (the query timeout in Settings). Results read before "
                            + "stay; narrow the query or raise the timeout.", guards.timeout().toSeconds()),
                    null, cause);
        }
        CosmosDeskException mapped = CosmosErrors.map("Running the query on " + request.handle().ref(), cause);
        if (mapped.kind() == ErrorKind.CANCELLED) {
            return new CancellationException("Cancelled.");
        }
        if (mapped.kind() == ErrorKind.BAD_REQUEST) {
            String message = mapped.userMessage().replaceFirst("^Cosmos DB rejected the request: ", "");
            QuerySyntaxError position = QuerySyntaxError.find(serviceText(cause), request.text(), message)
                    .orElse(null);
            if (position != null) {
                return new QueryException(QueryException.Reason.SYNTAX_ERROR, mapped.kind(),
                        position.describe(), position, mapped);
            }
            return new QueryException(QueryException.Reason.FAILED, mapped.kind(), "The query was rejected: "
                    + message, null, mapped);
        }
        if (mapped.kind() == ErrorKind.THROTTLED) {
            return new QueryException(QueryException.Reason.THROTTLED, mapped.kind(), mapped.userMessage(), null,
                    mapped);
        }
        return new QueryException(QueryException.Reason.FAILED, mapped.kind(), mapped.userMessage(), null, mapped);
    }

    private static String serviceText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Override
    public boolean hasMore() {
        if (closed) {
            return false;
        }
        QueryTotals back = rewindTo;
        if (back != null) {
            synchronized (tokens) {
                int kept = Math.min(back.pages(), tokens.size());
                return kept == 0 || tokens.get(kept - 1) != null;
            }
        }
        return !ended;
    }

    @Override
    public QueryTotals totals() {
        return totals;
    }

    @Override
    public void readAhead(boolean on) {
        readAhead = on;
        if (!on) {
            stopStream(); // paging goes on by token from the last page delivered
        }
    }

    @Override
    public void metricsForEveryPage(boolean on) {
        metricsForEveryPage = on;
    }

    @Override
    public void extendLimit() {
        if (limit > 0) {
            limit = totals.requestCharge() + guards.requestUnitLimit();
        }
    }

    /**
     * Stops the page in flight (or Load all) without ending the run: the next {@link #next()} goes on from the page
     * after the {@code kept.pages()} pages the caller kept. A page this run delivered that the caller never took (it
     * came as the user stopped) is read again then, and billed again.
     */
    @Override
    public void stop(QueryTotals kept) {
        rewindTo = kept;
        stops++; // only the UI thread stops a run
        halt();
    }

    /** True when the {@link #next()} in progress should give up: the run was closed or stopped since it began. */
    private boolean halted() {
        return closed || stops != servingStops;
    }

    /** Called by {@link #next()} first: after a stop, the continuation token and totals of the pages kept. */
    private void goBackAfterStop() {
        QueryTotals back = rewindTo;
        if (back == null) {
            return;
        }
        rewindTo = null;
        stopStream();
        int kept;
        synchronized (tokens) {
            kept = Math.min(back.pages(), tokens.size());
            continuationToken = kept == 0 ? null : tokens.get(kept - 1);
            tokens.subList(kept, tokens.size()).clear();
        }
        totals = back;
        started = kept > 0;
        ended = kept > 0 && continuationToken == null;
    }

    /** The thread reading was interrupted: a stop (the run goes on later) or the end of the run. */
    private CancellationException interrupted() {
        if (halted()) {
            halt();
        } else {
            close();
        }
        Thread.currentThread().interrupt();
        return new CancellationException("Interrupted while waiting for a page.");
    }

    @Override
    public void close() {
        closed = true;
        halt();
    }

    /** Ends the work in flight: the open stream, the page being read, and a {@link #next()} waiting for either. */
    private void halt() {
        BlockingQueue<Object> queue = streamed;
        stopStream();
        if (queue != null) {
            queue.add(StreamEnd.END); // wakes a next() waiting on the stream
        }
        Disposable loading = inFlight;
        if (loading != null) {
            loading.dispose();
        }
        for (CompletableFuture<QueryService.PageRead> reply : java.util.Arrays.asList(pending, waiting)) {
            if (reply != null) {
                reply.completeExceptionally(new CancellationException("The query run was closed."));
            }
        }
    }
}
