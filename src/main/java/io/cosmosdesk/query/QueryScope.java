package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.PartitionKeyValue;

/**
 * Where a query runs: across all partitions, or in one partition key value. For a hierarchical key the
 * value may hold fewer components than the key has levels: a prefix, which runs over every partition
 * under it.
 *
 * @param partitionKey the value or prefix; null for all partitions
 */
public record QueryScope(PartitionKeyValue partitionKey) {

    private static final QueryScope CROSS_PARTITION = new QueryScope(null);

    public static QueryScope crossPartition() {
        return CROSS_PARTITION;
    }

    public static QueryScope of(PartitionKeyValue partitionKey) {
        return partitionKey == null ? CROSS_PARTITION : new QueryScope(partitionKey);
    }

    public boolean isCrossPartition() {
        return partitionKey == null;
    }

    /** What the scope line above the results says. */
    public String display() {
        return isCrossPartition() ? "All partitions" : "Partition key: " + partitionKey.display();
    }
}
