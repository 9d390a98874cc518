package io.cosmosdesk.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;

/**
 * The editor's hand-off to the move engine when the user changed an existing item's partition key: the
 * item as it was read ({@code id}, {@code partitionKey}, {@code etag}, for a conditional delete of the
 * original) and what the user wants it to become ({@code edited}, system properties already removed).
 * {@code overwrite}: the user saw someone else's newer version and chose Overwrite; {@code etag} is then
 * that version's, and the move needs no further confirmation.
 */
public record MoveRequest(ContainerHandle handle, String id, PartitionKeyValue partitionKey, String etag,
        ObjectNode edited, boolean overwrite) {

    public MoveRequest(ContainerHandle handle, String id, PartitionKeyValue partitionKey, String etag,
            ObjectNode edited) {
        this(handle, id, partitionKey, etag, edited, false);
    }
}
