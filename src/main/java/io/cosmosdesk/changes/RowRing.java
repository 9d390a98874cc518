package io.cosmosdesk.changes;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The rows a Live changes table shows, oldest first, in a ring of fixed capacity: the newest rows go in at the end
 * and the oldest leave from the front in place, in one change to the list (what was dropped, then what was added),
 * each costing only the rows that moved. An {@code ArrayList}-backed list removes a range from the front one element
 * at a time, each shifting all the others: under thousands of changes a second, with the table full, that was
 * hundreds of passes over ten thousand rows per hand-over. Read-only to everyone else; UI thread only.
 */
final class RowRing extends ObservableListBase<ChangeRow> {

    private final ChangeRow[] ring;
    private int head;
    private int size;

    RowRing(int capacity) {
        ring = new ChangeRow[capacity];
    }

    @Override
    public ChangeRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " of " + size);
        }
        return ring[(head + index) % ring.length];
    }

    @Override
    public int size() {
        return size;
    }

    int capacity() {
        return ring.length;
    }

    /**
     * Drops the {@code drop} oldest rows and adds {@code added} (at most the capacity once the drop is done) at the
     * end, as one change.
     */
    void dropAndAdd(int drop, List<ChangeRow> added) {
        if (drop > size || size - drop + added.size() > ring.length) {
            throw new IllegalArgumentException("dropping " + drop + " of " + size + " and adding " + added.size()
                    + " does not fit " + ring.length);
        }
        if (drop == 0 && added.isEmpty()) {
            return;
        }
        beginChange();
        if (drop > 0) {
            List<ChangeRow> removed = new ArrayList<>(drop);
            for (int i = 0; i < drop; i++) {
                int at = (head + i) % ring.length;
                removed.add(ring[at]);
                ring[at] = null;
            }
            head = (head + drop) % ring.length;
            size -= drop;
            nextRemove(0, removed);
        }
        if (!added.isEmpty()) {
            int from = size;
            for (ChangeRow row : added) {
                ring[(head + size) % ring.length] = row;
                size++;
            }
            nextAdd(from, size);
        }
        endChange();
    }

    /** Forgets every row, as one change. */
    void removeEverything() {
        dropAndAdd(size, List.of());
        head = 0;
    }
}
