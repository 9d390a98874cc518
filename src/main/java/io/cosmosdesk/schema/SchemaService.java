package io.cosmosdesk.schema;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Samples a container's items for its schema. Blocking: call through the TaskRunner (or from the command line).
 */
public class SchemaService {

    /**
     * What reading every item would cost, estimated before doing it: the items counted, and the charge of a first
     * page scaled to them.
     *
     * @param spentCharge what the estimate itself cost
     */
    public record FullReadEstimate(long items, double estimatedCharge, double spentCharge) {
    }

    /**
     * Reads up to {@code target} items ({@link Long#MAX_VALUE}: all), spread over the container's key space;
     * {@code progress} gets snapshots of the figures a few times a second (on the calling thread).
     */
    public SampleResult sample(ContainerHandle handle, long target, Consumer<SampleProgress> progress,
            BooleanSupplier cancelled) {
        CosmosRangeReader reader = CosmosRangeReader.openSliced(handle, target, cancelled);
        return new SchemaSampler(reader).sample(target, progress, cancelled);
    }

    /** Counts the items and reads one page of up to 100 to estimate what reading them all would cost. */
    public FullReadEstimate estimateFullRead(ContainerHandle handle, BooleanSupplier cancelled) {
        long count = 0;
        double spent = 0;
        try {
            List<FeedResponse<Long>> pages = handle.container()
                    .queryItems(new SqlQuerySpec("SELECT VALUE COUNT(1) FROM c"), new CosmosQueryRequestOptions(),
                            Long.class)
                    .byPage().collectList().block();
            for (FeedResponse<Long> page : pages == null ? List.<FeedResponse<Long>>of() : pages) {
                for (Long value : page.getResults()) {
                    count += value == null ? 0 : value;
                }
                spent += page.getRequestCharge();
            }
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Counting the items of " + handle.ref(), e);
        }
        CosmosRangeReader reader = CosmosRangeReader.open(handle, cancelled);
        RangeReader.Page first = reader.read(0, null, SchemaSampler.FIRST_PAGE);
        spent += first.requestCharge();
        double perItem = first.items().isEmpty() ? 0 : first.requestCharge() / first.items().size();
        return new FullReadEstimate(count, perItem * count, spent);
    }
}
