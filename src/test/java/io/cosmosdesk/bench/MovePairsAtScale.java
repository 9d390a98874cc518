package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.MatchingItems;
import io.cosmosdesk.move.MoveControl;
import io.cosmosdesk.move.MovePreview;
import io.cosmosdesk.move.MoveReport;
import io.cosmosdesk.move.MoveService;
import io.cosmosdesk.move.MoveStep;
import io.cosmosdesk.move.MoveStepListener;
import io.cosmosdesk.move.MoveTarget;
import io.cosmosdesk.move.MoveTuning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import reactor.core.publisher.Flux;

/**
 * The ratio of the app's moves to the raw SDK's at scale, measured so that it holds under a changing load:
 * INTERLEAVED PAIRS in one container of {@code items} items of ~1 KB, seeded once in chunks of {@code chunk} items
 * (field {@code k}: the chunk, {@code n}: the sequence). Each pair, the raw SDK moves one chunk (query a page of
 * 1,000, bulk create the copies, bulk delete the sources) and the app moves another as the grid's "Move" of a
 * query's items does (count and sample, the dialog's preview, then a real job: journal, audit log, default
 * tuning); which goes first alternates. Items move within the container, so it holds {@code items} items
 * throughout. Pair 0 warms up and is left out of the medians. After each side its chunk is counted (all under the
 * target, none left); at the end every item is read back once: each {@code n} exactly once, under the key its
 * chunk's mover put it, and the counts add up to {@code items}.
 * Arguments: {@code pairs ITEMS CHUNK PAIRS}, e.g. {@code pairs 1000000 20000 10}; system properties
 * {@code bench.move.preview} and {@code bench.move.pairsUntil} (below).
 */
final class MovePairsAtScale {

    private static final int SEED_CHUNK = 5_000;
    private static final int RAW_PAGE = 1_000;
    private static final int CHECK_PAGE = 10_000;
    private static final String RAW_TARGET = "target-raw";
    private static final String APP_TARGET = "target-app";
    private static final int MAX_RESUMES = 5;
    /**
     * {@code every} (the default): the dialog's preview runs before each of the app's moves and is timed apart;
     * {@code warmup}: only in the warm-up pair (on the local server each of its conflict lookups, one per 500 ids,
     * is a scan of the whole container, which dominates a loaded run at 1,000,000 items).
     */
    private static final boolean PREVIEW_EVERY_PAIR = !"warmup".equals(System.getProperty("bench.move.preview"));
    /** No new pair starts after this instant (ISO-8601, e.g. 2026-12-07T09:45:00Z): the run still counts and checks. */
    private static final String START_NO_PAIR_AFTER = System.getProperty("bench.move.pairsUntil", "");

    private MovePairsAtScale() {
    }

    /** One measured pair: the raw pass's seconds and the app's, phase by phase. */
    private record Pair(double raw, double find, double preview, double move, double setup, double tail,
            double audit, int resumes, double rawCpu, double appCpu) {

        double job() {
            return find + move;
        }

        double withPreview() {
            return find + preview + move;
        }
    }

