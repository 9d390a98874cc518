package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.transfer.ImportControl;
import io.cosmosdesk.transfer.ImportFormat;
import io.cosmosdesk.transfer.ImportRequest;
import io.cosmosdesk.transfer.ImportResult;
import io.cosmosdesk.transfer.ImportService;
import io.cosmosdesk.transfer.ImportValidation;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * Imports N items (default 100,000, ~500 bytes each, 50 partitions) from a JSON Lines file with ImportService
 * (journal, report, create-only with its 409 check) and compares items/s with the raw SDK's bulk create of the
 * same items, already in memory, on the same server in the same run (raw first, then ours, after a warm-up).
 * Prints the peak heap used during the import (sampled every 20 ms) and after a GC, and the validation pass's
 * rate.
 *
 * <p>{@code -Dbench.import.heapOnly=true} measures only the import's heap (for 1,000,000 items: the full run writes
 * N items three times, raw + two imports, into the one in-memory local server and took more than 11 minutes at a
 * million): one import, the live set sampled after a full GC every {@value #HEAP_SAMPLE_BATCHES} batches, and the
 * local server's resident memory beside it, so it is plain which side holds the items.
 */
public final class ImportBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.import.items", 100_000);
    private static final boolean HEAP_ONLY = Boolean.getBoolean("bench.import.heapOnly");
    private static final int HEAP_SAMPLE_BATCHES = 40;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(client);
            } finally {
                client.close();
            }
        }
    }

    private static void run(CosmosAsyncClient client) throws Exception {
        client.createDatabaseIfNotExists("bench").block();
        Path home = Path.of(System.getProperty("cosmosdesk.home", "target/bench-home"));
        Files.createDirectories(home);
        Path file = home.resolve("import-bench.jsonl");
        write(file, ITEMS);
        System.out.printf("ImportBenchmark: %,d items (%,d bytes of JSON Lines), load %.2f%n", ITEMS, Files.size(file),
                load());
        if (HEAP_ONLY) {
            heapOnly(client, file, home);
            return;
        }

        // warm-up: connections, JIT, the server's code paths
        Path warm = home.resolve("import-warm.jsonl");
        write(warm, 2_000);
        raw(container(client), read(warm));
        ours(client, container(client), warm, home, ImportControl.none());

        List<ObjectNode> items = read(file);
        double raw = raw(container(client), items);
        System.out.printf("ImportBenchmark: raw SDK bulk create (items in memory): %,.0f items/s%n", raw);
        items = null;
        System.gc();
        HeapSampler heap = new HeapSampler();
        heap.start();
        double ours = ours(client, container(client), file, home, ImportControl.none());
        heap.stopSampling();
        System.out.printf("ImportBenchmark: ImportService from JSON Lines:          %,.0f items/s, ratio %.2f "
                + "(target >= 0.80); peak heap %,d MB used incl. garbage%n", ours, ours / raw, heap.peak.get() >> 20);
        // the live set, not garbage: a full GC every 20 batches of a second import, the largest heap left after it
        AtomicLong live = new AtomicLong();
        long[] batches = {0};
        ours(client, container(client), file, home, new ImportControl(progress -> {
            if (++batches[0] % 20 == 0) {
                System.gc();
                live.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            }
        }));
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        long start = System.nanoTime();
        var check = ImportValidation.check(ImportRequest.of(file, ImportFormat.JSONL), List.of("/pk"), row -> { },
                () -> false);
        double checkRate = check.rows() / ((System.nanoTime() - start) / 1e9);

        System.out.printf("ImportBenchmark: raw SDK bulk create (items in memory): %,.0f items/s%n", raw);
        System.out.printf("ImportBenchmark: ImportService from JSON Lines:          %,.0f items/s%n", ours);
        System.out.printf("ImportBenchmark: ratio %.2f (target >= 0.80); load %.2f%n", ours / raw, load());
        System.out.printf("ImportBenchmark: validation pass: %,.0f rows/s%n", checkRate);
        System.out.printf("ImportBenchmark: heap during the import: peak %,d MB used incl. garbage (sampled, -Xmx4g), "
                + "live set at most %,d MB (after a GC every 20 batches), %,d MB after the import%n",
                heap.peak.get() >> 20, live.get() >> 20, after >> 20);
    }

    /** One import, its live set sampled as it runs: what the import keeps, not how fast it is. */
    private static void heapOnly(CosmosAsyncClient client, Path file, Path home) {
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        HeapSampler heap = new HeapSampler();
        heap.start();
        AtomicLong live = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        long[] batches = {0};
        long start = System.nanoTime();
        ours(client, container(client), file, home, new ImportControl(progress -> {
            if (++batches[0] % HEAP_SAMPLE_BATCHES == 0) {
                System.gc();
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                live.accumulateAndGet(used, Math::max);
                if (samples.incrementAndGet() % 10 == 0) {
                    System.out.printf("ImportBenchmark: %,d rows in, live heap %,d MB, server %,d MB resident "
                            + "(load %.2f)%n", progress.rows(), used >> 20, serverResident() >> 20, load());
                }
            }
        }));
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.stopSampling();
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("ImportBenchmark heap at %,d items: live set at most %,d MB during the import (%,d samples, a "
                + "full GC every %d batches), %,d MB before, %,d MB after; peak %,d MB used incl. garbage (max heap "
                + "%,d MB); target < 300 MB%n", ITEMS, live.get() >> 20, samples.get(), HEAP_SAMPLE_BATCHES,
                before >> 20, after >> 20, heap.peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("ImportBenchmark heap at %,d items: %.0f s (%,.0f items/s, not a speed figure: full GCs); "
                + "local server resident %,d MB holding the items; load %.2f%n", ITEMS, seconds, ITEMS / seconds,
                serverResident() >> 20, load());
    }

    /** Resident memory of the local server (the node child of this JVM), from /proc; 0 when unknown. */
    static long serverResident() {
        return ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("node"))
                .mapToLong(p -> {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                            }
                        }
                    } catch (Exception e) {
                        return 0;
                    }
                    return 0;
                }).sum();
    }

    private static CosmosAsyncContainer container(CosmosAsyncClient client) {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of("/pk"));
        key.setKind(PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        String id = "import-" + UUID.randomUUID().toString().substring(0, 8);
        client.getDatabase("bench").createContainer(new CosmosContainerProperties(id, key)).block();
        return client.getDatabase("bench").getContainer(id);
    }

    private static double raw(CosmosAsyncContainer container, List<ObjectNode> items) {
        long start = System.nanoTime();
        List<CosmosBulkOperationResponse<Object>> responses = container.executeBulkOperations(Flux.fromIterable(items)
                .map(i -> CosmosBulkOperations.getCreateItemOperation(i, new PartitionKey(i.get("pk").asText()))))
                .collectList().block();
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = responses.stream().filter(r -> r.getResponse() == null || !r.getResponse().isSuccessStatusCode())
                .count();
        if (failed > 0) {
            System.out.printf("ImportBenchmark: raw: %,d of %,d failed%n", failed, items.size());
        }
        return items.size() / seconds;
    }

    private static double ours(CosmosAsyncClient client, CosmosAsyncContainer container, Path file, Path home,
            ImportControl control) {
        ConnectionProfile profile = ConnectionProfile.create("bench", AuthKind.EMULATOR, "https://127.0.0.1/");
        CosmosConnection connection = new CosmosConnection(profile, client);
        ContainerHandle handle = new ContainerHandle(connection, new ContainerInfo(
                new ContainerRef("bench", container.getId()), List.of("/pk"), false, null));
        long start = System.nanoTime();
        ImportResult result = new ImportService(home.resolve("imports"), io.cosmosdesk.testing.TestAudit.writes(
                home.resolve("audit"))).importItems(handle,
                ImportRequest.of(file, ImportFormat.JSONL).withSkipInvalid(true), control);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.allFine()) {
            System.out.println("ImportBenchmark: ours: " + result.totals().summary());
        }
        return result.totals().rows() / seconds;
    }

    private static void write(Path file, int count) throws Exception {
        Random random = new Random(count);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                ObjectNode item = Json.MAPPER.createObjectNode().put("id", "item-" + i).put("pk", "p" + i % 50)
                        .put("n", i).put("name", "Item " + i).put("price", random.nextInt(100_000) / 100.0);
                item.putObject("detail").put("text", "x".repeat(300)).putArray("tags").add("t" + i % 7).add(i);
                out.write(Json.MAPPER.writeValueAsString(item));
                out.write('\n');
            }
        }
    }

    private static List<ObjectNode> read(Path file) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.map(line -> {
                try {
                    return (ObjectNode) Json.MAPPER.readTree(line);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Samples the used heap every 20 ms on a daemon thread of its own (benchmark code, not the app). */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();
        private volatile boolean stopped;
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopped) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            stopped = true;
        }
    }
}
