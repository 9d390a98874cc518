package io.cosmosdesk.move;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A move's preview, added up a page of sources at a time: how many items, how many already under their
 * target, which ids already exist there (looked up one query per target key and per 500 ids), and a rough
 * request-unit estimate. Writes nothing.
 */
final class MovePreviewer {

    private static final int PREVIEW_IDS_PER_QUERY = 500;
    /** Conflicting ids named in a preview; the count covers them all. */
    private static final int NAMED_CONFLICTS = 1_000;
    private int total;
    private int same;
    private int toMove;
    private int conflicts;
    private final List<String> existing = new ArrayList<>();

    /** Counts {@code sources}; the ids that exist under their target are looked up one query per key (and per 500 ids). */
    void add(ContainerHandle handle, List<MoveSource> sources, MoveTarget target) {
        Map<PartitionKeyValue, LinkedHashSet<String>> idsByTarget = new LinkedHashMap<>();
        for (MoveSource source : sources) {
            total++;
            PartitionKeyValue to = target.resolve(source.partitionKey());
            if (source.partitionKey().equals(to)) {
                same++;
            } else {
                idsByTarget.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(source.id());
            }
        }
        try {
            for (Map.Entry<PartitionKeyValue, LinkedHashSet<String>> group : idsByTarget.entrySet()) {
                List<String> ids = new ArrayList<>(group.getValue());
                toMove += ids.size();
                for (int from = 0; from < ids.size(); from += PREVIEW_IDS_PER_QUERY) {
                    List<String> found = idsUnderKey(handle, ids.subList(from,
                            Math.min(ids.size(), from + PREVIEW_IDS_PER_QUERY)), group.getKey());
                    conflicts += found.size();
                    existing.addAll(found.subList(0, Math.max(0, Math.min(found.size(),
                            NAMED_CONFLICTS - existing.size()))));
                }
            }
        } catch (CosmosDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Previewing the move", e);
        }
    }

    MovePreview preview(ContainerHandle handle, List<MoveSource> sample, long withoutBody) {
        return new MovePreview(total, same, existing, conflicts, estimateCharge(handle, sample, toMove, withoutBody));
    }

    private static List<String> idsUnderKey(ContainerHandle handle, List<String> ids, PartitionKeyValue key) {
        SqlParameter idsParameter = new SqlParameter("@ids", ids);
        if (key.hasMissing()) {
            // a PartitionKey.NONE-scoped query reaches no partition; filter on the absent property instead
            String path = handle.info().partitionKeyPaths().get(0);
            SqlQuerySpec query = new SqlQuerySpec("SELECT c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id) AND NOT "
                    + "IS_DEFINED(" + JsonPath.fromPointer(path).toSqlExpression() + ")", idsParameter);
            return handle.container().queryItems(query, new CosmosQueryRequestOptions(), ObjectNode.class)
                    .map(n -> n.path("id").asText()).collectList().block();
        }
        SqlQuerySpec query = new SqlQuerySpec("SELECT c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id)", idsParameter);
        return handle.container().queryItems(query,
                        new CosmosQueryRequestOptions().setPartitionKey(key.toPartitionKey()), ObjectNode.class)
                .map(n -> n.path("id").asText()).collectList().block();
    }

    /**
     * A create and a conditional delete per item, scaled from a sample point read: writes of an item cost about
     * five times its read (Cosmos DB's rule of thumb for default indexing); items without a body add a read.
     */
    private static double estimateCharge(ContainerHandle handle, List<MoveSource> sources, int toMove,
            long withoutBody) {
        if (toMove == 0 || sources.isEmpty()) {
            return 0;
        }
        MoveSource sample = sources.get(0);
        double read = 1;
        if (JobRunner.addressProblem(sample.partitionKey()) == null) {
            try {
                read = Math.max(1, handle.container().readItem(sample.id(), sample.partitionKey().toPartitionKey(),
                        ObjectNode.class).block().getRequestCharge());
            } catch (RuntimeException e) {
                read = 1;
            }
        }
        return toMove * read * 10 + withoutBody * read;
    }
}
