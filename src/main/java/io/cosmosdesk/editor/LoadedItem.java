package io.cosmosdesk.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemVersion;

/** A version read or written on a background thread, with its pretty text computed there too. */
record LoadedItem(ItemVersion version, String text) {

    static LoadedItem of(ItemVersion version) {
        return new LoadedItem(version, ItemJson.pretty(printedFields(version.json())));
    }

    /**
     * The item without its system properties, for printing only: a new top-level object over the same values (not
     * {@link ItemContent#withoutSystemProperties}'s deep copy, which for a 2 MB item allocated a second tree of
     * ~150,000 nodes per open just to be printed and dropped).
     */
    private static ObjectNode printedFields(ObjectNode json) {
        ObjectNode fields = ItemJson.newObject();
        fields.setAll(json);
        fields.remove(ItemContent.SYSTEM_PROPERTIES);
        return fields;
    }
}
