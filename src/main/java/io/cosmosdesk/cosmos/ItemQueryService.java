package io.cosmosdesk.cosmos;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.Write;
import io.cosmosdesk.audit.WriteResult;
import io.cosmosdesk.json.CompactJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and deletes the items of a container for the Items tab. Blocking: call through the
 * TaskRunner. Every method takes the {@link ContainerHandle} its action was started on.
 */
public class ItemQueryService {

    private static final Logger LOG = LoggerFactory.getLogger(ItemQueryService.class);

    public static final int MAX_PAGE_SIZE = 1_000;
    /** Cross-partition queries may answer with empty pages; skip at most this many to find items. */
    private static final int MAX_PAGES_PER_CALL = 50;
    private static final int DELETE_CONCURRENCY = 8;

    private final AuditedWrites writes;

    /** {@code writes}: the one audited door every write goes through (here: bulk deletes). */
    public ItemQueryService(AuditedWrites writes) {
        this.writes = Objects.requireNonNull(writes);
    }

    /** Progress of a bulk delete: how many of the items have an outcome. */
    @FunctionalInterface
    public interface DeleteProgress {
        void update(int done, int total);
    }

    /**
     * Reads one page of {@code query}, starting at {@code continuationToken} (null for the first page).
     * Empty pages the service returns on the way (cross-partition queries do that) are skipped and
     * their RU counted, so a page with a continuation token always has items, or ends the query.
     */
    public ItemPage queryItemsPage(ContainerHandle handle, ItemQuery query, String continuationToken, int pageSize) {
        try {
            return readPage(handle, query, continuationToken, pageSize).block();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Querying items of " + handle.ref(), e);
        }
    }

