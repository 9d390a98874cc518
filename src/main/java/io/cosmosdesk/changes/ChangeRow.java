package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Instant;

/**
 * One change as the Live changes tab lists it.
 *
 * @param sequence  arrival order in this tab, from 1
 * @param modified  the item's {@code _ts} (whole seconds), or null when it has none
 * @param kind      first seen in this tab, or an update of an item seen before
 * @param summary   what changed since the version seen before ("new" for the first)
 * @param body      the version as the feed returned it (kept for export and filters)
 * @param bodyChars its size as JSON text, for the memory budget
 */
public record ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
        String summary, ObjectNode body, int bodyChars) {

    public enum Kind { NEW, UPDATED }

    public ItemRef ref() {
        return new ItemRef(id, partitionKey);
    }
}
