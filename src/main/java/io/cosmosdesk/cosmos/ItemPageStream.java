package io.cosmosdesk.cosmos;

import java.util.concurrent.CancellationException;

/**
 * The pages of one query in order, one page per {@link #next()} (see {@link ItemQueryService#openItemPages}):
 * what a query generation of the Items tab reads from, and closes when it wants no more. Without
 * {@link #readAhead()} at most one page is in flight and none is read ahead.
 *
 * <p>{@link #next()} blocks: call it through the TaskRunner, one call at a time. {@link #close()} may come from
 * any thread, also while a {@code next()} waits: no further page is fetched and the waiting call ends with a
 * {@link CancellationException}. After a failure the stream is closed; {@link #continuationToken()} (the last
 * delivered page's) is where a new stream, or {@link ItemQueryService#queryItemsPage}, carries on.
 */
public interface ItemPageStream extends AutoCloseable {

    /**
     * The next page with items (empty pages on the way are skipped and their RU counted), or the last page of
     * the query, which may be empty. Its continuation token is null when the query has ended.
     *
     * @throws IllegalStateException when the query has ended
     * @throws CancellationException when the stream was closed (also while waiting), or the thread was interrupted
     * @throws CosmosDeskException when the query failed; the stream is then closed
     */
    ItemPage next();

    /**
     * From now on, the pages after the last delivered are asked for before the caller pulls them (at most two ahead,
     * each as soon as the one before it is in), so they load while the caller shows this one. A stop or a new stream
     * starts again at {@link #continuationToken()}, the last delivered page's, and the pages read ahead are then
     * dropped (billed, never shown).
     */
    default void readAhead() {
    }

    /** Where the next page starts (the last delivered page's token, never a page read ahead); null when ended. */
    String continuationToken();

    /** Stops the stream: nothing more is fetched. Idempotent. */
    @Override
    void close();
}
