package io.cosmosdesk.cosmos;

import java.util.Objects;

/** Which item: its id and its partition key value (the pair is unique within a container). */
public record ItemRef(String id, PartitionKeyValue partitionKey) {
    public ItemRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    @Override
    public String toString() {
        return "'" + id + "' (" + partitionKey.display() + ")";
    }
}
