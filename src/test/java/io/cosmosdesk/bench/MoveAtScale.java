package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.MatchingItems;
import io.cosmosdesk.move.MoveControl;
import io.cosmosdesk.move.MoveReport;
import io.cosmosdesk.move.MoveService;
import io.cosmosdesk.move.MoveStepListener;
import io.cosmosdesk.move.MoveTarget;
import io.cosmosdesk.move.MoveTuning;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import reactor.core.publisher.Flux;

/**
 * A move at scale, as the grid's "Move" with nothing selected does it: every item of a container of N items of
 * ~1 KB (ten source partitions) found by a query and moved, the query read a page at a time. Reports the heap
 * (the most the heap held right after a garbage collection while the move ran, i.e. what stayed reachable), and
 * the items/s against the raw SDK moving the same number of items the same way (query a page, bulk create its
 * copies, bulk delete its sources) on the same server in the same run. The live set is also sampled: a full GC
 * every {@value #LIVE_SAMPLE_REPORTS} progress reports (batches of 500) and the heap left after it.
 * {@code -Dbench.move.heapOnly=true} leaves the raw pass out (the heap does not need it; the local server's paging
 * after writes re-runs the query over the whole container, so a pass costs time quadratic in its size).
 */
final class MoveAtScale {

    private static final int SEED_CHUNK = 5_000;
    private static final int RAW_PAGE = 1_000;
    private static final String RAW_FILTER = "WHERE c.pk != 'target'";
    private static final boolean HEAP_ONLY = Boolean.getBoolean("bench.move.heapOnly");
    private static final int LIVE_SAMPLE_REPORTS = 20;
    private static final int MAX_RESUMES = 5;

    private MoveAtScale() {
    }

    static void run(CosmosAsyncClient client, Path home, int items) {
        MoveTuning tuning = MoveTuning.defaults();
        System.out.printf("MoveBenchmark at scale, mode: %s; %,d items of ~1 KB, batch %d (load %.2f, max heap %,d MB)%n",
                HEAP_ONLY ? "whole job, heap only (bench.move.heapOnly: no raw SDK pass, no ratio)"
                        : "whole job, heap and ratio to one raw SDK pass over another container (run one after the other)",
                items, tuning.batchSize(), load(), Runtime.getRuntime().maxMemory() >> 20);
        double rawRate = HEAP_ONLY ? Double.NaN : raw(client, items);
        if (!HEAP_ONLY) {
            System.out.printf("  raw SDK, page by page (query %,d, bulk create + bulk delete): %,.0f items/s (load "
                    + "%.2f)%n", RAW_PAGE, rawRate, load());
        }
        CosmosAsyncContainer container = seeded(client, items, 2);
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(
                ConnectionProfile.create("bench", AuthKind.EMULATOR, "https://127.0.0.1/"), client),
                new ContainerInfo(new ContainerRef("bench", container.getId()), List.of("/pk"), false, null));
        MoveService service = new MoveService(home, tuning, MoveStepListener.NONE, io.cosmosdesk.testing.TestAudit.writes());
        System.gc();
        long before = usedHeap();
        try (HeapWatch heap = new HeapWatch()) {
            long start = System.nanoTime();
            // the raw pass's query: a move of "everything" would also meet its own copies and pass over them
            MatchingItems matching = service.findItemsToMove(handle, ItemQuery.filtered(RAW_FILTER));
            AtomicLong live = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            long[] reports = {0};
            MoveControl control = new MoveControl(progress -> {
                if (++reports[0] % LIVE_SAMPLE_REPORTS == 0) {
                    System.gc();
                    long used = usedHeap();
                    live.accumulateAndGet(used, Math::max);
                    if (samples.incrementAndGet() % 10 == 0) {
                        System.out.printf("  %,d processed, live heap %,d MB (load %.2f)%n",
                                progress.processed(), used >> 20, load());
                    }
                }
            });
            MoveReport report = service.moveItemsTo(handle, matching, MoveTarget.of(PartitionKeyValue.of("target")),
                    control);
            // A loaded local server can fail TLS handshakes for minutes; the job then stops resumably, as designed,
            // and a user resumes it from the recovery dialog. The benchmark does the same and counts it.
            int resumes = 0;
            while (report.status() == MoveReport.Status.INTERRUPTED && resumes < MAX_RESUMES) {
                resumes++;
                System.out.printf("  the job stopped resumably (%s); resuming it (%d of at most %d, load %.2f)%n",
                        report.message(), resumes, MAX_RESUMES, load());
                report = service.resumeJob(handle, report.jobId(), control);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long atTarget = count(container, "WHERE c.pk = 'target'");
            long left = count(container, RAW_FILTER);
            if (report.status() != MoveReport.Status.COMPLETED || atTarget != items || left != 0) {
                throw new IllegalStateException("The move did not move everything: " + report.summary() + "; "
                        + atTarget + " items under the target, " + left + " left under their sources");
            }
            System.out.printf("  counted after the move: %,d under the target, %,d left (resumed %d times)%n",
                    atTarget, left, resumes);
            double moveRate = items / seconds;
            System.out.printf("  move of every item the query selects: %,.0f items/s, %.1f s (load %.2f)%n", moveRate,
                    seconds, load());
            System.out.printf("MoveBenchmark at %,d items: heap before %,d MB; most reachable during the move %,d MB "
                            + "(%d collections seen; target < 300 MB); report holds %,d lines (%,d left out)%n",
                    items, before >> 20, heap.peakAfterGc() >> 20, heap.collections(), report.items().size(),
                    report.linesLeftOut());
            System.out.printf("MoveBenchmark at %,d items: live set at most %,d MB (a full GC every %d batches, %,d "
                    + "samples; target < 300 MB)%n", items, live.get() >> 20, LIVE_SAMPLE_REPORTS, samples.get());
            if (!HEAP_ONLY) {
                System.out.printf("MoveBenchmark at %,d items: ratio to the raw SDK %.2f (%,.0f vs %,.0f items/s); "
                        + "load %.2f%n", items, moveRate / rawRate, moveRate, rawRate, load());
            }
        }
        container.delete().block();
    }

