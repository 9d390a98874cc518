package io.cosmosdesk.changes;

import java.util.Objects;

/**
 * How far the change feed of one feed range has been read: the range (as the SDK writes it) and the continuation
 * its last page returned, or null before the first page (then the session's {@link ChangeFeedStart} applies).
 */
public record FeedCursor(String feedRange, String continuation) {

    public FeedCursor {
        Objects.requireNonNull(feedRange, "feedRange");
    }

    public FeedCursor advancedTo(String next) {
        return new FeedCursor(feedRange, next == null ? continuation : next);
    }
}
