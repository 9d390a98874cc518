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
}
