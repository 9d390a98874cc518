package io.cosmosdesk.cosmos;

import java.util.Objects;

/** Which item: its id and its partition key value (the pair is unique within a container). */
public record ItemRef(String id, PartitionKeyValue partitionKey) {
    public ItemRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    // written out: a record's generated equals and hashCode run through method handles that are slow until the JIT
    // has warmed up, and the grid hashes every row of every page it shows
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ItemRef that && id.equals(that.id)
                && partitionKey.equals(that.partitionKey);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + partitionKey.hashCode();
    }

    @Override
    public String toString() {
        return "'" + id + "' (" + partitionKey.display() + ")";
    }
}
