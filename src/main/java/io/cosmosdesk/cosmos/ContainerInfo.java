package io.cosmosdesk.cosmos;

import java.util.List;

/**
 * A container as the browser shows it.
 *
 * @param partitionKeyPaths one path, or up to three for hierarchical (MultiHash) keys
 * @param throughput provisioned RU/s, or null when not known (serverless, shared, or not served)
 */
public record ContainerInfo(ContainerRef ref, List<String> partitionKeyPaths, boolean hierarchical,
        Integer throughput) {

    public ContainerInfo {
        partitionKeyPaths = List.copyOf(partitionKeyPaths);
    }

    /** e.g. {@code /tenantId › /userId}. */
    public String partitionKeyLabel() {
        return String.join(" › ", partitionKeyPaths);
    }
}