    static void run(CosmosAsyncClient client, Path home, int items, int chunk, int pairs) throws Exception {
        int chunks = items / chunk;
        if (items % chunk != 0 || chunks < 2 * (pairs + 1)) {
            throw new IllegalArgumentException("pairs ITEMS CHUNK PAIRS: ITEMS must be a multiple of CHUNK holding "
                    + "2 * (PAIRS + 1) chunks (one warm-up pair)");
        }
        MoveTuning tuning = MoveTuning.defaults();
        System.out.printf("MoveBenchmark at scale, mode: interleaved pairs; %,d items of ~1 KB in one container, "
                + "chunks of %,d, %d pairs after a warm-up pair, app batch %d, raw page %,d, the dialog's preview %s "
                + "(max heap %,d MB) [%s]%n", items, chunk, pairs, tuning.batchSize(), RAW_PAGE,
                PREVIEW_EVERY_PAIR ? "before every app move" : "in the warm-up pair only",
                Runtime.getRuntime().maxMemory() >> 20, ChangesBenchmark.uptime());
        CosmosAsyncContainer container = seeded(client, items, chunk);
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(
                ConnectionProfile.create("bench", AuthKind.EMULATOR, "https://127.0.0.1/"), client),
                new ContainerInfo(new ContainerRef("bench", container.getId()), List.of("/pk"), false, null));
        AuditLog auditLog = new AuditLog(home.resolveSibling("audit-pairs-" + System.nanoTime()));
        StepClock clock = new StepClock();
        MoveService service = new MoveService(home, tuning, clock, new AuditedWrites(auditLog));
        Set<Integer> rawChunks = new HashSet<>();
        Set<Integer> appChunks = new HashSet<>();
        List<Pair> measured = new ArrayList<>();
        for (int pair = 0; pair <= pairs; pair++) {
            if (pair > 1 && !START_NO_PAIR_AFTER.isEmpty()
                    && java.time.Instant.now().isAfter(java.time.Instant.parse(START_NO_PAIR_AFTER))) {
                System.out.printf("  no pair started after %s (bench.move.pairsUntil): %d of %d pairs measured [%s]%n",
                        START_NO_PAIR_AFTER, pair - 1, pairs, ChangesBenchmark.uptime());
                break;
            }
            boolean rawFirst = pair % 2 == 0;
            // the two movers also swap chunk parity, so neither always has the chunk stored first
            int rawChunk = 2 * pair + (rawFirst ? 0 : 1);
            int appChunk = 2 * pair + (rawFirst ? 1 : 0);
            double raw = 0;
            double rawCpu = 0;
            Pair app = null;
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == rawFirst) {
                    long cpu = cpuNanos();
                    raw = rawMove(container, rawChunk, chunk);
                    rawCpu = (cpuNanos() - cpu) / 1e9;
                    requireMoved(container, rawChunk, chunk, RAW_TARGET);
                    rawChunks.add(rawChunk);
                } else {
                    app = appMove(service, handle, clock, auditLog, appChunk, chunk, pair == 0 || PREVIEW_EVERY_PAIR);
                    requireMoved(container, appChunk, chunk, APP_TARGET);
                    appChunks.add(appChunk);
                }
            }
            Pair result = new Pair(raw, app.find, app.preview, app.move, app.setup, app.tail, app.audit, app.resumes,
                    rawCpu, app.appCpu);
            System.out.printf("  %s %d (%s first): raw chunk %d %,.0f items/s (%.1f s); app chunk %d: move job %,.0f "
                    + "items/s (count+sample %.1f s + job %.1f s), with the dialog's preview %,.0f items/s (preview "
                    + "%.1f s); ratio job %.2f, job alone %.2f, with preview %.2f; job set-up %.0f ms, after the last "
                    + "item %.0f ms, audit appending %.0f ms, resumed %d; CPU (this JVM + server) raw %.1f s, app job "
                    + "%.1f s: CPU ratio %.2f  [%s]%n",
                    pair == 0 ? "warm-up" : "pair", pair, rawFirst ? "raw" : "app", rawChunk, chunk / raw, raw,
                    appChunk, chunk / result.job(), result.find, result.move, chunk / result.withPreview(),
                    result.preview, raw / result.job(), raw / result.move, raw / result.withPreview(),
                    result.setup * 1e3, result.tail * 1e3, result.audit * 1e3, result.resumes, result.rawCpu,
                    result.appCpu, result.rawCpu / result.appCpu, ChangesBenchmark.uptime());
            if (pair > 0) {
                measured.add(result);
            }
        }
        summary(items, chunk, measured);
        verify(container, items, chunk, rawChunks, appChunks);
        auditLog.close();
        MoveBenchmark.journalCost(home, tuning.batchSize());
        container.delete().block();
    }

    private static void summary(int items, int chunk, List<Pair> pairs) {
        ToDoubleFunction<Pair> job = p -> p.raw / p.job();
        ToDoubleFunction<Pair> alone = p -> p.raw / p.move;
        ToDoubleFunction<Pair> withPreview = p -> p.raw / p.withPreview();
        System.out.printf("MoveBenchmark pairs: raw SDK %,.0f items/s, app move job %,.0f items/s, with the preview "
                + "%,.0f items/s (medians of %d pairs)%n", chunk / median(pairs, p -> p.raw),
                chunk / median(pairs, Pair::job), chunk / median(pairs, Pair::withPreview), pairs.size());
        System.out.printf("MoveBenchmark pairs: ratio of app moves to raw-SDK moves of %,d-item chunks in a %,d-item "
                + "container, %d interleaved pairs: %s (median of the pair ratios, spread min..max; the job = count "
                + "and sample + moveItemsTo, what follows the user's click on Move)%n", chunk, items, pairs.size(),
                spread(pairs, job));
        System.out.printf("MoveBenchmark pairs: CPU ratio (raw CPU / app job CPU, this JVM + the local server; a "
                + "niced run's wall time jumps whenever a nice-0 process takes the cores, its CPU does not) %s%n",
                spread(pairs, p -> p.rawCpu / p.appCpu));
        System.out.printf("MoveBenchmark pairs: the job alone (moveItemsTo) %s; with the dialog's preview read "
                + "before it %s%n", spread(pairs, alone), spread(pairs, withPreview));
        System.out.printf("MoveBenchmark pairs: app time over the raw pass per chunk %.1f s (median); of the app's "
                + "time: count+sample %.1f s, preview %.1f s, job set-up to the first item %.0f ms, after the last "
                + "item %.0f ms, audit appending on the job's thread %.0f ms (medians) [%s]%n",
                median(pairs, p -> p.job() - p.raw), median(pairs, p -> p.find), median(pairs, p -> p.preview),
                median(pairs, p -> p.setup) * 1e3, median(pairs, p -> p.tail) * 1e3,
                median(pairs, p -> p.audit) * 1e3, ChangesBenchmark.uptime());
    }

    private static String spread(List<Pair> pairs, ToDoubleFunction<Pair> ratio) {
        double[] values = pairs.stream().mapToDouble(ratio).sorted().toArray();
        if (Double.isNaN(values[values.length - 1])) {
            return "not measured (bench.move.preview=warmup)";
        }
        return String.format("%.2f (%.2f..%.2f)", middle(values), values[0], values[values.length - 1]);
    }

    private static double median(List<Pair> pairs, ToDoubleFunction<Pair> value) {
        return middle(pairs.stream().mapToDouble(value).sorted().toArray());
    }

    /** The median of sorted values (the mean of the middle two for an even count). */
    private static double middle(double[] sorted) {
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    /** CPU time used so far by this JVM (all its threads, GC and JIT too) and its child processes (the server). */
    private static long cpuNanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long children = ProcessHandle.current().descendants().mapToLong(child -> child.info().totalCpuDuration()
                .map(java.time.Duration::toNanos).orElse(0L)).sum();
        return jvm + children;
    }

    private static String chunkFilter(int chunk, String target) {
        // the mover's own copies carry the chunk too: a query paged across its own writes must pass over them
        return "WHERE c.k = " + chunk + " AND c.pk != '" + target + "'";
    }

    /** The raw SDK moving chunk {@code k}: a query page at a time, its copies bulk created, its sources deleted. */
    private static double rawMove(CosmosAsyncContainer container, int k, int expected) {
        String query = "SELECT * FROM c " + chunkFilter(k, RAW_TARGET);
        long start = System.nanoTime();
        String continuation = null;
        int moved = 0;
        do {
            String from = continuation;
            FeedResponse<ObjectNode> page = MoveAtScale.withRetries("query page", () -> container.queryItems(query,
                    new CosmosQueryRequestOptions(), ObjectNode.class).byPage(from, RAW_PAGE).next().block());
            continuation = page.getContinuationToken();
            List<CosmosItemOperation> creates = new ArrayList<>();
            List<CosmosItemOperation> deletes = new ArrayList<>();
            for (ObjectNode item : page.getResults()) {
                String pk = item.get("pk").asText();
                ObjectNode copy = item.deepCopy().put("pk", RAW_TARGET);
                for (String system : List.of("_rid", "_self", "_etag", "_attachments", "_ts")) {
                    copy.remove(system);
                }
                creates.add(CosmosBulkOperations.getCreateItemOperation(copy, new PartitionKey(RAW_TARGET)));
                deletes.add(CosmosBulkOperations.getDeleteItemOperation(item.get("id").asText(), new PartitionKey(pk)));
            }
            MoveAtScale.bulkUntilDone(container, creates, 409);
            MoveAtScale.bulkUntilDone(container, deletes, 404);
            moved += creates.size();
        } while (continuation != null);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (moved != expected) {
            throw new IllegalStateException("The raw pass moved " + moved + " of chunk " + k + "'s " + expected);
        }
        return seconds;
    }

    /** The app moving chunk {@code k} as the grid's Move of a query's items: count and sample, preview, job. */
    private static Pair appMove(MoveService service, ContainerHandle handle, StepClock clock, AuditLog auditLog,
            int k, int expected, boolean withPreview) {
        MoveTarget target = MoveTarget.of(PartitionKeyValue.of(APP_TARGET));
        long audit = auditLog.appendNanos();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        MatchingItems matching = asUserRetries("finding the items", () -> service.findItemsToMove(handle,
                ItemQuery.filtered(chunkFilter(k, APP_TARGET))));
        long found = System.nanoTime();
        long cpuFound = cpuNanos();
        MovePreview preview = withPreview
                ? asUserRetries("the preview", () -> service.previewMoveTo(handle, matching, target))
                : new MovePreview(expected, 0, List.of(), 0);
        long previewed = System.nanoTime();
        long cpuPreviewed = cpuNanos();
        clock.reset();
        MoveReport report = service.moveItemsTo(handle, matching, target, MoveControl.none());
        int resumes = 0;
        while (report.status() == MoveReport.Status.INTERRUPTED && resumes < MAX_RESUMES) {
            resumes++;
            System.out.printf("  the job stopped resumably (%s); resuming it (%d of at most %d) [%s]%n",
                    report.message(), resumes, MAX_RESUMES, ChangesBenchmark.uptime());
            report = service.resumeJob(handle, report.jobId(), MoveControl.none());
        }
        long end = System.nanoTime();
        double jobCpu = (cpuFound - cpuStart + cpuNanos() - cpuPreviewed) / 1e9;
        if (matching.count() != expected || preview.toMove() != expected || preview.conflicts() != 0
                || report.status() != MoveReport.Status.COMPLETED) {
            throw new IllegalStateException("The app's move of chunk " + k + " went wrong: counted "
                    + matching.count() + ", preview " + preview.toMove() + " to move, " + preview.conflicts()
                    + " conflicts; " + report.summary());
        }
        return new Pair(0, (found - start) / 1e9, withPreview ? (previewed - found) / 1e9 : Double.NaN,
                (end - previewed) / 1e9,
                (clock.first - previewed) / 1e9, (end - clock.last) / 1e9,
                (auditLog.appendNanos() - audit) / 1e9, resumes, 0, jobCpu);
    }

    /**
     * A dialog step (count, preview: they write nothing) done again when it failed because the server did not
     * answer, as the user would press it again: a niced local server busy scanning a million items for more than
     * ten seconds fails TLS handshakes (it ended the first 1,000,000-item run in pair 2's preview). Printed.
     */
    private static <T> T asUserRetries(String what, java.util.function.Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (io.cosmosdesk.cosmos.CosmosDeskException e) {
                boolean passing = e.kind() == io.cosmosdesk.cosmos.ErrorKind.TIMEOUT
                        || e.kind() == io.cosmosdesk.cosmos.ErrorKind.UNREACHABLE;
                if (!passing || attempt >= 5) {
                    throw e;
                }
                System.out.printf("  %s failed (%s); again, as the user would (attempt %d) [%s]%n", what, e.kind(),
                        attempt + 1, ChangesBenchmark.uptime());
            }
        }
    }

    /** Chunk {@code k} counted after its move: all of it under {@code target}, none left under its sources. */
    private static void requireMoved(CosmosAsyncContainer container, int k, int expected, String target) {
        long moved = MoveAtScale.count(container, "WHERE c.k = " + k + " AND c.pk = '" + target + "'");
        long all = MoveAtScale.count(container, "WHERE c.k = " + k);
        if (moved != expected || all != expected) {
            throw new IllegalStateException("FAULT: chunk " + k + " after its move to " + target + ": " + moved
                    + " under the target, " + all + " items with the chunk in all (expected " + expected + " both)");
        }
    }

    /** Every item read back once: each sequence number exactly once, under the key its chunk's mover gave it. */
    private static void verify(CosmosAsyncContainer container, int items, int chunk, Set<Integer> rawChunks,
            Set<Integer> appChunks) {
        long start = System.nanoTime();
        long raw = MoveAtScale.count(container, "WHERE c.pk = '" + RAW_TARGET + "'");
        long app = MoveAtScale.count(container, "WHERE c.pk = '" + APP_TARGET + "'");
        long left = MoveAtScale.count(container, "WHERE c.pk != '" + RAW_TARGET + "' AND c.pk != '" + APP_TARGET + "'");
        long all = MoveAtScale.count(container, "");
        BitSet seen = new BitSet(items);
        long rows = 0;
        List<String> wrong = new ArrayList<>();
        String continuation = null;
        do {
            String from = continuation;
            FeedResponse<ObjectNode> page = MoveAtScale.withRetries("check page", () -> container.queryItems(
                    "SELECT c.id, c.pk, c.n, c.k FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                    .byPage(from, CHECK_PAGE).next().block());
            continuation = page.getContinuationToken();
            for (ObjectNode row : page.getResults()) {
                rows++;
                int n = row.get("n").asInt();
                int k = row.get("k").asInt();
                String pk = row.get("pk").asText();
                String expected = rawChunks.contains(k) ? RAW_TARGET : appChunks.contains(k) ? APP_TARGET : "p" + n % 10;
                if (seen.get(n) || k != n / chunk || !pk.equals(expected) || !row.get("id").asText().equals("s-" + n)) {
                    wrong.add(row + (seen.get(n) ? " (twice)" : " (expected under " + expected + ")"));
                }
                seen.set(n);
            }
        } while (continuation != null);
        long moved = (long) chunk * (rawChunks.size() + appChunks.size());
        System.out.printf("MoveBenchmark pairs, counted at the end: %,d under %s, %,d under %s, %,d left under their "
                + "sources, %,d in all (expected %,d, %,d, %,d, %,d); read back %,d rows, %,d distinct items, %d "
                + "wrong (%.1f s)%n", raw, RAW_TARGET, app, APP_TARGET, left, all, (long) chunk * rawChunks.size(),
                (long) chunk * appChunks.size(), items - moved, items, rows, seen.cardinality(), wrong.size(),
                (System.nanoTime() - start) / 1e9);
        if (raw != (long) chunk * rawChunks.size() || app != (long) chunk * appChunks.size() || left != items - moved
                || all != items || rows != items || seen.cardinality() != items || !wrong.isEmpty()) {
            throw new IllegalStateException("FAULT: items lost, duplicated or misplaced; first wrong rows: "
                    + wrong.subList(0, Math.min(5, wrong.size())));
        }
    }

    /** A new container of {@code count} generated items, chunk {@code n / chunk}, written a few thousand at a time. */
    private static CosmosAsyncContainer seeded(CosmosAsyncClient client, int count, int chunk) {
        CosmosAsyncContainer container = MoveAtScale.newContainer(client, "pairs-");
        Random random = new Random(3);
        long start = System.nanoTime();
        for (int from = 0; from < count; from += SEED_CHUNK) {
            List<CosmosItemOperation> creates = new ArrayList<>(SEED_CHUNK);
            for (int i = from; i < Math.min(count, from + SEED_CHUNK); i++) {
                ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", "s-" + i).put("pk", "p" + i % 10);
                item.put("n", i).put("k", i / chunk).put("price", random.nextInt(100_000) / 100.0);
                item.put("description", "x".repeat(700 + random.nextInt(200)));
                item.putObject("detail").put("colour", random.nextBoolean() ? "red" : "blue").putArray("tags")
                        .add("a").add("b");
                creates.add(CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("p" + i % 10)));
            }
            MoveAtScale.bulkUntilDone(container, creates, 409);
            if ((from / SEED_CHUNK) % 40 == 39) {
                System.out.printf("  seeded %,d items, %.0f s%n", from + SEED_CHUNK, (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf("  seeded %,d items in %.1f s [%s]%n", count, (System.nanoTime() - start) / 1e9,
                ChangesBenchmark.uptime());
        return container;
    }

    /** When the job reached its first item and its last step, on the job's thread. */
    private static final class StepClock implements MoveStepListener {
        private volatile long first;
        private volatile long last;

        void reset() {
            first = 0;
            last = 0;
        }

        @Override
        public void reached(MoveStep step, int index, String id) {
            long now = System.nanoTime();
            if (first == 0) {
                first = now;
            }
            last = now;
        }
    }
}
