package io.cosmosdesk.query;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedRange;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;

/**
 * Where a query runs: across all partitions, or in one partition key value (every level of the key, or a prefix of
 * a hierarchical key, which covers every partition starting with those levels).
 *
 * @param partitionKey null for cross-partition
 */
public record QueryScope(PartitionKeyValue partitionKey) {

    private static final QueryScope CROSS_PARTITION = new QueryScope(null);

    public static QueryScope crossPartition() {
        return CROSS_PARTITION;
    }

    public static QueryScope partition(PartitionKeyValue value) {
        return new QueryScope(java.util.Objects.requireNonNull(value, "value"));
    }

    public boolean isCrossPartition() {
        return partitionKey == null;
    }

    /** Whether the value names fewer levels than the container's key has. */
    public boolean isPrefix(List<String> keyPaths) {
        return partitionKey != null && partitionKey.components().size() < keyPaths.size();
    }

    /** For the line above the results: "All partitions", "Partition "cust-1"", "Partitions starting "t1" › "d2"". */
    public String describe(List<String> keyPaths) {
        if (partitionKey == null) {
            return "All partitions";
        }
        if (isPrefix(keyPaths)) {
            return "Partitions starting " + partitionKey.display() + " (" + String.join(" › ",
                    keyPaths.subList(0, partitionKey.components().size())) + ")";
        }
        return "Partition " + partitionKey.display();
    }

    /** Sets the scope on the SDK options; checks the value against the container's key paths first. */
    void applyTo(CosmosQueryRequestOptions options, List<String> keyPaths) {
        if (partitionKey == null) {
            return;
        }
        int levels = partitionKey.components().size();
        if (levels == 0 || levels > keyPaths.size()) {
            throw new QueryInputException("The partition key value has " + levels + " level(s), but the container's "
                    + "key has " + keyPaths.size() + " (" + String.join(" › ", keyPaths) + ").");
        }
        if (levels < keyPaths.size()) {
            options.setFeedRange(FeedRange.forLogicalPartition(partitionKey.toPartitionKey()));
        } else {
            options.setPartitionKey(partitionKey.toPartitionKey());
        }
    }
}
