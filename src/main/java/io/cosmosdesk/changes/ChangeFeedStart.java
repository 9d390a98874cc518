package io.cosmosdesk.changes;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a live changes session starts reading: the changes made after now, every item from the beginning (its
 * latest version), the items changed since a point in time, or where a saved session stopped.
 */
public record ChangeFeedStart(Kind kind, Instant pointInTime) {

    public enum Kind { NOW, BEGINNING, POINT_IN_TIME, SAVED }

    public ChangeFeedStart {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.POINT_IN_TIME) {
            Objects.requireNonNull(pointInTime, "pointInTime");
        }
    }

    public static ChangeFeedStart now() {
        return new ChangeFeedStart(Kind.NOW, null);
    }

    public static ChangeFeedStart beginning() {
        return new ChangeFeedStart(Kind.BEGINNING, null);
    }

    public static ChangeFeedStart pointInTime(Instant at) {
        return new ChangeFeedStart(Kind.POINT_IN_TIME, at);
    }

    public static ChangeFeedStart saved() {
        return new ChangeFeedStart(Kind.SAVED, null);
    }
}
