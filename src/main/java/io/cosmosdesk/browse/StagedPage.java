package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.List;

/**
 * The rows of a shown page not yet in the grid, added in later frames: one more part per frame for the first
 * few frames, then all the rest. The load stays current (busy, so no next page is asked for) until the last
 * row is in; a new query or a close drops it, a stop adds all of it at once.
 */
final class StagedPage implements Runnable {

    private final ItemPaging paging;
    private final ItemPage page;
    private final List<ItemRow> items;
    private final Object load;
    private final int rowsPerFrame;
    private final int stagedFrames;
    private int next;
    private int frame = 1;

    /** {@code next}: the rows before it are in the grid already. */
    StagedPage(ItemPaging paging, ItemPage page, List<ItemRow> items, Object load, int next, int stagedFrames) {
        this.paging = paging;
        this.page = page;
        this.items = items;
        this.load = load;
        this.next = next;
        this.rowsPerFrame = next;
        this.stagedFrames = stagedFrames;
    }

    @Override
    public void run() {
        addUpTo(frame < stagedFrames ? next + rowsPerFrame : Integer.MAX_VALUE);
        if (paging.isStaging(this)) {
            frame++;
            paging.inNextFrame(this);
        }
    }

    /** Adds every row left now. */
    void finish() {
        addUpTo(Integer.MAX_VALUE);
    }

    private void addUpTo(int end) {
        if (!paging.isShowing(this, load)) {
            return; // a new query or a close came first
        }
        int to = Math.min(items.size(), end);
        // a row the user created meanwhile is not added twice
        paging.addStaged(items.subList(next, to));
        next = to;
        if (to == items.size()) {
            paging.stagedPageShown(page);
        }
    }
}
