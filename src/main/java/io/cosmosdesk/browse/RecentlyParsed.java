package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rows keep their JSON as compact text; the grid's cells read values from the parsed tree. Each row is parsed
 * at most once while it stays among the {@code size} most recently used (those on screen, as it scrolls).
 */
final class RecentlyParsed {

    private final Map<ItemRow, JsonNode> parsed;

    RecentlyParsed(int size) {
        parsed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ItemRow, JsonNode> eldest) {
                return size() > size;
            }
        };
    }

    JsonNode of(ItemRow row) {
        return parsed.computeIfAbsent(row, ItemRow::json);
    }

    void forget(Set<ItemRef> gone) {
        parsed.keySet().removeIf(row -> gone.contains(row.ref()));
    }

    void clear() {
        parsed.clear();
    }
}
