package io.cosmosdesk.changes;

import java.util.List;

/**
 * What one round of reading produced: the rows in arrival order (each feed range's changes in their order), the
 * cursors to read on from, and whether a page came back full (read again at once).
 */
public record ChangeBatch(List<ChangeRow> rows, List<FeedCursor> cursors, boolean moreWaiting) {

    public ChangeBatch {
        rows = List.copyOf(rows);
        cursors = List.copyOf(cursors);
    }

    /** This round's rows then {@code next}'s (read from this round's cursors), with {@code next}'s cursors. */
    public ChangeBatch followedBy(ChangeBatch next) {
        List<ChangeRow> all = new java.util.ArrayList<>(rows.size() + next.rows().size());
        all.addAll(rows);
        all.addAll(next.rows());
        return new ChangeBatch(all, next.cursors(), next.moreWaiting());
    }
}