    /**
     * The pages of {@code query} from {@code continuationToken} on (null: from the start), one per
     * {@link ItemPageStream#next()}; nothing is sent before the first. The caller closes it when it wants no
     * more pages (a new query, a closed tab, a stop), which also cancels a page still loading.
     */
    public ItemPageStream openItemPages(ContainerHandle handle, ItemQuery query, String continuationToken,
            int pageSize) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(query, "query");
        // the key paths parsed once for the query's pages, not once per item (the stream serves one query of one
        // container: a new query or container opens a new stream)
        List<JsonPath> keyPaths = ItemRow.parsePaths(handle.info().partitionKeyPaths());
        // one converter for the stream's pages, whose rows are made one page at a time (next() is called one at a
        // time): its array is kept from page to page
        CompactJson compact = new CompactJson();
        return TokenPageStream.ofReplies("Querying items of " + handle.ref(), continuationToken,
                token -> readPageReply(handle, query, token, pageSize, keyPaths, compact));
    }

    /** One page as a Mono: nothing is sent until it is subscribed, and cancelling it stops the query. */
    private static Mono<ItemPage> readPage(ContainerHandle handle, ItemQuery query, String continuationToken,
            int pageSize) {
        return readPageReply(handle, query, continuationToken, pageSize,
                ItemRow.parsePaths(handle.info().partitionKeyPaths()), new CompactJson())
                .map(reply -> reply.page().get());
    }

    /** One page's answer, its rows made later by whoever reads it (see {@link TokenPageStream}). */
    private static Mono<TokenPageStream.PageReply> readPageReply(ContainerHandle handle, ItemQuery query,
            String continuationToken, int pageSize, List<JsonPath> keyPaths, CompactJson compact) {
        Objects.requireNonNull(handle, "handle");
        int size = Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
        SqlQuerySpec spec = query.toSqlQuerySpec();
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return handle.container()
                    .queryItems(spec, new CosmosQueryRequestOptions(), ObjectNode.class)
                    .byPage(continuationToken, size)
                    .takeUntil(page -> !page.getResults().isEmpty() || page.getContinuationToken() == null)
                    .take(MAX_PAGES_PER_CALL)
                    .collectList()
                    .map(pages -> new TokenPageStream.PageReply(
                            pages.isEmpty() ? null : pages.get(pages.size() - 1).getContinuationToken(),
                            () -> toPage(pages, keyPaths, started, compact)));
        });
    }

    /** The rows of {@code pages}, their JSON written by {@code compact} (one caller at a time). */
    private static ItemPage toPage(List<FeedResponse<ObjectNode>> pages, List<JsonPath> keyPaths, long started,
            CompactJson compact) {
        List<ItemRow> rows = new ArrayList<>();
        double charge = 0;
        String next = null;
        String activityId = null;
        for (FeedResponse<ObjectNode> page : pages) {
            rows.addAll(ItemRow.ofPage(page.getResults(), keyPaths, compact));
            charge += page.getRequestCharge();
            next = page.getContinuationToken();
            activityId = page.getActivityId();
        }
        return new ItemPage(rows, next, charge, Duration.ofNanos(System.nanoTime() - started), activityId);
    }

    /** Counts the items {@code query} selects (its sort is irrelevant and left out). */
    public ItemCount countItems(ContainerHandle handle, ItemQuery query) {
        SqlQuerySpec spec = query.toCountSpec();
        try {
            List<FeedResponse<Long>> pages = handle.container()
                    .queryItems(spec, new CosmosQueryRequestOptions(), Long.class)
                    .byPage()
                    .collectList()
                    .block();
            long count = 0;
            double charge = 0;
            for (FeedResponse<Long> page : pages == null ? List.<FeedResponse<Long>>of() : pages) {
                for (Long value : page.getResults()) {
                    count += value == null ? 0 : value;
                }
                charge += page.getRequestCharge();
            }
            return new ItemCount(count, charge);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Counting items of " + handle.ref(), e);
        }
    }

    /**
     * Deletes the items, a few at a time. Throttled requests are retried by the SDK; an item that is
     * already gone (404) counts as done; any other failure is recorded per item and the rest carry on.
     * When {@code cancelled} turns true no new delete starts and the result lists the items left alone.
     *
     * @throws CosmosDeskException of kind READ_ONLY on a read-only connection, before anything is sent
     */
    public DeleteResult deleteItems(ContainerHandle handle, List<ItemRef> items, DeleteProgress progress,
            BooleanSupplier cancelled) {
        int total = items.size();
        AtomicInteger done = new AtomicInteger();
        List<Write<ItemRef>> deletes = new ArrayList<>(items.size());
        for (ItemRef item : items) {
            // no ETag: the user asked for these items to go whatever their version; the audited door reads each
            // one first and deletes exactly that version, so the log holds what was deleted
            deletes.add(Write.delete(AuditOperation.BULK_DELETE, item.id(), item.partitionKey(), null, null, item));
        }
        List<WriteResult<ItemRef>> outcomes;
        try {
            outcomes = writes.each(handle, deletes, DELETE_CONCURRENCY, cancelled,
                    outcome -> progress.update(done.incrementAndGet(), total), null);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Deleting items of " + handle.ref(), e);
        }
        for (WriteResult<ItemRef> outcome : outcomes) {
            if (outcome.error() != null && outcome.error().kind() == ErrorKind.READ_ONLY) {
                // refused before anything was sent (and recorded as refused)
                throw outcome.error();
            }
        }
        List<ItemRef> deleted = new ArrayList<>();
        List<ItemRef> alreadyGone = new ArrayList<>();
        List<DeleteResult.Failure> failures = new ArrayList<>();
        Set<ItemRef> attempted = new HashSet<>();
        double charge = 0;
        for (WriteResult<ItemRef> outcome : outcomes) {
            ItemRef item = outcome.write().context();
            attempted.add(item);
            charge += outcome.charge();
            if (outcome.ok()) {
                deleted.add(item);
            } else if (outcome.error() != null && outcome.error().kind() == ErrorKind.NOT_FOUND) {
                alreadyGone.add(item);
            } else {
                CosmosDeskException failure = outcome.error() != null ? outcome.error()
                        : new CosmosDeskException(ErrorKind.UNKNOWN, "status " + outcome.status());
                failures.add(new DeleteResult.Failure(item, failure.kind(), failure.userMessage()));
            }
        }
        List<ItemRef> notAttempted = items.stream().filter(item -> !attempted.contains(item)).toList();
        if (!failures.isEmpty()) {
            DeleteResult.Failure first = failures.get(0);
            LOG.warn("Deleting {} items of {}: {} failed, first {}: {}", total, handle.ref(), failures.size(),
                    first.item(), first.message());
        }
        return new DeleteResult(deleted, alreadyGone, failures, notAttempted, charge);
    }
}
