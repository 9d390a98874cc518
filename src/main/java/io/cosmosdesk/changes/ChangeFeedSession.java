package io.cosmosdesk.changes;

import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of reading for a live changes tab: the next page of every feed range (at once when there are
 * several), turned into rows by the tab's {@link ChangeTracker}. Rounds run one after another on background
 * threads; the cursors they return are only used once the tab has taken the rows, so a round whose answer is
 * dropped (the tab restarted) is read again and nothing is skipped.
 */
final class ChangeFeedSession {

    private final ChangeFeedService service;
    private final ContainerHandle handle;
    private final ChangeFeedStart start;
    private final ChangeTracker tracker;
    private final int pageSize;
    private final FeedMode mode;

    ChangeFeedSession(ChangeFeedService service, ContainerHandle handle, ChangeFeedStart start, ChangeTracker tracker,
            int pageSize, FeedMode mode) {
        this.mode = mode;
        this.service = service;
        this.handle = handle;
        this.start = start;
        this.tracker = tracker;
        this.pageSize = pageSize;
    }

    ContainerHandle handle() {
        return handle;
    }

    FeedMode mode() {
        return mode;
    }

    ChangeFeedStart start() {
        return start;
    }

    /** Reads the next page of each range from {@code cursors}; blocking. */
    ChangeBatch readRound(List<FeedCursor> cursors) {
        List<ChangePage> pages = service.readPages(handle, cursors, start, pageSize, mode);
        List<ChangeRow> rows = new ArrayList<>();
        List<FeedCursor> next = new ArrayList<>();
        boolean more = false;
        synchronized (tracker) {
            for (ChangePage page : pages) {
                for (var item : page.items()) {
                    rows.add(mode == FeedMode.ALL_VERSIONS_AND_DELETES ? tracker.trackVersion(item) : tracker.track(item));
                }
                next.add(page.next());
                more |= page.full();
            }
        }
        return new ChangeBatch(rows, next, more);
    }
}
