package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rows keep their JSON as compact text; the grid's cells read values from the parsed tree. Each row is parsed
 * at most once, and each of its cells worked out at most once per column, while it stays among the {@code size}
 * most recently used (those on screen, as it scrolls): a grid asks a visible cell's value again on every layout
 * pass, and an unchanged value (the same instance) then costs the cell nothing.
 */
final class RecentlyParsed {

    /** One row's tree (parsed when first needed) and the cells worked out from it, by column instance. */
    private static final class Parsed {
        private JsonNode tree;
        private final Map<ItemColumn, ItemColumn.Cell> cells = new IdentityHashMap<>(8);
    }

    private final Map<ItemRow, Parsed> parsed;

    RecentlyParsed(int size) {
        parsed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ItemRow, Parsed> eldest) {
                return size() > size;
            }
        };
    }

    JsonNode of(ItemRow row) {
        return treeOf(row, entry(row));
    }

    /** The cell of {@code row} in {@code column}: the same instance while the row stays recent. */
    ItemColumn.Cell cellOf(ItemRow row, ItemColumn column) {
        Parsed entry = entry(row);
        ItemColumn.Cell cell = entry.cells.get(column);
        if (cell == null) {
            cell = column.cellOf(row, r -> treeOf(r, entry));
            entry.cells.put(column, cell);
        }
        return cell;
    }

    void forget(Set<ItemRef> gone) {
        parsed.keySet().removeIf(row -> gone.contains(row.ref()));
    }

    void clear() {
        parsed.clear();
    }

    private Parsed entry(ItemRow row) {
        return parsed.computeIfAbsent(row, r -> new Parsed());
    }

    private static JsonNode treeOf(ItemRow row, Parsed entry) {
        if (entry.tree == null) {
            entry.tree = row.json();
        }
        return entry.tree;
    }
}
