package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.UnauditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.MoveControl;
import io.cosmosdesk.move.MoveJournal;
import io.cosmosdesk.move.MoveReport;
import io.cosmosdesk.move.MoveService;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.move.MoveStepListener;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reactor.core.publisher.Flux;

/**
 * Moves 10,000 items (about 1 KB each, ten source partitions) with the journal on, and compares items/s with
 * the raw SDK doing bulk create + bulk delete of the same items on the same server in the same run. Rounds
 * alternate (raw, move, raw, move, ...) after a warm-up; the median of each is reported. Also measures what
 * the journal's fsyncs cost on this disk. With sizes as arguments ({@code -Dbench.args="100000 1000000"}) it
 * moves every item of a container of each size instead, reporting the heap and the ratio to the raw SDK
 * ({@link MoveAtScale}, one whole job per size). With {@code -Dbench.args="pairs 1000000 20000 10"} it measures the
 * ratio at scale in interleaved pairs of chunk moves in one container of that size ({@link MovePairsAtScale}).
 * With {@code -Dbench.args="audit 5"} it measures only what the audit log adds: five
 * alternating pairs of moves without and with it ({@link #auditCost}).
 */
public final class MoveBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.move.items", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.move.rounds", 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private MoveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                if (args.length > 0 && args[0].equals("audit")) {
                    auditCost(client, args.length > 1 ? Integer.parseInt(args[1]) : 5);
                } else if (args.length > 0 && args[0].equals("pairs")) {
                    client.createDatabaseIfNotExists("bench").block();
                    Path home = Path.of(System.getProperty("cosmosdesk.home", "target/bench-home")).resolve("moves");
                    MovePairsAtScale.run(client, home, args.length > 1 ? number(args[1]) : 1_000_000,
                            args.length > 2 ? number(args[2]) : 20_000, args.length > 3 ? number(args[3]) : 10);
                } else if (args.length == 0) {
                    run(client);
                } else {
                    client.createDatabaseIfNotExists("bench").block();
                    Path home = Path.of(System.getProperty("cosmosdesk.home", "target/bench-home")).resolve("moves");
                    for (String size : args) {
                        MoveAtScale.run(client, home, number(size));
                    }
                }
            } finally {
                client.close();
            }
        }
    }

    private static int number(String text) {
        return Integer.parseInt(text.replace(",", "").replace("_", ""));
    }

    private static void run(CosmosAsyncClient client) throws Exception {
        client.createDatabaseIfNotExists("bench").block();
        Path home = Path.of(System.getProperty("cosmosdesk.home", "target/bench-home")).resolve("moves");
        MoveTuning tuning = MoveTuning.defaults();
        System.out.printf("MoveBenchmark: %,d items of ~1 KB, batch %d, %d rounds each after a warm-up (load %.2f)%n",
                ITEMS, tuning.batchSize(), ROUNDS, load());

        // the audit log of the audited rounds, and the baseline's door that records nothing
        AuditLog auditLog = new AuditLog(home.resolveSibling("audit-" + System.nanoTime()));
        AuditedWrites audited = new AuditedWrites(auditLog);
        AuditedWrites unaudited = UnauditedWrites.baselineFor(auditLog);

        // warm-up: connections, JIT, the server's code paths
        raw(client, items(2_000, 0));
        move(client, items(2_000, 1), home, tuning, unaudited);
        move(client, items(2_000, 2), home, tuning, audited);
        long warmNanos = auditLog.appendNanos();
        long warmBytes = auditLog.bytesWritten();

        List<Double> rawRates = new ArrayList<>();
        List<Double> moveRates = new ArrayList<>();
        List<Double> auditedRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double rawRate = raw(client, items(ITEMS, 10 + round));
            // the two kinds of move alternate which goes first, so neither always gets the warmer server
            double moveRate;
            double auditedRate;
            if (round % 2 == 0) {
                moveRate = move(client, items(ITEMS, 20 + round), home, tuning, unaudited);
                auditedRate = move(client, items(ITEMS, 30 + round), home, tuning, audited);
            } else {
                auditedRate = move(client, items(ITEMS, 30 + round), home, tuning, audited);
                moveRate = move(client, items(ITEMS, 20 + round), home, tuning, unaudited);
            }
            rawRates.add(rawRate);
            moveRates.add(moveRate);
            auditedRates.add(auditedRate);
            System.out.printf("  round %d: raw SDK %,.0f items/s, move %,.0f items/s (ratio %.2f), move with the "
                    + "audit log %,.0f items/s (audit cost %.1f %%)%n", round + 1, rawRate, moveRate,
                    moveRate / rawRate, auditedRate, 100 * (1 - auditedRate / moveRate));
        }
        double raw = median(rawRates);
        double moved = median(moveRates);
        double movedAudited = median(auditedRates);
        System.out.printf("MoveBenchmark: raw SDK bulk create + bulk delete: %,.0f items/s (median)%n", raw);
        System.out.printf("MoveBenchmark: moveItems with the journal on:    %,.0f items/s (median)%n", moved);
        System.out.printf("MoveBenchmark: ratio %.2f (target >= 0.80); load %.2f%n", moved / raw, load());
        System.out.printf("MoveBenchmark: moveItems with the audit log on:  %,.0f items/s (median); the audit log "
                + "costs %.1f %% of the move's rate (target < 10 %%)%n", movedAudited,
                100 * (1 - movedAudited / moved));
        System.out.printf("MoveBenchmark: audit log per %,d-item move: %.1f MB, %.0f ms appending (serialise, "
                + "write, fsync; off the job thread while the server works on the next batch)%n", ITEMS,
                (auditLog.bytesWritten() - warmBytes) / 1e6 / ROUNDS,
                (auditLog.appendNanos() - warmNanos) / 1e6 / ROUNDS);
        auditLog.close();
        journalCost(home, tuning.batchSize());
    }

    private static List<ObjectNode> items(int count, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode item = JSON.createObjectNode().put("id", "i-" + seed + "-" + i).put("pk", "p" + i % 10);
            item.put("n", i).put("price", random.nextInt(100_000) / 100.0);
            item.put("description", "x".repeat(700 + random.nextInt(200)));
            item.putObject("detail").put("colour", random.nextBoolean() ? "red" : "blue").putArray("tags").add("a").add("b");
            items.add(item);
        }
        return items;
    }

    private static CosmosAsyncContainer seeded(CosmosAsyncClient client, List<ObjectNode> items) {
        CosmosAsyncContainer container = MoveAtScale.newContainer(client, "c-");
        List<CosmosItemOperation> creates = items.stream()
                .map(i -> CosmosBulkOperations.getCreateItemOperation(i, new PartitionKey(i.get("pk").asText())))
                .toList();
        container.executeBulkOperations(Flux.fromIterable(creates)).blockLast();
        return container;
    }

    /** What a move does with no journal and no checks: bulk create the copies, then bulk delete the sources. */
    private static double raw(CosmosAsyncClient client, List<ObjectNode> items) {
        CosmosAsyncContainer container = seeded(client, items);
        long start = System.nanoTime();
        List<CosmosItemOperation> creates = new ArrayList<>(items.size());
        for (ObjectNode item : items) {
            ObjectNode copy = item.deepCopy().put("pk", "target");
            creates.add(CosmosBulkOperations.getCreateItemOperation(copy, new PartitionKey("target")));
        }
        container.executeBulkOperations(Flux.fromIterable(creates)).blockLast();
        List<CosmosItemOperation> deletes = items.stream()
                .map(i -> CosmosBulkOperations.getDeleteItemOperation(i.get("id").asText(),
                        new PartitionKey(i.get("pk").asText())))
                .toList();
        container.executeBulkOperations(Flux.fromIterable(deletes)).blockLast();
        double rate = items.size() / ((System.nanoTime() - start) / 1e9);
        requireAllIn(container, items.size());
        container.delete().block();
        return rate;
    }

    /** The mover as the grid hands it a selection: ids, keys, bodies and ETags already loaded. */
    private static double move(CosmosAsyncClient client, List<ObjectNode> items, Path home, MoveTuning tuning,
            AuditedWrites writes) {
        CosmosAsyncContainer container = seeded(client, items);
        List<ObjectNode> loaded = container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                ObjectNode.class).collectList().block();
        List<MoveSource> sources = loaded.stream().map(i -> new MoveSource(i.get("id").asText(),
                PartitionKeyValue.of(i.get("pk").asText()), i.get("_etag").asText(), i)).toList();
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(
                ConnectionProfile.create("bench", AuthKind.EMULATOR, "https://127.0.0.1/"), client),
                new ContainerInfo(new ContainerRef("bench", container.getId()), List.of("/pk"), false, null));
        MoveService service = new MoveService(home, tuning, MoveStepListener.NONE, writes);
        long start = System.nanoTime();
        MoveReport report = service.moveItems(handle, sources, PartitionKeyValue.of("target"), MoveControl.none());
        double rate = items.size() / ((System.nanoTime() - start) / 1e9);
        if (report.moved() != items.size()) {
            throw new IllegalStateException("The move did not move everything: " + report.summary());
        }
        requireAllIn(container, items.size());
        container.delete().block();
        return rate;
    }

    private static void requireAllIn(CosmosAsyncContainer container, int expected) {
        Long inTarget = container.queryItems("SELECT VALUE COUNT(1) FROM c", new CosmosQueryRequestOptions()
                .setPartitionKey(new PartitionKey("target")), Long.class).blockFirst();
        Long all = container.queryItems("SELECT VALUE COUNT(1) FROM c", new CosmosQueryRequestOptions(), Long.class)
                .blockFirst();
        if (inTarget == null || inTarget != expected || all == null || all != expected) {
            throw new IllegalStateException("Expected " + expected + " items, all in the target; found " + inTarget
                    + " in the target of " + all);
        }
    }

    /**
     * The journal as a move writes it: per batch, the copies of the batch before (CREATED), the deletes of the one
     * before that (SOURCE_DELETED, DONE) and this batch's PLANNED bodies, then one fsync.
     */
    static void journalCost(Path home, int batchSize) throws Exception {
        Path folder = Files.createDirectories(home.resolve("bench-fsync"));
        List<ObjectNode> items = items(ITEMS, 99);
        long start = System.nanoTime();
        MoveJournal journal = MoveJournal.create(folder, "fsync-" + System.nanoTime(),
                JsonNodeFactory.instance.objectNode().put("t", "JOB"));
        int batches = (items.size() + batchSize - 1) / batchSize;
        for (int batch = 0; batch < batches + 2; batch++) {
            for (int n = (batch - 1) * batchSize; n < Math.min(items.size(), batch * batchSize); n++) {
                journal.append(JsonNodeFactory.instance.objectNode().put("t", "CREATED").put("n", n).put("etag", "e"));
            }
            for (int n = (batch - 2) * batchSize; n < Math.min(items.size(), (batch - 1) * batchSize); n++) {
                journal.append(JsonNodeFactory.instance.objectNode().put("t", "SOURCE_DELETED").put("n", n));
                journal.append(JsonNodeFactory.instance.objectNode().put("t", "DONE").put("n", n));
            }
            for (int n = batch * batchSize; n < Math.min(items.size(), (batch + 1) * batchSize); n++) {
                ObjectNode planned = JsonNodeFactory.instance.objectNode().put("t", "PLANNED").put("n", n);
                planned.set("body", items.get(n));
                journal.append(planned);
            }
            journal.sync();
        }
        double total = (System.nanoTime() - start) / 1e6;
        long bytes = Files.size(journal.file());
        journal.close();
        System.out.printf("MoveBenchmark: journal for %,d items: %,d KB, %d fsyncs taking %.1f ms (%.2f ms each); "
                        + "writing it all took %.1f ms%n", ITEMS, bytes / 1024, journal.syncCount(),
                journal.syncNanos() / 1e6, journal.syncNanos() / 1e6 / journal.syncCount(), total);
    }

    /** The one-minute load average: this box is shared, and figures taken under load are noisy. */
    /**
     * What the audit log adds to a move: {@code pairs} pairs of the same move without and with the log, the order
     * within a pair alternating, so both see the same machine (other work shares these cores). Prints each pair
     * with {@code uptime}, the medians, the spread, the median of the per-pair costs, and the time the move's own
     * thread spent appending entries (serialise, write, fsync: work the move waits for) as a share of the audited
     * move's time, which noise on the server side does not blur.
     */
    private static void auditCost(CosmosAsyncClient client, int pairs) throws Exception {
        client.createDatabaseIfNotExists("bench").block();
        Path home = Path.of(System.getProperty("cosmosdesk.home", "target/bench-home")).resolve("moves");
        MoveTuning tuning = MoveTuning.defaults();
        AuditLog auditLog = new AuditLog(home.resolveSibling("audit-" + System.nanoTime()));
        AuditedWrites audited = new AuditedWrites(auditLog);
        AuditedWrites unaudited = UnauditedWrites.baselineFor(auditLog);
        System.out.printf("MoveBenchmark audit cost: %,d items of ~1 KB per move, %d pairs (uptime: %s)%n", ITEMS,
                pairs, ChangesBenchmark.uptime());
        move(client, items(2_000, 1), home, tuning, unaudited);
        move(client, items(2_000, 2), home, tuning, audited);
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<Double> appendShares = new ArrayList<>();
        List<Double> waitShares = new ArrayList<>();
        List<Double> writeShares = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            double offRate;
            double onRate;
            long appendBefore = auditLog.appendNanos();
            long[] partsBefore = auditLog.appendBreakdownNanos();
            long onNanos;
            if (pair % 2 == 0) {
                offRate = move(client, items(ITEMS, 100 + pair), home, tuning, unaudited);
                onRate = move(client, items(ITEMS, 200 + pair), home, tuning, audited);
            } else {
                onRate = move(client, items(ITEMS, 200 + pair), home, tuning, audited);
                offRate = move(client, items(ITEMS, 100 + pair), home, tuning, unaudited);
            }
            onNanos = (long) (ITEMS / onRate * 1e9);
            double appendShare = 100.0 * (auditLog.appendNanos() - appendBefore) / onNanos;
            off.add(offRate);
            on.add(onRate);
            costs.add(100 * (1 - onRate / offRate));
            appendShares.add(appendShare);
            long[] parts = auditLog.appendBreakdownNanos();
            waitShares.add(100.0 * (parts[0] - partsBefore[0]) / onNanos);
            writeShares.add(100.0 * (parts[1] - partsBefore[1]) / onNanos);
            System.out.printf("  pair %d: off %,.0f items/s, on %,.0f items/s, cost %.1f %%, appending %.1f %% of "
                    + "the audited move's time  [%s]%n", pair + 1, offRate, onRate, costs.get(pair), appendShare,
                    ChangesBenchmark.uptime());
        }
        System.out.printf("MoveBenchmark audit cost: median off %,.0f items/s (%,.0f..%,.0f), median on %,.0f items/s "
                + "(%,.0f..%,.0f)%n", median(off), min(off), max(off), median(on), min(on), max(on));
        System.out.printf("MoveBenchmark audit cost: median of per-pair costs %.1f %% (spread %.1f..%.1f %%); "
                + "from the medians %.1f %%; appending on the move's thread %.1f %% of its time (median); "
                + "target < 10 %%%n", median(costs), min(costs), max(costs), 100 * (1 - median(on) / median(off)),
                median(appendShares));
        System.out.printf("MoveBenchmark audit cost: of which waiting for the bodies serialised ahead %.1f %%, "
                + "writing + fsync %.1f %%, the rest (the lines' small fields) %.1f %% (medians)%n", median(waitShares),
                median(writeShares), median(appendShares) - median(waitShares) - median(writeShares));
        System.out.printf("MoveBenchmark audit cost: %.1f MB of entries per %,d-item move, %,d syncs in all; uptime at "
                + "the end: %s%n", auditLog.bytesWritten() / 1e6 / (pairs + 1.0 / 5), ITEMS, auditLog.syncs(),
                ChangesBenchmark.uptime());
        auditLog.close();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
