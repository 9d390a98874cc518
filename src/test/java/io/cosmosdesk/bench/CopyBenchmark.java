package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.transfer.CopyService;
import io.cosmosdesk.transfer.CopyTarget;
import io.cosmosdesk.transfer.ImportControl;
import io.cosmosdesk.transfer.ImportMode;
import io.cosmosdesk.transfer.ImportResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * Copy between two local servers (two connections, as Azure -> emulator would be) against the raw SDK doing the
 * same in the same run: page the source with one open {@code byPage} stream and bulk-create each page on the
 * target. Ours is {@link CopyService} (create-only with its 409 check, audit entries, report). Each pass writes
 * into a new target container; rounds alternate raw and ours. Prints items/s, the ratio (target >= 0.7), the heap
 * left after a GC every 20 pages of our copy, and the load.
 *
 * <p>Args: {@code [items=100000] [rounds=2] [pageSize=1000]}.
 */
public final class CopyBenchmark {

    private CopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int pageSize = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        try (LocalCosmosServer from = LocalCosmosServer.start(); LocalCosmosServer to = LocalCosmosServer.start()) {
            CosmosAsyncClient source = CosmosServerExtension.clientBuilder(from).buildAsyncClient();
            CosmosAsyncClient target = CosmosServerExtension.clientBuilder(to).buildAsyncClient();
            try {
                run(from, to, source, target, items, rounds, pageSize);
            } finally {
                source.close();
                target.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    private static void run(LocalCosmosServer from, LocalCosmosServer to, CosmosAsyncClient sourceClient,
            CosmosAsyncClient targetClient, int items, int rounds, int pageSize) throws Exception {
        long seeding = System.nanoTime();
        CosmosAsyncContainer orders = BrowseBenchmark.seedOrders(sourceClient, items);
        print("seeded %,d items in %.1f s; page size %,d; load %.1f", items, seconds(seeding), pageSize, load());
        targetClient.createDatabaseIfNotExists("copy").block();
        ContainerHandle source = new ContainerHandle(new CosmosConnection(ConnectionProfile.create("From",
                AuthKind.EMULATOR, from.endpoint()), sourceClient), new ContainerInfo(new ContainerRef("bench",
                "orders"), List.of("/customerId"), false, null));
        CosmosConnection targetConnection = new CosmosConnection(ConnectionProfile.create("To", AuthKind.EMULATOR,
                to.endpoint()), targetClient);
        Path home = Files.createTempDirectory("copy-bench");
        CopyService service = new CopyService(home.resolve("reports"), new AuditedWrites(new AuditLog(
                home.resolve("audit"))), io.cosmosdesk.move.MoveTuning.defaults().withBatchSize(pageSize));

        // warm-up: connections, JIT, both servers' code paths
        raw(orders, targetClient, "warm-raw", pageSize, 2_000);
        service.copyItems(source, new com.azure.cosmos.models.SqlQuerySpec("SELECT TOP 2000 * FROM c"),
                new CopyTarget(targetConnection, "copy", "warm-ours"), ImportMode.CREATE_ONLY, ImportControl.none());

        double bestRaw = 0;
        double bestOurs = 0;
        long live = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long copied = raw(orders, targetClient, "raw-" + round, pageSize, Integer.MAX_VALUE);
            double rawRate = copied / seconds(start);
            print("raw SDK page-then-bulk-create  %,d items in %.1f s = %,.0f items/s", copied, seconds(start), rawRate);
            bestRaw = Math.max(bestRaw, rawRate);

            System.gc();
            AtomicLong pages = new AtomicLong();
            AtomicLong liveSet = new AtomicLong();
            start = System.nanoTime();
            ImportResult result = service.copyItems(source, null, new CopyTarget(targetConnection, "copy",
                    "ours-" + round), ImportMode.CREATE_ONLY, new ImportControl(progress -> {
                        if (pages.incrementAndGet() % 20 == 0) {
                            System.gc();
                            liveSet.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                                    .getUsed(), Math::max);
                        }
                    }));
            double oursRate = result.totals().rows() / seconds(start);
            print("CopyService (create only)      %,d items in %.1f s = %,.0f items/s (%s); live heap %,d MB",
                    result.totals().rows(), seconds(start), oursRate, result.totals().summary(), liveSet.get() >> 20);
            bestOurs = Math.max(bestOurs, oursRate);
            live = Math.max(live, liveSet.get());
        }
        print("RESULT %,d items between two local servers: copy %,.0f items/s, raw page-then-bulk-create %,.0f "
                + "items/s, ratio %.2f (target >= 0.7); live heap at most %,d MB (a GC every 20 pages); load %.1f",
                items, bestOurs, bestRaw, bestOurs / bestRaw, live >> 20, load());
    }

    /** Pages the source through one open stream and bulk-creates each page on the target. */
    private static long raw(CosmosAsyncContainer orders, CosmosAsyncClient targetClient, String name, int pageSize,
            int limit) {
        targetClient.getDatabase("copy").createContainerIfNotExists(new CosmosContainerProperties(name,
                "/customerId")).block();
        CosmosAsyncContainer target = targetClient.getDatabase("copy").getContainer(name);
        long copied = 0;
        for (FeedResponse<ObjectNode> page : orders.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                ObjectNode.class).byPage(pageSize).toIterable(2)) {
            List<ObjectNode> items = page.getResults();
            target.executeBulkOperations(Flux.fromIterable(items).map(item -> CosmosBulkOperations
                    .getCreateItemOperation(item, new PartitionKey(item.get("customerId").asText())))).blockLast();
            copied += items.size();
            if (copied >= limit) {
                break;
            }
        }
        return copied;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[copy] " + String.format(Locale.ROOT, format, args));
    }
}
