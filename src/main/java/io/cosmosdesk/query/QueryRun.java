package io.cosmosdesk.query;

import java.util.concurrent.CancellationException;

/**
 * The pages of one run of a query, one per {@link #next()}, nothing read before it is asked for (unless
 * {@link #readAhead} is on). {@link #next()} blocks: call it through the TaskRunner, one call at a time;
 * {@link #close()} and {@link #stop} may come from any thread and also stop a page in flight.
 */
public interface QueryRun extends AutoCloseable {

    /**
     * The next page (empty pages on the way are skipped and their RU counted).
     *
     * @throws QueryException when the query failed or a guard stopped it (the run is then over, except that
     *         {@link #extendLimit()} lets a run stopped by the request-unit limit go on)
     * @throws IllegalStateException when there are no more pages
     * @throws CancellationException when the run was closed, also while waiting
     */
    QueryPage next();

    /** Whether {@link #next()} may give another page. */
    boolean hasMore();

    /** Everything read so far. */
    QueryTotals totals();

    /**
     * While on, pages come from one open SDK stream that reads ahead as fast as the service answers: for Load all and
     * exports, where every page is wanted anyway. It stops at the request-unit limit (pages the SDK had read ahead
     * by then are billed but not shown) and when turned off, and paging carries on from the last page delivered.
     * Off by default, so a user reading page 1 pays for page 1 only.
     */
    void readAhead(boolean on);

    /**
     * Hears each wait before a throttled page is retried, while it waits (on the thread calling {@link #next()}).
     * Only runs that retry throttling themselves call it; others may report retries in {@link QueryPage#retries()}.
     */
    default void onThrottled(java.util.function.Consumer<QueryThrottle> listener) {
    }

    /**
     * Load all: reads every remaining page with read-ahead on, handing each page (and each throttled wait) to
     * {@code publish}, until the last page or {@code stop}; read-ahead is off again afterwards.
     */
    default void readRest(java.util.function.Consumer<Object> publish, java.util.function.BooleanSupplier stop) {
        readAhead(true);
        onThrottled(publish::accept);
        try {
            while (hasMore() && !stop.getAsBoolean()) {
                publish.accept(next());
            }
        } finally {
            readAhead(false);
        }
    }

    /**
     * Whether pages after the first ask the service for query metrics (the first page always does). Off by default:
     * metrics cost the service and the client time on every page (the local server paged 14-40 % slower with them);
     * {@link QueryTotals#metricsPages()} says which pages the summed metrics cover. Applies to pages read from now on
     * (a read-ahead stream already open keeps what it was opened with).
     */
    default void metricsForEveryPage(boolean on) {
    }

    /** After the request-unit limit stopped the run: allows another limit's worth of RU. */
    void extendLimit();

    /**
     * Esc: stops the page being read (or Load all) without ending the run, so Next and Load all go on later from the
     * page after the {@code kept.pages()} pages the caller kept ({@code kept}: the totals of those pages). May come
     * from any thread while {@link #next()} runs. A run that cannot go on closes instead ({@link #hasMore()} false).
     */
    default void stop(QueryTotals kept) {
        close();
    }

    /** Stops the run: nothing more is fetched. Idempotent. */
    @Override
    void close();
}
