package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules for the rows the grid has loaded: each item shows once. */
final class LoadedRows {

    private LoadedRows() {
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
     * The rows of {@code page} not in {@code rows} already. A row can come twice: one the user created or saved
     * was put in locally (see {@link #upsert}), and a later page of the same query brings it again, maybe at
     * another place under a sort. Each item shows once, where it is already, so the status counts distinct items.
     */
    static List<ItemRow> notLoadedYet(List<ItemRow> rows, List<ItemRow> page) {
        if (rows.isEmpty() && page.size() < 2) {
            return page;
        }
        Set<ItemRef> seen = new HashSet<>(rows.size() + page.size());
        rows.forEach(row -> seen.add(row.ref()));
        return page.stream().filter(row -> seen.add(row.ref())).toList();
    }
}
