package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Instant;

/**
 * One change as the Live changes tab lists it.
 *
 * @param sequence  arrival order in this tab, from 1
 * @param modified  the item's {@code _ts} (whole seconds), or a delete's time; null when it has none
 * @param kind      first seen in this tab, an update of an item seen before, or a delete
 * @param summary   what changed since the version seen before ("new" for the first; what was deleted)
 * @param body      the version as the feed returned it (for a delete: the item as it was deleted, or only its id
 *                  and key when the feed did not give it); kept for export and filters
 * @param bodyChars its size as JSON text, for the memory budget
 * @param operation the all-versions-and-deletes feed's operation and LSN; null in the latest-version mode
 * @param keyText   the partition key as the table shows it, made once on the reading thread (not per cell refresh)
 */
public record ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
        String summary, ObjectNode body, int bodyChars, ChangeOperation operation, String keyText) {

    public enum Kind { NEW, UPDATED, DELETED }

    public ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
            String summary, ObjectNode body, int bodyChars, ChangeOperation operation) {
        this(sequence, modified, id, partitionKey, kind, summary, body, bodyChars, operation, partitionKey.display());
    }

    /** A row of the latest-version feed. */
    public ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
            String summary, ObjectNode body, int bodyChars) {
        this(sequence, modified, id, partitionKey, kind, summary, body, bodyChars, null);
    }

    public ItemRef ref() {
        return new ItemRef(id, partitionKey);
    }

    public boolean isDelete() {
        return kind == Kind.DELETED;
    }
}
