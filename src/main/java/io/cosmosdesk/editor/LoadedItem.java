package io.cosmosdesk.editor;

import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemVersion;

/** A version read or written on a background thread, with its pretty text computed there too. */
record LoadedItem(ItemVersion version, String text) {

    static LoadedItem of(ItemVersion version) {
        return new LoadedItem(version, ItemJson.pretty(ItemContent.withoutSystemProperties(version.json())));
    }
}
