package io.cosmosdesk.changes;

import java.util.Locale;

/**
 * What an all-versions-and-deletes change was (the feed's {@code metadata.operationType}); with its log sequence
 * number, and whether a delete was the container's time to live expiring rather than a client's delete.
 */
public record ChangeOperation(Type type, long lsn, boolean timeToLiveExpired) {

    public enum Type { CREATE, REPLACE, DELETE }

    /** {@code create}, {@code replace}, {@code delete} (any case); null for a type this version does not know. */
    static Type typeOf(String operationType) {
        try {
            return operationType == null ? null : Type.valueOf(operationType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
