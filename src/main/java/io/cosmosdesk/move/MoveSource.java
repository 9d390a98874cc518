package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.Objects;

/**
 * One item to move, as the caller knows it.
 *
 * @param id the item's id
 * @param partitionKey its current (source) partition key value
 * @param etag the ETag the caller loaded, or null to take whatever the server holds when the move reads it;
 *        the source is deleted only if it still has this ETag
 * @param body the item as the caller holds it (the grid's row or the editor's edited text), or null to read it;
 *        this is what the copy in the target is made of
 */
public record MoveSource(String id, PartitionKeyValue partitionKey, String etag, ObjectNode body) {

    public MoveSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    /** An item known only by id and partition key: the move reads it. */
    public static MoveSource ref(String id, PartitionKeyValue partitionKey) {
        return new MoveSource(id, partitionKey, null, null);
    }
}
