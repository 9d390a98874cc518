package io.cosmosdesk.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One change as the Live changes tab lists it.
 *
 * <p>The version is kept as its compact UTF-8 JSON, one array per row, not as a Jackson tree: a tab holds ten
 * thousand rows and the tracker twice as many versions, and every young collection copied each tree's dozens of
 * small objects while the rows were young (G1 pauses of 60-186 ms at 2,000 changes a second). The tree is made
 * again when a row is opened, copied, exported or shown in a tooltip; a field condition reads only its field
 * ({@link #field}).
 *
 * @param sequence  arrival order in this tab, from 1
 * @param modified  the item's {@code _ts} (whole seconds), or a delete's time; null when it has none
 * @param kind      first seen in this tab, an update of an item seen before, or a delete
 * @param summary   what changed since the version seen before ("new" for the first; what was deleted)
 * @param json      the version as the feed returned it, compact UTF-8 JSON (for a delete: the item as it was
 *                  deleted, or only its id and key when the feed did not give it); kept for export and filters.
 *                  Never changed once made (the tracker shares it as the version seen last)
 * @param bodyChars its size as JSON text, for the memory budget
 * @param operation the all-versions-and-deletes feed's operation and LSN; null in the latest-version mode
 * @param keyText   the partition key as the table shows it, made once on the reading thread (not per cell refresh)
 */
public record ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
        String summary, byte[] json, int bodyChars, ChangeOperation operation, String keyText) {

    public enum Kind { NEW, UPDATED, DELETED }

    public ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
            String summary, ObjectNode body, int bodyChars, ChangeOperation operation) {
        this(sequence, modified, id, partitionKey, kind, summary, bytesOf(body), bodyChars, operation,
                partitionKey.display());
    }

    /** A row of the latest-version feed. */
    public ChangeRow(long sequence, Instant modified, String id, PartitionKeyValue partitionKey, Kind kind,
            String summary, ObjectNode body, int bodyChars) {
        this(sequence, modified, id, partitionKey, kind, summary, body, bodyChars, null);
    }

    /** The version as a tree, parsed from {@link #json} at each call: for one row at a time, not a whole table. */
    public ObjectNode body() {
        return CompactBody.parse(json);
    }

    /** The value at {@code path} in the version, or null when absent; reads the field only, builds no tree. */
    public JsonNode field(io.cosmosdesk.cosmos.JsonPath path) {
        return CompactBody.read(json, path.segments());
    }

    public ItemRef ref() {
        return new ItemRef(id, partitionKey);
    }

    public boolean isDelete() {
        return kind == Kind.DELETED;
    }

    static byte[] bytesOf(ObjectNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
