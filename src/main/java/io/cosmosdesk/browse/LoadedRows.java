package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Rules for the rows the grid has loaded: each item shows once. The items loaded are kept as a set that follows
 * the rows through every change, so checking a page costs the page, not every row loaded so far (at 100,000 rows
 * that was 100,000 hashes on the UI thread per page).
 */
final class LoadedRows {

    private final Set<ItemRef> loaded = new HashSet<>();

    /** Follows {@code rows} from now on (they must be empty, or are taken as they are). */
    LoadedRows(ObservableList<ItemRow> rows) {
        rows.forEach(row -> loaded.add(row.ref()));
        rows.addListener((ListChangeListener<ItemRow>) change -> {
            if (change.getList().isEmpty()) {
                // a new query or a refresh drops every row: one clear, not a look-up per row (after 100,000 rows
                // those were a fifth of the UI thread's samples in BrowseBenchmark's tab pass)
                loaded.clear();
                return;
            }
            while (change.next()) {
                for (ItemRow removed : change.getRemoved()) {
                    loaded.remove(removed.ref());
                }
                for (ItemRow added : change.getAddedSubList()) {
                    loaded.add(added.ref());
                }
            }
        });
    }

    /** Replaces the row of {@code updated}'s item, or puts it first when it has none. */
    static void upsert(List<ItemRow> rows, ItemRow updated) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ref().equals(updated.ref())) {
                rows.set(i, updated);
                return;
            }
        }
        rows.add(0, updated);
    }

    /**
     * The rows of {@code page} not loaded already. A row can come twice: one the user created or saved was put in
     * locally (see {@link #upsert}), and a later page of the same query brings it again, maybe at another place
     * under a sort. Each item shows once, where it is already, so the status counts distinct items.
     */
    List<ItemRow> notLoadedYet(List<ItemRow> page) {
        if (loaded.isEmpty() && page.size() < 2) {
            return page;
        }
        Set<ItemRef> inPage = new HashSet<>(page.size() * 2);
        return page.stream().filter(row -> !loaded.contains(row.ref()) && inPage.add(row.ref())).toList();
    }
}
