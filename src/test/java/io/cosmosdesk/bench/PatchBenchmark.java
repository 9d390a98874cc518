package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosPatchOperations;
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
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.patch.BulkPatchService;
import io.cosmosdesk.patch.PatchOp;
import io.cosmosdesk.patch.PatchOutcome;
import io.cosmosdesk.patch.PatchReport;
import io.cosmosdesk.patch.PatchScope;
import io.cosmosdesk.patch.PatchSpec;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reactor.core.publisher.Flux;

/**
 * Bulk patch of 10,000 items (~1 KB, ten partitions) with the journal (and the audit log) on, against the raw SDK's
 * bulk patch (CosmosBulkOperations.getPatchItemOperation through executeBulkOperations) of the same items on the
 * same server in the same run. Two scopes: the grid's selection (bodies and ETags already read, as the grid hands
 * them) and every item matching a filter (the job reads every item as well, a few pages ahead of the patching).
 * Rounds alternate after a warm-up; the medians, and the median of each round's own ratio, are reported with the
 * load. Seeding goes through the tests' shared helper (CosmosTestData).
 */
public final class PatchBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.patch.items", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.patch.rounds", 3);

    private PatchBenchmark() {
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

    private static PatchSpec spec() {
        return new PatchSpec(List.of(PatchOp.parse("set", "/status", "\"patched\""),
                PatchOp.parse("increment", "/n", "1")), null);
    }

    private static CosmosPatchOperations rawOperations() {
        return CosmosPatchOperations.create().set("/status", "patched").increment("/n", 1L);
    }

    private static void run(CosmosAsyncClient client) throws Exception {
        Path home = Path.of(System.getProperty("cosmosdesk.home", "target/bench-home")).resolve("patch-" + System.nanoTime());
        AuditLog auditLog = new AuditLog(home.resolve("audit"));
        AuditedWrites writes = new AuditedWrites(auditLog);
        BulkPatchService service = new BulkPatchService(home.resolve("patches"), writes);
        // the same job without audit entries (journal still on): what the audit log's share of the cost is
        BulkPatchService unaudited = new BulkPatchService(home.resolve("patches-unaudited"),
                io.cosmosdesk.audit.UnauditedWrites.baselineFor(auditLog));
        System.out.printf("PatchBenchmark: %,d items of ~1 KB, %d rounds after a warm-up, journal and audit log on "
                + "(load %.2f)%n", ITEMS, ROUNDS, load());

        raw(client, 2_000, 0);
        ours(client, service, 2_000, 1, true);
        ours(client, service, 2_000, 2, false);

        List<Double> raws = new ArrayList<>();
        List<Double> selections = new ArrayList<>();
        List<Double> filters = new ArrayList<>();
        List<Double> withoutAudit = new ArrayList<>();
        // each round's own ratio (raw and ours measured back to back): the server's speed drifts under load between
        // rounds, which a ratio of medians taken over different rounds mixes in
        List<Double> selectionRatios = new ArrayList<>();
        List<Double> filterRatios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double rawRate;
            double selection;
            double filter;
            if (round % 2 == 0) {
                rawRate = raw(client, ITEMS, 10 + round);
                selection = ours(client, service, ITEMS, 20 + round, true);
                filter = ours(client, service, ITEMS, 30 + round, false);
            } else {
                filter = ours(client, service, ITEMS, 30 + round, false);
                selection = ours(client, service, ITEMS, 20 + round, true);
                rawRate = raw(client, ITEMS, 10 + round);
            }
            double noAudit = ours(client, unaudited, ITEMS, 40 + round, true);
            withoutAudit.add(noAudit);
            raws.add(rawRate);
            selections.add(selection);
            filters.add(filter);
            selectionRatios.add(selection / rawRate);
            filterRatios.add(filter / rawRate);
            System.out.printf("  round %d: raw SDK bulk patch %,.0f items/s; bulk patch of a selection %,.0f items/s "
                    + "(ratio %.2f); of every item matching a filter %,.0f items/s (ratio %.2f); a selection without "
                    + "the audit log %,.0f items/s (ratio %.2f); load %.2f%n",
                    round + 1, rawRate, selection, selection / rawRate, filter, filter / rawRate, noAudit,
                    noAudit / rawRate, load());
        }
        double raw = median(raws);
        double selection = median(selections);
        double filter = median(filters);
        System.out.printf("PatchBenchmark: raw SDK bulk patch:                       %,.0f items/s (median)%n", raw);
        System.out.printf("PatchBenchmark: bulk patch, grid selection, journal on:   %,.0f items/s (median), "
                + "ratio %.2f (target >= 0.80)%n", selection, selection / raw);
        System.out.printf("PatchBenchmark: bulk patch, every item matching, journal on: %,.0f items/s (median), "
                + "ratio %.2f (reads every item too, two pages ahead of the patching)%n", filter, filter / raw);
        System.out.printf("PatchBenchmark: median of the rounds' own ratios: grid selection %.2f (target >= 0.80), "
                + "every item matching %.2f%n", median(selectionRatios), median(filterRatios));
        double noAudit = median(withoutAudit);
        System.out.printf("PatchBenchmark: bulk patch, grid selection, journal on, no audit log: %,.0f items/s "
                + "(median), ratio %.2f: the audit log costs %.0f %% of the rate%n", noAudit, noAudit / raw,
                100 * (1 - selection / noAudit));
        System.out.printf("PatchBenchmark: load %.2f%n", load());
    }

    /** Item {@code i} of seed {@code seed}: ~1 KB, ten partitions; the same every time it is asked for. */
    private static ObjectNode item(long seed, int i) {
        Random random = new Random(seed * 1_000_003L + i);
        ObjectNode item = Json.MAPPER.createObjectNode().put("id", id(seed, i)).put("pk", "p" + i % 10);
        item.put("n", i).put("status", "new").put("price", random.nextInt(100_000) / 100.0);
        item.put("description", "x".repeat(700 + random.nextInt(200)));
        item.putObject("detail").put("colour", random.nextBoolean() ? "red" : "blue").putArray("tags").add("a");
        return item;
    }

    private static String id(long seed, int i) {
        return "i-" + seed + "-" + i;
    }

    /** A new container keyed by /pk holding {@code count} items, through the tests' shared seeding helper. */
    private static CosmosAsyncContainer seeded(CosmosAsyncClient client, int count, long seed) {
        CosmosAsyncContainer container = CosmosTestData.over(client).createContainer("/pk");
        CosmosTestData.insert(container, "/pk", count, i -> item(seed, i));
        return container;
    }

    private static double raw(CosmosAsyncClient client, int count, long seed) {
        CosmosAsyncContainer container = seeded(client, count, seed);
        CosmosPatchOperations operations = rawOperations();
        long start = System.nanoTime();
        List<CosmosItemOperation> patches = java.util.stream.IntStream.range(0, count).mapToObj(i ->
                CosmosBulkOperations.getPatchItemOperation(id(seed, i), new PartitionKey("p" + i % 10), operations))
                .toList();
        List<CosmosBulkOperationResponse<Object>> responses = container.executeBulkOperations(
                Flux.fromIterable(patches)).collectList().block();
        double rate = count / ((System.nanoTime() - start) / 1e9);
        long ok = responses.stream().filter(r -> r.getResponse() != null && r.getResponse().isSuccessStatusCode())
                .count();
        if (ok != count) {
            throw new IllegalStateException("raw bulk patch: " + ok + " of " + count + " succeeded");
        }
        container.getDatabase().delete().block();
        return rate;
    }

    private static double ours(CosmosAsyncClient client, BulkPatchService service, int count, long seed,
            boolean selection) {
        CosmosAsyncContainer container = seeded(client, count, seed);
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(ConnectionProfile.create("bench",
                AuthKind.EMULATOR, "https://127.0.0.1/"), client), new ContainerInfo(new ContainerRef(
                container.getDatabase().getId(), container.getId()), List.of("/pk"), false, null));
        PatchScope scope;
        if (selection) {
            // as the grid holds them: every body with its ETag, read before the clock starts
            scope = new PatchScope.Selection(container.queryItems("SELECT * FROM c", ObjectNode.class)
                    .collectList().block());
        } else {
            scope = new PatchScope.Matching(ItemQuery.all());
        }
        long start = System.nanoTime();
        PatchReport report = service.apply(handle, scope, spec(), BulkPatchService.Control.NONE);
        double rate = count / ((System.nanoTime() - start) / 1e9);
        if (report.count(PatchOutcome.PATCHED) != count) {
            throw new IllegalStateException("bulk patch: " + report.summary("Patched"));
        }
        container.getDatabase().delete().block();
        return rate;
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
