package io.cosmosdesk.move;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The items a query selects, as move sources with their bodies, one page at a time: each page is its own
 * query execution from the last page's continuation token, so nothing is read ahead and only the page in hand
 * is in memory. A server that does not answer is retried like the move's own operations; when it stays away
 * the caller gets a {@link ServerUnavailableException} (the job stops resumably). Bulk patch pages its
 * "every item matching" scope with it too.
 */
public final class QueryPages {

    private static final java.util.Set<ErrorKind> TRANSIENT = java.util.EnumSet.of(ErrorKind.UNREACHABLE,
            ErrorKind.TIMEOUT, ErrorKind.THROTTLED);

    private final ContainerHandle handle;
    private final SqlQuerySpec query;
    private final int pageSize;
    private final MoveTuning tuning;
    private String continuation;
    private boolean ended;
    private double charge;

    public QueryPages(ContainerHandle handle, SqlQuerySpec query, int pageSize, MoveTuning tuning) {
        this.handle = handle;
        this.query = query;
        this.pageSize = pageSize;
        this.tuning = tuning;
    }

    /** The next page's items (never empty), or null when the query has no more. */
    public List<MoveSource> next() {
        while (!ended) {
            FeedResponse<ObjectNode> page = fetch();
            charge += page.getRequestCharge();
            continuation = page.getContinuationToken();
            ended = continuation == null;
            if (!page.getResults().isEmpty()) {
                List<String> paths = handle.info().partitionKeyPaths();
                List<MoveSource> sources = new ArrayList<>(page.getResults().size());
                for (ObjectNode item : page.getResults()) {
                    sources.add(new MoveSource(item.path("id").asText(), PartitionKeyValue.fromItem(item, paths),
                            item.path("_etag").asText(null), item));
                }
                return sources;
            }
        }
        return null;
    }

    /** Request units the pages read so far cost. */
    public double charge() {
        return charge;
    }

    private FeedResponse<ObjectNode> fetch() {
        Duration backoff = tuning.backoffBase();
        for (int round = 0; ; round++) {
            try {
                return handle.container().queryItems(query, new CosmosQueryRequestOptions(), ObjectNode.class)
                        .byPage(continuation, pageSize).next().block();
            } catch (RuntimeException e) {
                CosmosDeskException error = CosmosErrors.map("Reading the items to move", e);
                boolean transientError = TRANSIENT.contains(error.kind()) || error.statusCode() == 503;
                if (!transientError) {
                    throw error;
                }
                if (round >= tuning.maxUnavailableRounds()) {
                    throw new ServerUnavailableException(error);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(tuning.backoffMax()) > 0 ? tuning.backoffMax()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosmosDeskException(ErrorKind.CANCELLED, ErrorKind.CANCELLED.defaultSentence());
        }
    }
}