    /** The raw SDK moving every item: a query page at a time, its copies bulk created, its sources bulk deleted. */
    private static double raw(CosmosAsyncClient client, int items) {
        CosmosAsyncContainer container = seeded(client, items, 1);
        long start = System.nanoTime();
        String continuation = null;
        int moved = 0;
        do {
            String from = continuation;
            FeedResponse<ObjectNode> page = withRetries("query page", () -> container.queryItems(
                    "SELECT * FROM c " + RAW_FILTER, new CosmosQueryRequestOptions(), ObjectNode.class)
                    .byPage(from, RAW_PAGE).next().block());
            continuation = page.getContinuationToken();
            List<CosmosItemOperation> creates = new ArrayList<>();
            List<CosmosItemOperation> deletes = new ArrayList<>();
            for (ObjectNode item : page.getResults()) {
                String pk = item.get("pk").asText();
                ObjectNode copy = item.deepCopy().put("pk", "target");
                for (String system : List.of("_rid", "_self", "_etag", "_attachments", "_ts")) {
                    copy.remove(system);
                }
                creates.add(CosmosBulkOperations.getCreateItemOperation(copy, new PartitionKey("target")));
                deletes.add(CosmosBulkOperations.getDeleteItemOperation(item.get("id").asText(), new PartitionKey(pk)));
            }
            bulkUntilDone(container, creates, 409);
            bulkUntilDone(container, deletes, 404);
            moved += creates.size();
        } while (continuation != null);
        double rate = moved / ((System.nanoTime() - start) / 1e9);
        if (moved != items) {
            throw new IllegalStateException("The raw pass moved " + moved + " of " + items);
        }
        container.delete().block();
        return rate;
    }

