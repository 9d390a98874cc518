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
import io.cosmosdesk.browse.ColumnSettingsStore;
import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import reactor.core.publisher.Flux;

/**
 * Browse performance against the local server (figures printed, not asserted): time to first page,
 * items/s paging the whole container through the real Items tab (view-model, FX task runner and a
 * shown TableView) against the raw SDK paging the same container with the same page size in the same
 * run, the longest FX-thread stall while loading, and the heap with every row loaded.
 *
 * <p>Args: {@code [items=100000] [pageSize=1000] [maxSecondsPerPass=0]}. With a time limit the raw pass
 * stops after that long and the Items tab pages the same number of items, so the ratio stays fair
 * (the local server's query engine gets slower per page as the container grows).
 */
public final class BrowseBenchmark {

    private static int maxSeconds;
    /** The UI thread's CPU time in the longest CSS + layout pass of the window. */
    private static final AtomicLong LONGEST_PULSE_CPU = new AtomicLong();

    private BrowseBenchmark() {
    }

    private record RawPass(int items, double seconds, long firstPageNanos) {
        double rate() {
            return items / seconds;
        }
    }

    /** Pages the container with the raw SDK; stops at {@code limit} items or after the time limit. */
    private static RawPass rawPass(CosmosAsyncContainer container, int pageSize, int limit) {
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
        } while (token != null && count < limit && (maxSeconds == 0 || seconds(start) < maxSeconds));
        return new RawPass(count, seconds(start), first);
    }

    public static void main(String[] args) throws Exception {
        print("load average at start: %.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        maxSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(server, client, items, pageSize);
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

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, int items, int pageSize)
            throws Exception {
        long seedStart = System.nanoTime();
        CosmosAsyncContainer container = seedOrders(client, items);
        print("seeded %,d items (~%d bytes each) in %.1f s", items, order(0, new Random(1)).toString().length(),
                seconds(seedStart));

        // raw SDK: the same query, the same page size
        ThreadCpu rawCpu = ThreadCpu.start();
        RawPass rawBefore = rawPass(container, pageSize, Integer.MAX_VALUE);
        String rawCpuReport = rawCpu.report();
        int target = rawBefore.items();
        print("raw SDK:      %,d items in %.2f s = %,.0f items/s; first page %d ms%s", rawBefore.items(),
                rawBefore.seconds(), rawBefore.rate(), rawBefore.firstPageNanos() / 1_000_000,
                target < items ? " (stopped at the time limit)" : "");

        // the Items tab, through its view-model, on a shown window
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path home = Files.createTempDirectory("browse-bench");
        FxTaskRunner tasks = new FxTaskRunner();
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, server.endpoint()), client);
        ContainerHandle handle = new ContainerHandle(connection,
                new ContainerInfo(new ContainerRef("bench", "orders"), List.of("/customerId"), false, null));
        ItemsViewModel[] viewModel = new ItemsViewModel[1];
        Stall stall = new Stall();
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong firstPage = new AtomicLong();
        long[] vmStart = new long[1];
        long[] windowOpen = new long[1];
        // paging is timed from a query started on the shown window: opening the window and loading its FXML
        // (about a second on a cold JVM) is reported on its own, not spread over the items/s
        boolean[] measuring = new boolean[1];
        long[] pagingStart = new long[1];
        ThreadCpu[] tabCpu = new ThreadCpu[1];
        Platform.runLater(() -> {
            ItemsViewModel vm = new ItemsViewModel(handle, new ItemQueryService(io.cosmosdesk.testing.TestAudit.writes()), tasks, new NoDialogs(),
                    new ColumnSettingsStore(home));
            viewModel[0] = vm;
            vm.pageSizeProperty().set(pageSize);
            vm.addColumn("/customer/name");
            vm.addColumn("/total");
            vm.busyProperty().addListener((obs, was, busy) -> {
                if (!busy && measuring[0]) {
                    if (firstPage.get() == 0) {
                        firstPage.set(System.nanoTime() - pagingStart[0]);
                    }
                    if (vm.hasMoreProperty().get() && vm.rows().size() < target) {
                        vm.loadMore();
                    } else {
                        done.countDown();
                    }
                }
            });
            vmStart[0] = System.nanoTime();
            ItemsTab tab = ItemsTab.load(vm); // starts the first page
            Stage stage = new Stage();
            Scene scene = BenchScenes.styled(tab.view(), 1200, 800);
            stage.setScene(scene);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] pulseStart = new long[2];
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = threads.getCurrentThreadCpuTime());
            scene.addPostLayoutPulseListener(() -> {
                long cpu = threads.getCurrentThreadCpuTime() - pulseStart[0];
                if (++pulseStart[1] > 0) {
                    if (pulseStart[1] > 3) { // the window's first passes (first show) are not loading
                        LONGEST_PULSE_CPU.accumulateAndGet(cpu, Math::max);
                    }
                    if (cpu > 40_000_000L || pulseStart[1] <= 3) {
                        System.out.printf("  pass #%d: %d ms CPU, rows %d%n", pulseStart[1], cpu / 1_000_000,
                                viewModel[0].rows().size());
                    }
                }
            });
            BenchScenes.reportLongPasses(scene, "browse");
            // the stall watch covers loading, not the one-off FXML load and first show measured above: it starts
            // with the timed query once the window's first passes (its first show and paint) are done
            Runnable timedQuery = () -> {
                stall.start();
                measuring[0] = true;
                tabCpu[0] = ThreadCpu.start();
                pagingStart[0] = System.nanoTime();
                vm.refresh(); // drops the page the tab's load started, runs the query again on the shown window
            };
            stage.show();
            windowOpen[0] = System.nanoTime() - vmStart[0];
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 4 && pulseStart[1] >= 3) {
                        stop();
                        Platform.runLater(timedQuery);
                    } else if (frames == 4) {
                        frames = 3; // not shown yet: wait for its passes
                    }
                }
            }.start();
        });
        if (!done.await(30, TimeUnit.MINUTES)) {
            print("the Items tab did not finish within 30 minutes");
        }
        double vmSeconds = (System.nanoTime() - pagingStart[0]) / 1e9;
        String tabCpuReport = tabCpu[0].report();
        stall.stop();
        int vmCount = viewModel[0].rows().size();
        print("Items tab:    %,d items in %.2f s = %,.0f items/s; first page %d ms (window open incl. FXML load %d ms, "
                + "before the timed query)",
                vmCount, vmSeconds, vmCount / vmSeconds, firstPage.get() / 1_000_000, windowOpen[0] / 1_000_000);
        RawPass rawAfter = rawPass(container, pageSize, target);
        print("raw SDK again: %,d items in %.2f s = %,.0f items/s", rawAfter.items(), rawAfter.seconds(),
                rawAfter.rate());
        // the floor: a plain TableView under the same stall watch (its beats also run on the UI thread)
        Stall plainStall = new Stall();
        PlainTableFloor.Figures plain = PlainTableFloor.run(container, pageSize, target, plainStall::start);
        plainStall.stop();
        print("plain TableView (same 4 columns, window and theme; raw SDK pages handed over, one page ahead): "
                + "%,d items in %.2f s = %,.0f items/s", plain.items(), plain.seconds(), plain.rate());
        print("  its UI stall (2 ms beat, wall) %d ms, UI-thread CPU %d ms; by 1 ms heartbeat %d ms; stalls over 50 ms: %s",
                plainStall.meterFigures()[0], plainStall.meterFigures()[1],
                plainStall.longestHeartbeatGap() / 1_000_000, plainStall.lateWhere().replaceAll("(?s).*stalls over 50 ms: ", ""));
        print("  its CPU by thread group (stall watch threads included):%s", plain.cpu());
        double bestRaw = Math.max(rawBefore.rate(), rawAfter.rate());
        print("ratio Items tab / faster raw SDK pass (items/s): %.2f (target >= 0.9); plain TableView / raw: %.2f; "
                + "load average now %.2f",
                (vmCount / vmSeconds) / bestRaw, plain.rate() / bestRaw,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // CPU does not depend on the load the way items/s does: the tab's threads against the raw pass's, per page
        print("CPU of the raw SDK pass by thread group (%d pages):%s", (target + pageSize - 1) / pageSize,
                rawCpuReport);
        print("CPU of the Items tab pass by thread group (stall watch threads included):%s", tabCpuReport);
        print("longest FX-thread stall while loading: %d ms by 1 ms heartbeat, %d ms between pulses (target < 50 ms)",
                stall.longestHeartbeatGap() / 1_000_000, stall.longestPulseGap() / 1_000_000);
        print("UI stall (2 ms beat, wall) %d ms, of which the UI thread's own CPU %d ms (the rest: waiting for a core, "
                + "GC, the software renderer)", stall.meterFigures()[0], stall.meterFigures()[1]);
        print("longest CSS + layout pass of the window: %d ms of UI-thread CPU", LONGEST_PULSE_CPU.get() / 1_000_000);
        print("where the FX thread was while more than 30 ms late:%s", stall.lateWhere());

        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long rowBytes = viewModel[0].rows().stream().mapToLong(row -> row.sizeInBytes()).sum();
        print("heap after %,d rows loaded: %,d MB used (target < 300 MB; rows still held: %d, %,d bytes of JSON)",
                vmCount, used / (1024 * 1024), viewModel[0].rows().size(), rowBytes);
        tasks.shutdown();
    }

    /** Watches the FX thread: a 1 ms heartbeat posted from outside, and the gaps between pulses. */
    private static final class Stall {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stall-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicLong longestHeartbeat = new AtomicLong();
        private final AtomicLong longestPulse = new AtomicLong();
        private AnimationTimer pulses;
        private final FxLateSampler late = new FxLateSampler();
        private UiStallMeter meter;
        private long[] meterFigures = {0, 0};

        void start() {
            late.start();
            Thread starter = new Thread(() -> {
                try {
                    meter = UiStallMeter.start();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            starter.setDaemon(true);
            starter.start();
            timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> longestHeartbeat.accumulateAndGet(System.nanoTime() - posted, Math::max));
            }, 1, 1, TimeUnit.MILLISECONDS);
            pulses = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        longestPulse.accumulateAndGet(now - last, Math::max);
                    }
                    last = now;
                }
            };
            pulses.start();
        }

        void stop() throws InterruptedException {
            timer.shutdownNow();
            late.stop();
            if (meter != null) {
                meterFigures = meter.stop();
            }
            Platform.runLater(pulses::stop);
        }

        /** {longest wait of a 2 ms beat, the UI thread's own CPU within the busiest wait}, ms. */
        long[] meterFigures() {
            return meterFigures;
        }

        /** Where the FX thread was while more than 30 ms late, and the stalls over 50 ms. */
        String lateWhere() {
            return late.report() + "\n    stalls over 50 ms: " + (meter == null ? "-" : meter.lateStalls());
        }

        long longestHeartbeatGap() {
            return longestHeartbeat.get();
        }

        long longestPulseGap() {
            return longestPulse.get();
        }
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
    private static final class NoDialogs implements DialogService {
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
