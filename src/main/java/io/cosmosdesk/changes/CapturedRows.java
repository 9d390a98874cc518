package io.cosmosdesk.changes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;

/**
 * The rows a Live changes tab holds, newest last, within a memory budget: at most {@link #MAX_ROWS} rows and
 * {@link #MAX_BODY_CHARS} characters of item bodies; older rows are dropped and counted. While paused, arriving
 * rows wait aside (within the same budget) and are shown, in order, on resume. UI thread only.
 */
public final class CapturedRows {

    public static final int MAX_ROWS = 10_000;
    /** About 50 MB of JSON text: ten thousand 5 KB items, or fifty-five of the largest (2 MB) ones. */
    public static final long MAX_BODY_CHARS = 50_000_000L;

    private final int maxRows;
    private final long maxChars;
    private final RowRing rows;
    private final Deque<ChangeRow> waiting = new ArrayDeque<>();
    private long shownChars;
    private long waitingChars;
    private boolean paused;

    // Properties
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper();
    private long droppedBeforeShown;

    public CapturedRows(int maxRows, long maxChars) {
        this.maxRows = maxRows;
        this.maxChars = maxChars;
        this.rows = new RowRing(maxRows);
    }

    /** The rows shown, oldest first. */
    public ObservableList<ChangeRow> rows() {
        return rows;
    }

    /** Every row captured since the tab opened (shown, waiting or dropped). */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Older rows no longer kept. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public long droppedCount() {
        return dropped.get();
    }

    /**
     * Of the older rows counted only, those never shown at all: read while the UI thread was behind by more than the
     * row budget, so newer rows replaced them before their turn came.
     */
    public long droppedBeforeShown() {
        return droppedBeforeShown;
    }

    /** Rows that arrived while paused, not shown yet. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waitingCount.getReadOnlyProperty();
    }

    /** "1,234 changes", with how many are kept and how many older ones only counted once some were dropped. */
    public String describeCounts() {
        long all = total.get();
        String counts = String.format("%,d %s", all, all == 1 ? "change" : "changes");
        if (dropped.get() > 0) {
            counts += String.format(" (newest %,d kept, %,d older counted only%s)", maxRows, dropped.get(),
                    droppedBeforeShown == 0 ? "" : String.format(", %,d of them never shown: they came faster than "
                            + "the list could show them", droppedBeforeShown));
        }
        return counts;
    }

    public boolean isPaused() {
        return paused;
    }

    // Commands

    /** Adds rows in arrival order: shown at once (one change to the list), or set aside while paused. */
    public void add(List<ChangeRow> arrived) {
        add(arrived, 0);
    }

    /**
     * {@link #add}, after {@code droppedEarlier} rows that came before them and were dropped on the way (older than
     * the newest {@code maxRows}): counted in the total and as dropped.
     */
    public void add(List<ChangeRow> arrived, long droppedEarlier) {
        if (droppedEarlier > 0) {
            total.set(total.get() + droppedEarlier);
            dropped.set(dropped.get() + droppedEarlier);
            droppedBeforeShown += droppedEarlier;
        }
        if (arrived.isEmpty()) {
            return;
        }
        total.set(total.get() + arrived.size());
        if (paused) {
            for (ChangeRow row : arrived) {
                waiting.addLast(row);
                waitingChars += row.bodyChars();
            }
            // the newest are kept: the shown rows are older than anything waiting, so they go first
            int excess = rows.size() + waiting.size() - maxRows;
            long chars = shownChars + waitingChars;
            int fromShown = 0;
            while ((excess > 0 || chars > maxChars) && fromShown < rows.size()) {
                chars -= rows.get(fromShown).bodyChars();
                fromShown++;
                excess--;
            }
            dropShown(fromShown);
            long over = 0;
            while ((excess > 0 || shownChars + waitingChars > maxChars) && waiting.size() > 1) {
                waitingChars -= waiting.removeFirst().bodyChars();
                excess--;
                over++;
            }
            dropped.set(dropped.get() + over);
            waitingCount.set(waiting.size());
            return;
        }
        show(arrived);
    }

    public void pause() {
        paused = true;
    }

    /** Shows what waited, in order. */
    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        List<ChangeRow> held = new ArrayList<>(waiting);
        waiting.clear();
        waitingChars = 0;
        waitingCount.set(0);
        show(held);
    }

    /** Forgets every row kept (shown and waiting); the counts start again. */
    public void clear() {
        rows.removeEverything();
        waiting.clear();
        shownChars = 0;
        waitingChars = 0;
        total.set(0);
        dropped.set(0);
        droppedBeforeShown = 0;
        waitingCount.set(0);
    }

    /** Every row kept, shown then waiting, oldest first: what an export writes. */
    public List<ChangeRow> snapshot() {
        List<ChangeRow> all = new ArrayList<>(rows.size() + waiting.size());
        all.addAll(rows);
        all.addAll(waiting);
        return all;
    }

    /** Shows {@code arrived} after the rows shown, dropping the oldest beyond the budget, in one change. */
    private void show(List<ChangeRow> arrived) {
        if (arrived.isEmpty()) {
            return;
        }
        List<ChangeRow> kept = arrived;
        if (arrived.size() > maxRows) {
            kept = arrived.subList(arrived.size() - maxRows, arrived.size());
            dropped.set(dropped.get() + arrived.size() - maxRows);
        }
        long chars = shownChars;
        for (ChangeRow row : kept) {
            chars += row.bodyChars();
        }
        int drop = Math.max(0, rows.size() + kept.size() - maxRows);
        for (int i = 0; i < drop; i++) {
            chars -= rows.get(i).bodyChars();
        }
        // over the character budget: the oldest go too, shown ones first, the newest row always stays
        int all = rows.size() + kept.size();
        while (chars > maxChars && drop < all - 1) {
            chars -= (drop < rows.size() ? rows.get(drop) : kept.get(drop - rows.size())).bodyChars();
            drop++;
        }
        int fromShown = Math.min(drop, rows.size());
        rows.dropAndAdd(fromShown, kept.subList(drop - fromShown, kept.size()));
        shownChars = chars;
        dropped.set(dropped.get() + drop);
    }

    private void dropShown(int count) {
        if (count <= 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            shownChars -= rows.get(i).bodyChars();
        }
        rows.dropAndAdd(count, List.of());
        dropped.set(dropped.get() + count);
    }
}