    /**
     * Runs the operations in bulk and runs again those that failed for a passing reason (a loaded local server
     * times out TLS handshakes: 503/408/410/449 or no status at all), so the raw pass rides out what the move rides out.
     * {@code done} is the status that means an earlier attempt already did the work (409 for a create, 404 for a
     * delete). Any other failure stops the benchmark with the status.
     */
    static void bulkUntilDone(CosmosAsyncContainer container, List<CosmosItemOperation> operations, int done) {
        List<CosmosItemOperation> pending = operations;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<CosmosItemOperation> failed = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            List<CosmosItemOperation> batch = pending;
            container.executeBulkOperations(Flux.fromIterable(batch)).doOnNext(response -> {
                int status = response.getResponse() == null ? 0 : response.getResponse().getStatusCode();
                boolean ok = response.getException() == null && response.getResponse() != null
                        && response.getResponse().isSuccessStatusCode();
                if (!ok && status != done) {
                    failed.add(response.getOperation());
                    reasons.add(status + (response.getException() == null ? ""
                            : " " + response.getException().getClass().getSimpleName()));
                }
            }).blockLast();
            if (!failed.isEmpty()) {
                boolean passing = reasons.stream().allMatch(r -> r.startsWith("0") || r.startsWith("503")
                        || r.startsWith("408") || r.startsWith("410") || r.startsWith("449") || r.startsWith("429"));
                if (!passing || attempt >= 10) {
                    throw new IllegalStateException("The raw pass could not finish " + failed.size()
                            + " bulk operations after " + attempt + " attempts: " + reasons.subList(0,
                            Math.min(5, reasons.size())));
                }
                System.out.printf("  raw pass: %d of %d bulk operations failed (%s), again (attempt %d)%n",
                        failed.size(), batch.size(), reasons.get(0), attempt + 1);
                sleep(attempt * 500L);
            }
            pending = failed;
        }
    }

    /** One query page read again after a passing failure (503, 408, 410, 449, 429 or a time-out), ten times at most. */
    static <T> T withRetries(String what, java.util.function.Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                int status = e instanceof com.azure.cosmos.CosmosException cosmos ? cosmos.getStatusCode() : 0;
                boolean passing = status == 503 || status == 408 || status == 410 || status == 449 || status == 429
                        || (status == 0 && e.getCause() instanceof java.util.concurrent.TimeoutException);
                if (!passing || attempt >= 10) {
                    throw e;
                }
                System.out.printf("  raw pass: %s failed (%d %s), again (attempt %d)%n", what, status,
                        e.getClass().getSimpleName(), attempt + 1);
                sleep(attempt * 500L);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A new container of {@code count} generated items, written in chunks (never all in memory). */
    private static CosmosAsyncContainer seeded(CosmosAsyncClient client, int count, long seed) {
        CosmosAsyncContainer container = newContainer(client, "scale-");
        Random random = new Random(seed);
        long start = System.nanoTime();
        for (int from = 0; from < count; from += SEED_CHUNK) {
            List<CosmosItemOperation> creates = new ArrayList<>(SEED_CHUNK);
            for (int i = from; i < Math.min(count, from + SEED_CHUNK); i++) {
                ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", "s-" + i).put("pk", "p" + i % 10);
                item.put("n", i).put("price", random.nextInt(100_000) / 100.0);
                item.put("description", "x".repeat(700 + random.nextInt(200)));
                item.putObject("detail").put("colour", random.nextBoolean() ? "red" : "blue").putArray("tags")
                        .add("a").add("b");
                creates.add(CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("p" + i % 10)));
            }
            bulkUntilDone(container, creates, 409);
        }
        System.out.printf("  seeded %,d items in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        return container;
    }

    /** A new container of the "bench" database keyed by {@code /pk}, named {@code prefix} and a timestamp. */
    static CosmosAsyncContainer newContainer(CosmosAsyncClient client, String prefix) {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of("/pk"));
        key.setKind(PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        String id = prefix + System.nanoTime();
        client.getDatabase("bench").createContainer(new CosmosContainerProperties(id, key)).block();
        return client.getDatabase("bench").getContainer(id);
    }

    static long count(CosmosAsyncContainer container, String filter) {
        for (int attempt = 1; ; attempt++) {
            try {
                return container.queryItems("SELECT VALUE COUNT(1) FROM c " + filter, new CosmosQueryRequestOptions(),
                        Long.class).collectList().block().stream().mapToLong(Long::longValue).sum();
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                System.out.printf("  count failed (%s), again%n", e.getClass().getSimpleName());
            }
        }
    }

    private static long usedHeap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The heap right after each garbage collection (what was still reachable), its most while open. */
    private static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                peak.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }
        };

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
        }

        long peakAfterGc() {
            return peak.get();
        }

        long collections() {
            return collections.get();
        }

        @Override
        public void close() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // gone already
                }
            }
        }
    }
}
