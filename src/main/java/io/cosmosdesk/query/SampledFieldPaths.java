package io.cosmosdesk.query;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simple {@link FieldPathSource}: the paths of the container's first {@link #SAMPLE} items
 * ({@code SELECT TOP 100 * FROM c}, a few request units), remembered per container for the session.
 */
public final class SampledFieldPaths implements FieldPathSource {

    static final int SAMPLE = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<ContainerKey, List<JsonPath>> cache = new ConcurrentHashMap<>();

    @Override
    public List<JsonPath> fieldPaths(ContainerHandle container) {
        ContainerKey key = ContainerKey.of(container);
        List<JsonPath> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<JsonPath> paths;
        try {
            List<ObjectNode> items = container.container()
                    .queryItems("SELECT TOP " + SAMPLE + " * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                    .take(SAMPLE).collectList().block(TIMEOUT);
            paths = FieldPaths.of(items == null ? List.<JsonNode>of() : List.<JsonNode>copyOf(items));
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Sampling field names for completion", e);
        }
        cache.put(key, paths);
        return paths;
    }

    /** Samples again next time (after the user changed the container's shape, say). */
    public void forget(ContainerHandle container) {
        cache.remove(ContainerKey.of(container));
    }
}
