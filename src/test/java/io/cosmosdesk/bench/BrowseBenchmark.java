package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.ui.DialogService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Platform;
import reactor.core.publisher.Flux;

/**
 * Browse performance against the local server (figures printed, not asserted): items/s paging the whole container
 * through the real Items tab (view-model, FX task runner and a shown window) against the raw SDK paging the same
 * container with the same page size, and against a plain TableView fed by the raw SDK (the JavaFX floor), the
 * longest FX-thread stall while the tab loads, the first page, and the heap with every row loaded.
 *
 * <p>A pass over 10,000 items takes under a second here, so JIT warm-up and pass order would decide a one-shot
 * comparison. The passes therefore run in rounds (raw, tab, plain; the next round starts one pass further along),
 * round 0 only warms up, each pass starts after a full GC that keeps the committed heap (as a session keeps it:
 * {@link HeapSettle}), and the ratios are per round (to that round's raw pass) with their median.
 *
 * <p>Args: {@code [items=100000] [pageSize=1000] [rounds=5]}.
 */
public final class BrowseBenchmark {

    private BrowseBenchmark() {
    }

    record RawPass(int items, double seconds, long firstPageNanos, String cpu, long cpuNanos) {
        double rate() {
            return items / seconds;
        }
    }

    /** Pages the container with the raw SDK, page by page from each page's token; stops at {@code limit} items. */
    static RawPass rawPass(CosmosAsyncContainer container, int pageSize, int limit) {
        ThreadCpu cpu = ThreadCpu.start();
        long start = System.nanoTime();
        long first = 0;
        int count = 0;
        String token = null;
        do {
            FeedResponse<ObjectNode> page = container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                    ObjectNode.class).byPage(token, pageSize).blockFirst();
            if (first == 0) {
                first = System.nanoTime() - start;
            }
            count += page.getResults().size();
            token = page.getContinuationToken();
        } while (token != null && count < limit);
        double seconds = seconds(start);
        String report = cpu.report();
        return new RawPass(count, seconds, first, report, cpu.totalNanos());
    }

    public static void main(String[] args) throws Exception {
        print("load average at start: %.2f", loadAverage());
        print("settle before each pass: %s", HeapSettle.describe());
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(server, client, items, pageSize, rounds);
            } finally {
                client.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** The three passes a round is made of; each round starts one further along, so none always runs first. */
    private enum Kind { RAW, TAB, PLAIN, TAB_MEASURED }

    /**
     * Env BENCH_MEASURED_ROWS=1 adds a fourth pass to each round: the same Items tab with its fixed row height
     * taken off (the table measures rows as a stock TableView does), an A/B of that choice in one run.
     */
    private static final boolean MEASURED_ROWS = System.getenv("BENCH_MEASURED_ROWS") != null;

    /** One round's figures: items/s per kind, the tab's first page, and the stall meters of the tab and plain passes. */
    private record Round(int number, List<Kind> order, RawPass raw, ItemsTabWindow.Pass tab,
            PlainTableFloor.Figures plain, long[] tabStall, long[] plainStall, ItemsTabWindow.Pass measured,
            long[] measuredStall) {
        double tabRatio() {
            return tab.rate() / raw.rate();
        }

        double plainRatio() {
            return plain.rate() / raw.rate();
        }

        /**
         * The most the tab's ratio could be on this machine's cores from its CPU alone: its pass needs
         * {@code cpu} (this JVM and the server together), so it cannot take less than cpu / cores of wall time.
         */
        double tabCpuCeiling() {
            return raw.seconds() / (tab.cpuNanos() / 1e9 / CORES);
        }

        double plainCpuCeiling() {
            return raw.seconds() / (plain.cpuNanos() / 1e9 / CORES);
        }
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, int items, int pageSize, int rounds)
            throws Exception {
        long seedStart = System.nanoTime();
        ThreadCpu.alsoCount(server.pid());
        io.cosmosdesk.testing.ServerCursors cursors = new io.cosmosdesk.testing.ServerCursors(server);
        CosmosAsyncContainer container = seedOrders(client, items);
        print("seeded %,d items (~%d bytes each) in %.1f s", items, order(0, new Random(1)).toString().length(),
                seconds(seedStart));
        io.cosmosdesk.testing.ServerCursors.Stats cursorsAtStart = cursors.stats();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ItemsTabWindow tab = ItemsTabWindow.open(server, client, pageSize);
        print("Items tab window open (FXML load, first show, its own first query): %d ms, before any timed pass",
                tab.windowOpenNanos() / 1_000_000);
        print("%d rounds of three passes (raw SDK, Items tab, plain TableView), each round starting one pass further "
                + "along; round 0 warms the JIT and is not counted. Ratios are to the raw pass of the same round.",
                rounds);
        List<Round> counted = new ArrayList<>();
        StallWatch lastTabStall = null;
        for (int r = 0; r <= rounds; r++) {
            List<Kind> order = new ArrayList<>(List.of(Kind.values()));
            if (!MEASURED_ROWS) {
                order.remove(Kind.TAB_MEASURED);
            }
            java.util.Collections.rotate(order, -(r % order.size()));
            RawPass raw = null;
            ItemsTabWindow.Pass tabPass = null;
            PlainTableFloor.Figures plain = null;
            long[] tabStall = null;
            long[] plainStall = null;
            ItemsTabWindow.Pass measured = null;
            long[] measuredStall = null;
            StringBuilder cursorText = new StringBuilder();
            StringBuilder heapText = new StringBuilder();
            for (Kind kind : order) {
                // per pass only when asked: each call is an HTTPS request on a new connection (JDK TLS), whose JIT
                // work spilled into the pass after it (issue 19, session 17)
                io.cosmosdesk.testing.ServerCursors.Stats cursorsBefore = CURSORS_PER_PASS ? cursors.stats() : null;
                settle();
                ALLOCATIONS.sinceLast(); // primes: the settle's own allocation is not the pass's
                long gcBefore = GC_PAUSES.pauses().size();
                long passStartMillis = System.currentTimeMillis();
                switch (kind) {
                    case RAW -> { // under the same stall watch as the others: its timer threads change the timing
                        StallWatch stall = new StallWatch();
                        Platform.runLater(stall::start);
                        raw = rawPass(container, pageSize, items);
                        stall.stop();
                    }
                    case TAB -> {
                        StallWatch stall = new StallWatch();
                        tabPass = tab.pass(items, stall::start);
                        stall.stop();
                        tabStall = stall.figures();
                        lastTabStall = stall;
                    }
                    case TAB_MEASURED -> {
                        StallWatch stall = new StallWatch();
                        measured = tab.pass(items, stall::start, true);
                        stall.stop();
                        measuredStall = stall.figures();
                    }
                    case PLAIN -> {
                        StallWatch stall = new StallWatch();
                        plain = PlainTableFloor.run(container, pageSize, items, stall::start);
                        stall.stop();
                        plainStall = stall.figures();
                    }
                }
                long passEndMillis = System.currentTimeMillis();
                heapText.append(heapLine(kind, ALLOCATIONS, GC_PAUSES.pauses().subList((int) gcBefore,
                        GC_PAUSES.pauses().size())));
                if (CURSORS_PER_PASS) {
                    cursorText.append(cursorLine(kind.name().toLowerCase(Locale.ROOT), cursorsBefore,
                            cursors.stats()));
                }
                if (System.getenv("BENCH_PASS_CLOCK") != null) { // to cut a flight recording by pass
                    print("pass clock: round %d %s %d-%d", r, kind, passStartMillis, passEndMillis);
                }
            }
            Round round = new Round(r, order, raw, tabPass, plain, tabStall, plainStall, measured, measuredStall);
            printRound(round);
            print("  allocated and collected during the pass:%s", heapText);
            if (CURSORS_PER_PASS) {
                print("  server query cursors (a miss runs the query over the whole container again):%s", cursorText);
            }
            if (r > 0) {
                counted.add(round);
            }
        }
        summarize(counted, tab, lastTabStall, pageSize);
        print("server query cursors from the window's opening to the end of %d rounds (a miss runs the query over the whole container again; "
                + "BENCH_CURSORS_PER_PASS=1 splits them by pass):%s", rounds + 1,
                cursorLine("all passes", cursorsAtStart, cursors.stats()));
        tab.close();
    }

    /**
     * Env BENCH_CURSORS_PER_PASS=1: the server's cursor counts around every pass (an HTTPS call before and after
     * each, outside its timing); otherwise once before the window opens and once after the last round.
     */
    private static final boolean CURSORS_PER_PASS = System.getenv("BENCH_CURSORS_PER_PASS") != null;

    private static String cursorLine(String what, io.cosmosdesk.testing.ServerCursors.Stats before,
            io.cosmosdesk.testing.ServerCursors.Stats after) {
        return String.format(Locale.ROOT, " %s %d hits (%d of them repeats) / %d misses;", what,
                after.hits() - before.hits(), after.repeats() - before.repeats(), after.misses() - before.misses());
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Allocation by thread group and the collections of each pass (issue 19: where the tab pass's extra CPU goes). */
    private static final ThreadAllocations ALLOCATIONS = new ThreadAllocations();
    private static final GcPauses GC_PAUSES = GcPauses.start();

    private static String heapLine(Kind kind, ThreadAllocations allocations, List<GcPauses.Pause> pauses) {
        List<GcPauses.Pause> young = pauses.stream().filter(p -> !p.cause().contains("System.gc")).toList();
        return String.format(Locale.ROOT, " %s [%s] %d pauses, %d ms, longest %d ms;",
                kind.name().toLowerCase(Locale.ROOT), allocations.sinceLast(), young.size(),
                young.stream().mapToLong(GcPauses.Pause::durationMs).sum(),
                young.stream().mapToLong(GcPauses.Pause::durationMs).max().orElse(0));
    }

    private static void printRound(Round round) {
        print("round %d (%s)%s: raw %,.0f items/s (first page %d ms) | tab %,.0f (first rows %d ms, first page in "
                + "%d ms) | plain %,.0f | tab/raw %.2f, plain/raw %.2f, tab/plain %.2f", round.number(),
                round.order().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")),
                round.number() == 0 ? " [warm-up, not counted]" : "", round.raw().rate(),
                round.raw().firstPageNanos() / 1_000_000, round.tab().rate(), round.tab().firstRowsNanos() / 1_000_000,
                round.tab().firstPageNanos() / 1_000_000, round.plain().rate(), round.tabRatio(),
                round.plainRatio(), round.tab().rate() / round.plain().rate());
        print("  stall (2 ms beat wall / its UI CPU / 1 ms heartbeat, ms): tab %d / %d / %d; plain %d / %d / %d; "
                + "tab's longest CSS + layout pass %d ms CPU", round.tabStall()[0], round.tabStall()[1],
                round.tabStall()[2], round.plainStall()[0], round.plainStall()[1], round.plainStall()[2],
                round.tab().longestPulseCpuNanos() / 1_000_000);
        print("  tab: %d loads, asked for -> rows in the list %,d ms of the pass's %,d ms", round.tab().loads(),
                round.tab().waitNanos() / 1_000_000, (long) (round.tab().seconds() * 1000));
        print("  CPU of the pass, this JVM + the server (ms): raw %,d, tab %,d, plain %,d; on %d cores that alone "
                + "caps tab/raw at %.2f, plain/raw at %.2f", round.raw().cpuNanos() / 1_000_000,
                round.tab().cpuNanos() / 1_000_000, round.plain().cpuNanos() / 1_000_000, CORES,
                round.tabCpuCeiling(), round.plainCpuCeiling());
        print("  page faults and kernel CPU of this JVM: raw %s; tab %s; plain %s", faults(round.raw().cpu()),
                faults(round.tab().cpu()), faults(round.plain().cpu()));
        if (round.measured() != null) {
            print("  A/B rows: tab with fixed row height %,.0f items/s, UI-thread CPU %s; measured rows %,.0f items/s "
                    + "(tab/raw %.2f), UI-thread CPU %s; stall %d / %d / %d ms; CPU of the pass %,d ms",
                    round.tab().rate(), fxCpu(round.tab().cpu()), round.measured().rate(),
                    round.measured().rate() / round.raw().rate(), fxCpu(round.measured().cpu()),
                    round.measuredStall()[0], round.measuredStall()[1], round.measuredStall()[2],
                    round.measured().cpuNanos() / 1_000_000);
        }
    }

    /** The page-fault line of a CPU report (see {@link ThreadCpu}), shortened. */
    private static String faults(String report) {
        return java.util.Arrays.stream(report.split("\\R")).filter(line -> line.contains("minor page faults"))
                .map(line -> line.replaceAll(".*JVM: ([\\d,]+) minor.*, ([\\d,]+) ms.*", "$1 faults, $2 ms"))
                .findFirst().orElse("?");
    }

    /** The UI thread's and the renderer's lines of a CPU report, e.g. "142 ms FX, 71 ms renderer". */
    private static String fxCpu(String report) {
        return java.util.Arrays.stream(report.split("\\R"))
                .filter(line -> line.contains("JavaFX Application Thread") || line.contains("QuantumRenderer"))
                .map(String::trim).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void summarize(List<Round> rounds, ItemsTabWindow tab, StallWatch lastTabStall, int pageSize)
            throws InterruptedException {
        print("== %d counted rounds, load average now %.2f", rounds.size(), loadAverage());
        print("ratio Items tab / raw SDK (same round): median %.2f, min %.2f, max %.2f (target >= 0.9)",
                median(rounds, Round::tabRatio), min(rounds, Round::tabRatio), max(rounds, Round::tabRatio));
        print("ratio plain TableView / raw SDK (the JavaFX floor): median %.2f, min %.2f, max %.2f",
                median(rounds, Round::plainRatio), min(rounds, Round::plainRatio), max(rounds, Round::plainRatio));
        print("ratio Items tab / plain TableView: median %.2f", median(rounds, r -> r.tab().rate() / r.plain().rate()));
        print("CPU of a pass (this JVM + the server), median ms: raw %,.0f, tab %,.0f, plain %,.0f; on %d cores the "
                + "pass's CPU alone caps tab/raw at %.2f and plain/raw at %.2f (median of the rounds' ceilings)",
                median(rounds, r -> r.raw().cpuNanos() / 1e6), median(rounds, r -> r.tab().cpuNanos() / 1e6),
                median(rounds, r -> r.plain().cpuNanos() / 1e6), CORES, median(rounds, Round::tabCpuCeiling),
                median(rounds, Round::plainCpuCeiling));
        print("median items/s: raw %,.0f, tab %,.0f, plain %,.0f; Items tab median / fastest raw pass: %.2f",
                median(rounds, r -> r.raw().rate()), median(rounds, r -> r.tab().rate()),
                median(rounds, r -> r.plain().rate()),
                median(rounds, r -> r.tab().rate()) / max(rounds, r -> r.raw().rate()));
        print("first page, median: raw SDK %d ms; Items tab first rows in the list %d ms, whole first page in %d ms "
                + "(the first page goes in over 3 frames)", (long) median(rounds, r -> r.raw().firstPageNanos()) / 1_000_000,
                (long) median(rounds, r -> r.tab().firstRowsNanos()) / 1_000_000,
                (long) median(rounds, r -> r.tab().firstPageNanos()) / 1_000_000);
        print("longest FX stall while the tab loads, worst of the counted rounds: %d ms by the 2 ms beat (UI-thread "
                + "CPU in the busiest wait %d ms), %d ms by the 1 ms heartbeat (target < 50 ms both); plain TableView "
                + "%d / %d / %d ms", max(rounds, r -> r.tabStall()[0]).longValue(),
                max(rounds, r -> r.tabStall()[1]).longValue(), max(rounds, r -> r.tabStall()[2]).longValue(),
                max(rounds, r -> r.plainStall()[0]).longValue(), max(rounds, r -> r.plainStall()[1]).longValue(),
                max(rounds, r -> r.plainStall()[2]).longValue());
        if (MEASURED_ROWS) {
            print("A/B fixed row height (%.1f px) vs measured rows, same rounds: tab/raw median %.2f vs %.2f; "
                    + "fixed/measured items/s median %.2f (min %.2f, max %.2f); CPU of a pass median %,.0f vs %,.0f ms; "
                    + "worst stall %d vs %d ms (2 ms beat), %d vs %d ms (1 ms heartbeat)", tab.styledCellSize(),
                    median(rounds, Round::tabRatio), median(rounds, r -> r.measured().rate() / r.raw().rate()),
                    median(rounds, r -> r.tab().rate() / r.measured().rate()),
                    min(rounds, r -> r.tab().rate() / r.measured().rate()),
                    max(rounds, r -> r.tab().rate() / r.measured().rate()),
                    median(rounds, r -> r.tab().cpuNanos() / 1e6), median(rounds, r -> r.measured().cpuNanos() / 1e6),
                    max(rounds, r -> r.tabStall()[0]).longValue(), max(rounds, r -> r.measuredStall()[0]).longValue(),
                    max(rounds, r -> r.tabStall()[2]).longValue(), max(rounds, r -> r.measuredStall()[2]).longValue());
        }
        Round last = rounds.get(rounds.size() - 1);
        int pages = (last.tab().items() + pageSize - 1) / pageSize;
        print("CPU by thread group, last round (%d pages), Items tab pass (stall watch threads included):%s", pages,
                last.tab().cpu());
        print("  plain TableView pass:%s", last.plain().cpu());
        print("  raw SDK pass:%s", last.raw().cpu());
        if (lastTabStall != null) {
            print("where the FX thread was while more than 30 ms late (last tab pass):%s", lastTabStall.lateWhere());
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        print("heap after %,d rows loaded: %,d MB used (target < 300 MB; %,d bytes of JSON held)", tab.rows(),
                used / (1024 * 1024), tab.rowBytes());
    }

    /**
     * Before each pass: the garbage of the last one collected, so no pass pays for another's, and the heap left as
     * big as the session grew it, as the app keeps it ({@link HeapSettle}: the raw and tab passes start alike).
     */
    private static void settle() throws InterruptedException {
        HeapSettle.fullGc();
        Thread.sleep(300);
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double min(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return rounds.stream().mapToDouble(figure).min().orElse(0);
    }

    private static Double max(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return rounds.stream().mapToDouble(figure).max().orElse(0);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** bench/orders (key /customerId) filled with {@code items} of {@link #order}'s items, by bulk create. */
    static CosmosAsyncContainer seedOrders(CosmosAsyncClient client, int items) {
        client.createDatabaseIfNotExists("bench").block();
        client.getDatabase("bench").createContainerIfNotExists(new CosmosContainerProperties("orders", "/customerId"))
                .block();
        CosmosAsyncContainer container = client.getDatabase("bench").getContainer("orders");
        Random random = new Random(42);
        Flux<CosmosItemOperation> operations = Flux.fromStream(IntStream.range(0, items).mapToObj(i -> {
            ObjectNode order = order(i, random);
            return CosmosBulkOperations.getCreateItemOperation(order,
                    new PartitionKey(order.get("customerId").asText()));
        }));
        container.executeBulkOperations(operations).blockLast();
        return container;
    }
    static ObjectNode order(int i, Random random) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        int customer = (int) (Math.pow(random.nextDouble(), 2) * 5_000);
        ObjectNode order = json.objectNode()
                .put("id", String.format(Locale.ROOT, "order-%07d", i))
                .put("type", "order")
                .put("customerId", "cust-" + customer);
        order.putObject("customer").put("name", "Customer " + customer).put("email", "c" + customer + "@example.com")
                .putObject("address").put("city", "City " + customer % 50).put("country", "NL");
        order.put("orderDate", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(31_000_000)).toString());
        order.put("status", random.nextBoolean() ? "delivered" : "shipped");
        ArrayNode lines = order.putArray("lineItems");
        int count = 1 + random.nextInt(3);
        long total = 0;
        for (int l = 0; l < count; l++) {
            int price = 100 + random.nextInt(10_000);
            lines.addObject().put("sku", "SKU-" + random.nextInt(400)).put("quantity", 1 + random.nextInt(3))
                    .put("unitPrice", price / 100.0);
            total += price;
        }
        order.put("total", total / 100.0);
        return order;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[browse] " + String.format(Locale.ROOT, format, args));
    }

    /** The benchmark never asks the user anything. */
    static final class NoDialogs implements DialogService {
        @Override
        public void showError(String title, Throwable error) {
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            return false;
        }

        @Override
        public <C extends Enum<C> & io.cosmosdesk.ui.Choice> Optional<C> choose(String title, String message,
                io.cosmosdesk.ui.Choices<C> choices) {
            return Optional.empty();
        }

        @Override
        public Optional<String> prompt(String title, String message, String initialValue) {
            return Optional.empty();
        }

        @Override
        public void showInformation(String title, String message) {
        }

        @Override
        public <C extends Enum<C> & io.cosmosdesk.ui.Choice> Optional<C> compare(String title, String message,
                String leftTitle, String leftText, String rightTitle, String rightText,
                io.cosmosdesk.ui.Choices<C> choices) {
            return Optional.empty();
        }
    }
}
