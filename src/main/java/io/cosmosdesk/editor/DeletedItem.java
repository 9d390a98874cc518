package io.cosmosdesk.editor;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;

/** Which item the editor deleted, so a grid can drop its row. */
public record DeletedItem(ContainerHandle handle, String id, PartitionKeyValue partitionKey) {
}
