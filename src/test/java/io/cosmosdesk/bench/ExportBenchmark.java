package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.transfer.ExportFormat;
import io.cosmosdesk.transfer.ExportOptions;
import io.cosmosdesk.transfer.ExportResult;
import io.cosmosdesk.transfer.ExportService;
import io.cosmosdesk.transfer.ExportSource;
import io.cosmosdesk.ui.TaskContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Export against the raw SDK paging the same container in the same run (figures printed, not asserted): items/s of
 * {@link ExportService} writing JSON Lines to a file, against the SDK paging the same query with the same page size
 * (a) with one query execution per page from the continuation token, and (b) through one {@code byPage} stream held
 * open, as the export reads, and (c) that stream again right after a full GC, as the export starts (its heap figure
 * needs the collection; the heap it leaves is smaller and the pass after it collects more often). Rounds alternate
 * raw and export. Each pass prints its CPU: this JVM's and the local server's. Heap: the largest heap in use right
 * after any garbage collection during each export (the live set, what "heap stays under N" means), and the plain peak.
 *
 * <p>Args: {@code [items=100000] [rounds=2] [pageSize=1000] [exportOnly]}; {@code exportOnly} skips the raw passes
 * (for the heap at large sizes, where only the export's live set is asked for).
 */
public final class ExportBenchmark {

    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());

    private static boolean exportOnly;

    private ExportBenchmark() {
    }

    private record Pass(long items, double seconds, long bytes, Cpu cpu) {
        Pass(long items, double seconds, long bytes) {
            this(items, seconds, bytes, null);
        }

        double rate() {
            return items / seconds;
        }

        Pass with(Cpu spent) {
            return new Pass(items, seconds, bytes, spent);
        }
    }

    /**
     * CPU seconds a pass cost this JVM and the local server's node process: on a shared 2-core machine the wall
     * time moves with the load, the CPU a pass needs much less; it says which side a difference comes from.
     */
    private record Cpu(double jvm, double server) {
        static Cpu now() {
            double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            double server = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("node")).orElse(false))
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
                    .sum();
            return new Cpu(jvm, server);
        }

        Cpu since(Cpu start) {
            return new Cpu(jvm - start.jvm, server - start.server);
        }
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int pageSize = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        exportOnly = args.length > 3 && args[3].equals("exportOnly");
        watchGarbageCollections();
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(server, client, items, rounds, pageSize);
            } finally {
                client.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, int items, int rounds, int pageSize)
            throws Exception {
        long seedStart = System.nanoTime();
        CosmosAsyncContainer container = BrowseBenchmark.seedOrders(client, items);
        print("seeded %,d items (~%d bytes each) in %.1f s; page size %,d; max heap %,d MB; load %.1f", items,
                BrowseBenchmark.order(0, new Random(1)).toString().length(), seconds(seedStart), pageSize,
                Runtime.getRuntime().maxMemory() >> 20, load());
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, server.endpoint()), client);
        ContainerHandle handle = new ContainerHandle(connection, new ContainerInfo(
                new ContainerRef("bench", "orders"), List.of("/customerId"), false, null));
        ExportService service = new ExportService(pageSize);
        Path folder = Files.createTempDirectory("export-bench");

        List<Pass> tokens = new ArrayList<>();
        List<Pass> streams = new ArrayList<>();
        List<Pass> streamsAfterGc = new ArrayList<>();
        List<Pass> exports = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (!exportOnly) {
                tokens.add(report("raw SDK, page per token", () -> rawByToken(container, pageSize)));
                streams.add(report("raw SDK, one byPage stream", () -> rawStream(container, pageSize)));
                System.gc(); // as before the export: a full collection shrinks the heap and the pass pays for it
                streamsAfterGc.add(report("same, after a full GC", () -> rawStream(container, pageSize)));
            }
            System.gc();
            resetPeaks();
            Pass export = report("export to JSON Lines", () -> export(service, handle, folder.resolve("orders.jsonl")));
            exports.add(export);
            long liveMb = PEAK_AFTER_GC.get() >> 20;
            heaps.add(liveMb);
            print("  heap during the export: largest after a GC %,d MB, plain peak %,d MB; file %,d MB",
                    liveMb, plainPeak() >> 20, export.bytes() >> 20);
        }
        double bestToken = tokens.stream().mapToDouble(Pass::rate).max().orElse(Double.NaN);
        double bestStream = streams.stream().mapToDouble(Pass::rate).max().orElse(Double.NaN);
        double bestStreamAfterGc = streamsAfterGc.stream().mapToDouble(Pass::rate).max().orElse(Double.NaN);
        double bestExport = exports.stream().mapToDouble(Pass::rate).max().orElse(0);
        print("RESULT %,d items: export %,.0f items/s; raw SDK %,.0f (page per token) and %,.0f (stream) items/s; "
                        + "ratio %.2f to the faster raw pass (target >= 0.9), %.2f to the same paging; "
                        + "heap after GC at most %,d MB (target < 300 MB); load %.1f",
                items, bestExport, bestToken, bestStream, bestExport / Math.max(bestToken, bestStream),
                bestExport / bestToken, heaps.stream().mapToLong(Long::longValue).max().orElse(0), load());
        print("RESULT beside it: the export (which starts after a full GC, for its heap figure) against the raw stream "
                + "started the same way, after a full GC: %,.0f items/s, ratio %.2f (the figure above, kept as it was "
                + "measured before, compares it with a raw stream that starts on the heap the passes before it grew)",
                bestStreamAfterGc, bestExport / bestStreamAfterGc);
        Files.deleteIfExists(folder.resolve("orders.jsonl"));
        Files.deleteIfExists(folder);
    }

    private static Pass rawByToken(CosmosAsyncContainer container, int pageSize) {
        long start = System.nanoTime();
        long count = 0;
        String token = null;
        do {
            FeedResponse<ObjectNode> page = container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                    ObjectNode.class).byPage(token, pageSize).blockFirst();
            count += page.getResults().size();
            token = page.getContinuationToken();
        } while (token != null);
        return new Pass(count, seconds(start), 0);
    }

    private static Pass rawStream(CosmosAsyncContainer container, int pageSize) {
        long start = System.nanoTime();
        Long count = container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                .byPage(pageSize)
                .map(page -> (long) page.getResults().size())
                .reduce(0L, Long::sum)
                .block();
        return new Pass(count == null ? 0 : count, seconds(start), 0);
    }

    private static Pass export(ExportService service, ContainerHandle handle, Path file) {
        try {
            return exportOnce(service, handle, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Pass exportOnce(ExportService service, ContainerHandle handle, Path file)
            throws java.io.IOException {
        Files.deleteIfExists(file);
        long start = System.nanoTime();
        ExportResult result = service.export(ExportSource.wholeContainer(handle), ExportOptions.of(ExportFormat.JSONL),
                file, false, new TaskContext() {
                    @Override
                    public boolean isCancelled() {
                        return false;
                    }

                    @Override
                    public void progress(double fraction, String message) {
                    }

                    @Override
                    public void publish(Object update) {
                    }
                });
        Pass pass = new Pass(result.items(), seconds(start), result.bytes());
        Files.delete(file);
        return pass;
    }

    private static Pass report(String label, java.util.function.Supplier<Pass> run) throws Exception {
        Cpu start = Cpu.now();
        Pass pass = run.get();
        pass = pass.with(Cpu.now().since(start));
        print("%-28s %,d items in %.1f s = %,.0f items/s; CPU: JVM %.2f s, server %.2f s", label, pass.items(),
                pass.seconds(), pass.rate(), pass.cpu().jvm(), pass.cpu().server());
        return pass;
    }

    /** Records the heap in use after every collection: the largest is the export's live set at most. */
    private static void watchGarbageCollections() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                            notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
    }

    private static void resetPeaks() {
        PEAK_AFTER_GC.set(0);
        ManagementFactory.getMemoryPoolMXBeans().forEach(pool -> pool.resetPeakUsage());
    }

    private static long plainPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[export] " + String.format(Locale.ROOT, format, args));
    }
}
