package io.cosmosdesk.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.schema.FieldPath;
import io.cosmosdesk.schema.SampleProgress;
import io.cosmosdesk.schema.SampleResult;
import io.cosmosdesk.schema.SchemaService;
import io.cosmosdesk.schema.SchemaStatistics;
import io.cosmosdesk.schema.SchemaSummary;
import io.cosmosdesk.schema.SchemaTab;
import io.cosmosdesk.schema.SchemaTabFixture;
import io.cosmosdesk.schema.SchemaViewModel;
import io.cosmosdesk.ui.FxTaskRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Schema statistics over sampled items of ~1 KB: CPU spent on the statistics beyond reading (parsing) the items,
 * heap held by the statistics at 10,000 / 50,000 / 100,000 items (it must stop growing past 10,000), and the UI
 * thread's longest stall while a shown Schema tab fills in from snapshots (the sampler's 250 ms rhythm, items
 * arriving at a steady rate). Items are generated in memory with a fixed seed, so figures compare across runs.
 *
 * <p>Args: {@code ITEMS} (default 10000), then {@code ui} to measure the tab only.
 */
public final class SchemaBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SchemaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<byte[]> bodies = new ArrayList<>();
        Random random = new Random(7);
        long bytes = 0;
        for (int i = 0; i < items; i++) {
            byte[] body = Json.MAPPER.writeValueAsBytes(item(i, random));
            bodies.add(body);
            bytes += body.length;
        }
        print("%,d items, %,d bytes each on average", items, bytes / items);

        boolean uiOnly = args.length > 1 && "ui".equals(args[1]);
        if (!uiOnly) {
            statisticsFigures(items, bodies);
        }

        // the UI thread while a shown Schema tab fills in
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskRunner tasks = new FxTaskRunner();
        ContainerHandle handle = SchemaTabFixture.container("bench", "orders");
        CountDownLatch done = new CountDownLatch(1);
        SchemaService inMemory = new SchemaService() {
            @Override
            public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                    BooleanSupplier cancelled) {
                SchemaStatistics statistics = new SchemaStatistics();
                long last = System.nanoTime();
                int read = 0;
                try {
                    for (byte[] body : bodies) {
                        statistics.add(Json.MAPPER.readTree(body));
                        if (++read % 100 == 0) {
                            Thread.sleep(10); // a page of 100 arriving: ~10,000 items/s at most
                        }
                        if (System.nanoTime() - last > 250_000_000L) {
                            progress.accept(new SampleProgress(read, items, read / 100.0, statistics.summary()));
                            last = System.nanoTime();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                SchemaSummary summary = statistics.summary();
                progress.accept(new SampleProgress(read, items, read / 100.0, summary));
                return new SampleResult(summary, read, read / 100.0, 1, "bench", false);
            }
        };
        SchemaViewModel[] viewModel = new SchemaViewModel[1];
        CountDownLatch firstPasses = new CountDownLatch(5);
        CountDownLatch built = new CountDownLatch(1);
        Platform.runLater(() -> {
            long openCpu = THREADS.getCurrentThreadCpuTime();
            SchemaViewModel vm = SchemaTabFixture.viewModel(handle, inMemory, tasks, new SchemaTabFixture.GridHandOff());
            viewModel[0] = vm;
            SchemaTab tab = new SchemaTab(vm, tasks);
            Stage stage = new Stage();
            stage.setScene(BenchScenes.styled((javafx.scene.Parent) tab.view(), 1200, 800));
            BenchScenes.reportLongPasses(stage.getScene(), "schema-bench");
            stage.getScene().addPostLayoutPulseListener(firstPasses::countDown);
            stage.show();
            print("tab built (FXML) and window shown: %d ms of UI-thread CPU, before its first CSS + layout pass "
                    + "(opening, not filling in)", (THREADS.getCurrentThreadCpuTime() - openCpu) / 1_000_000);
            vm.selectedPathProperty().set(FieldPath.ROOT.child("lines").element().child("sku"));
            vm.finishedProperty().addListener((obs, old, finished) -> {
                if (finished) {
                    done.countDown();
                }
            });
            built.countDown();
        });
        // the window's first show is not part of filling in: a few passes done, then a moment to settle
        built.await(5, TimeUnit.MINUTES); // the tab exists before it is asked to analyse, however loaded the machine
        firstPasses.await(20, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        UiStallMeter meter = UiStallMeter.start();
        long[] gcAtStart = gcTotals();
        FxLateSampler late = new FxLateSampler();
        late.start();
        ThreadCpu threadCpu = ThreadCpu.start();
        long fillStart = System.nanoTime();
        Platform.runLater(() -> viewModel[0].analyse());
        if (!done.await(5, TimeUnit.MINUTES)) {
            print("the tab did not finish within 5 minutes");
        }
        long[] stall = meter.stop();
        late.stop();
        print("Schema tab filling in with %,d items over %.1f s: longest UI-thread stall %d ms wall, %d ms UI-thread "
                + "CPU (target < 50 ms); load average %.1f", items, (System.nanoTime() - fillStart) / 1e9, stall[0],
                stall[1], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long[] gc = gcTotals();
        print("garbage collections meanwhile: %d taking %d ms in all (each stops the UI thread too)",
                gc[0] - gcAtStart[0], gc[1] - gcAtStart[1]);
        print("stalls over 50 ms: %s; where the UI thread was while late:%s", meter.lateStalls(), late.report());
        // the work behind the frames, which load does not inflate as it does wall time: the UI thread's CPU and the
        // renderer's (software pipeline: every changed pixel is painted on the CPU) while the figures filled in
        print("CPU by thread while filling in (less is less to wait for per frame):%s", threadCpu.report());
        Platform.exit();
        System.exit(0);
    }

    /** CPU of the statistics beyond reading, and the heap they hold by number of items. */
    private static void statisticsFigures(int items, List<byte[]> bodies) throws Exception {
        // CPU: reading (parsing) vs statistics, 5 rounds after a warm-up
        double[] readMs = new double[5];
        double[] statsMs = new double[5];
        for (int round = -1; round < 5; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            List<ObjectNode> parsed = new ArrayList<>(items);
            for (byte[] body : bodies) {
                parsed.add((ObjectNode) Json.MAPPER.readTree(body));
            }
            long read = THREADS.getCurrentThreadCpuTime() - start;
            start = THREADS.getCurrentThreadCpuTime();
            SchemaStatistics statistics = new SchemaStatistics();
            int snapshots = 0;
            for (int i = 0; i < parsed.size(); i++) {
                statistics.add(parsed.get(i));
                if (i % 1_000 == 999) { // about what the sampler's 250 ms rhythm gives at ~4,000 items/s
                    statistics.summary();
                    snapshots++;
                }
            }
            statistics.summary();
            long stats = THREADS.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                readMs[round] = read / 1e6;
                statsMs[round] = stats / 1e6;
            }
            if (round == 0) {
                print("statistics: %d fields, %d snapshots per pass", statistics.summary().allFields().size(),
                        snapshots + 1);
            }
        }
        print("CPU, median of 5: reading (parsing) %.0f ms; statistics beyond reading %.0f ms (target < 1,000 ms);"
                + " rounds %s", median(readMs), median(statsMs), Arrays.toString(round(statsMs)));

        // heap held by the statistics, by number of items (new items generated, so distinct values keep growing)
        for (int n : new int[] {10_000, 50_000, 100_000}) {
            SchemaStatistics statistics = new SchemaStatistics();
            Random each = new Random(11);
            for (int i = 0; i < n; i++) {
                statistics.add(item(i, each));
            }
            statistics.summary();
            long with = usedAfterGc();
            java.lang.ref.Reference.reachabilityFence(statistics);
            statistics = null; // NOPMD: measured by its absence
            long without = usedAfterGc();
            print("heap held by the statistics after %,7d items: %,6.1f MB", n, (with - without) / 1e6);
        }
    }

    /** An order of ~1 KB: strings, numbers, a date, a GUID, booleans, nulls, a nested object, an array of objects. */
    static ObjectNode item(int i, Random random) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", "order-" + i);
        item.put("customerId", "cust-" + random.nextInt(500));
        item.put("status", new String[] {"open", "paid", "shipped", "cancelled"}[random.nextInt(4)]);
        item.put("createdAt", String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:00Z", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60)));
        item.put("trackingId", new UUID(random.nextLong(), random.nextLong()).toString());
        item.put("total", Math.round(random.nextDouble() * 100_000) / 100.0);
        item.put("express", random.nextBoolean());
        if (i % 7 == 0) {
            item.putNull("couponCode");
        } else if (i % 7 == 1) {
            item.put("couponCode", "SAVE" + random.nextInt(50));
        }
        ObjectNode customer = item.putObject("customer");
        customer.put("name", "Customer " + random.nextInt(500));
        customer.put("email", "user" + i + "@example.com");
        customer.putObject("address").put("city", "City " + random.nextInt(80)).put("zip",
                String.format(Locale.ROOT, "%05d", random.nextInt(100_000)));
        ArrayNode lines = item.putArray("lines");
        int count = 1 + random.nextInt(5);
        for (int l = 0; l < count; l++) {
            lines.addObject().put("sku", "SKU-" + random.nextInt(2_000)).put("qty", 1 + random.nextInt(9))
                    .put("price", Math.round(random.nextDouble() * 50_000) / 100.0)
                    .put("note", "line note " + random.nextInt(100_000));
        }
        item.putArray("tags").add("t" + random.nextInt(20)).add("t" + random.nextInt(20));
        item.put("comment", "x".repeat(300 + random.nextInt(200)));
        return item;
    }

    /** {collections, their total ms} over every collector so far. */
    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[schema-bench] " + format + "%n", args);
    }
}
