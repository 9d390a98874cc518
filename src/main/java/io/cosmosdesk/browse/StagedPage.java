package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.List;

/**
 * The rows of a shown page not yet in the grid, added in later frames: one more part per frame for the first
 * few frames, then all the rest. Its load has ended (the page is in), so the next page may load meanwhile; when
 * that one arrives first, all of this one goes in before it. A new query or a close drops it, a stop adds all of it
 * at once.
 */
final class StagedPage implements Runnable {

    private final ItemPaging paging;
    private final ItemPage page;
    private final List<ItemRow> items;
    private final int rowsPerFrame;
    private final int stagedFrames;
    private int next;
    private int frame = 1;

    /** {@code next}: the rows before it are in the grid already. */
    StagedPage(ItemPaging paging, ItemPage page, List<ItemRow> items, int next, int stagedFrames) {
        this.paging = paging;
        this.page = page;
        this.items = items;
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
        if (!paging.isStaging(this)) {
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
