package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.changes.ChangeRow;
import io.cosmosdesk.changes.ChangesFeature;
import io.cosmosdesk.changes.ChangesTab;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live changes throughput against the local server (figures printed, not asserted): another client writes items at
 * a fixed rate while the real Live changes tab (view-model, FX task runner, shown table) tails the container. Prints
 * the lag at the end (from the last write to its row on screen; target < 2 s), the worst lag of any row, how many
 * rows arrived, and the FX thread's longest stall (target < 50 ms).
 *
 * <p>Args: {@code [itemsPerSecond=2000] [seconds=30]}.
 */
public final class ChangesBenchmark {

    private static final AtomicLong LONGEST_PASS_CPU = new AtomicLong();
    /** Writer clients (connections of their own), used in turn tick by tick. */
    private static final int WRITERS = 4;

    private ChangesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        print("uptime at start: %s", uptime());
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient tabClient = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            List<CosmosAsyncClient> writerClients = new java.util.ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writerClients.add(CosmosServerExtension.clientBuilder(server).buildAsyncClient());
            }
            try {
                run(server, tabClient, writerClients, rate, seconds);
            } finally {
                writerClients.forEach(CosmosAsyncClient::close);
                tabClient.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient tabClient,
            List<CosmosAsyncClient> writerClients, int rate, int seconds) throws Exception {
        tabClient.createDatabaseIfNotExists("bench").block();
        tabClient.getDatabase("bench").createContainerIfNotExists(
                new CosmosContainerProperties("changes", "/customerId")).block();
        List<CosmosAsyncContainer> writers = writerClients.stream()
                .map(client -> client.getDatabase("bench").getContainer("changes")).toList();

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path home = Files.createTempDirectory("changes-bench");
        FxTaskRunner tasks = new FxTaskRunner();
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, server.endpoint()), tabClient);
        ContainerHandle handle = new ContainerHandle(connection,
                new ContainerInfo(new ContainerRef("bench", "changes"), List.of("/customerId"), false, null));

        int total = rate * seconds;
        AtomicInteger shown = new AtomicInteger();
        AtomicLong worstLagMs = new AtomicLong();
        AtomicLong lastRowShownAt = new AtomicLong();
        CountDownLatch allShown = new CountDownLatch(1);
        CountDownLatch live = new CountDownLatch(1);
        ChangesTab[] tab = new ChangesTab[1];
        Platform.runLater(() -> {
            ToolTabs toolTabs = new ToolTabs();
            tab[0] = new ChangesFeature(home, tasks).open(toolTabs, handle);
            Stage stage = new Stage();
            Scene scene = new Scene((Parent) tab[0].view(), 1200, 800);
            stage.setScene(scene);
            // the UI thread's CPU in each CSS + layout pass, once the window is shown
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] passStart = new long[2];
            scene.addPreLayoutPulseListener(() -> passStart[0] = threads.getCurrentThreadCpuTime());
            scene.addPostLayoutPulseListener(() -> {
                if (++passStart[1] > 3) {
                    LONGEST_PASS_CPU.accumulateAndGet(threads.getCurrentThreadCpuTime() - passStart[0], Math::max);
                }
            });
            stage.show();
            tab[0].viewModel().captured().rows().addListener((ListChangeListener<ChangeRow>) change -> {
                long now = System.currentTimeMillis();
                while (change.next()) {
                    for (ChangeRow row : change.getAddedSubList()) {
                        worstLagMs.accumulateAndGet(now - row.body().path("writtenAtMillis").asLong(), Math::max);
                    }
                    shown.addAndGet(change.getAddedSize());
                }
                lastRowShownAt.set(now);
                if (shown.get() >= total) {
                    allShown.countDown();
                }
            });
            tab[0].viewModel().stateProperty().addListener((obs, old, state) -> {
                if (state == io.cosmosdesk.changes.LiveChangesViewModel.State.LIVE) {
                    live.countDown();
                }
            });
        });
        if (!live.await(60, TimeUnit.SECONDS)) {
            print("the tab did not go live within 60 s");
            return;
        }
        UiStallMeter meter = UiStallMeter.start();
        FxLateSampler late = new FxLateSampler();
        late.start();

        // the other client: `rate` creates a second, in ticks of 50 ms; each tick's items go as one SDK bulk call
        // (batches of up to 100 operations per request) on the next of WRITERS clients, ticks overlapping, so the
        // rate is not capped by one connection's round trips (one create per request reached only ~200/s here)
        int perTick = Math.max(1, rate / 20);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger behind = new AtomicInteger();
        long writeStart = System.nanoTime();
        Flux.interval(Duration.ofMillis(50)).take((long) seconds * 20).onBackpressureBuffer()
                .flatMap(tick -> {
                    CosmosAsyncContainer on = writers.get((int) (tick % writers.size()));
                    Flux<CosmosItemOperation> operations = Flux.range((int) (tick * perTick), perTick)
                            .map(i -> CosmosBulkOperations.getCreateItemOperation(order(i),
                                    new PartitionKey("cust-" + (i % 200))));
                    return on.executeBulkOperations(operations)
                            .doOnNext(response -> {
                                if (response.getResponse() != null && response.getResponse().isSuccessStatusCode()) {
                                    written.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                            })
                            .onErrorResume(error -> {
                                failed.addAndGet(perTick);
                                return Mono.empty();
                            })
                            .then(Mono.fromRunnable(() -> {
                                // how far the writer is behind its schedule when a tick's bulk call ends
                                long due = writeStart + (tick + 1) * 50_000_000L;
                                if (System.nanoTime() - due > 1_000_000_000L) {
                                    behind.incrementAndGet();
                                }
                            }))
                            .thenReturn(tick);
                }, 16)
                .blockLast();
        long lastWriteDone = System.currentTimeMillis();
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        print("writer: %,d items in %.1f s = %,.0f items/s achieved (asked for %,d/s over %d s, %d clients, bulk; "
                + "%d failed; %d ticks ended > 1 s late)", written.get(), writeSeconds, written.get() / writeSeconds,
                rate, seconds, writers.size(), failed.get(), behind.get());
        print("uptime after writing: %s", uptime());

        boolean complete = allShown.await(60, TimeUnit.SECONDS) || shown.get() >= written.get();
        long[] stall = meter.stop();
        late.stop();
        long lagAtEnd = lastRowShownAt.get() - lastWriteDone;
        print("rows on screen: %,d of %,d written%s", shown.get(), written.get(), complete ? "" : " (gave up waiting)");
        print("lag at the end: %d ms from the last write finishing to its row on screen (target < 2,000 ms)",
                Math.max(0, lagAtEnd));
        print("worst lag of any row: %,d ms (write started to row on screen)", worstLagMs.get());
        print("FX thread's longest stall (2 ms beat, wall): %d ms, of which its own CPU %d ms (target < 50 ms)",
                stall[0], stall[1]);
        print("stalls over 50 ms: %s; where the UI thread was while late:%s", meter.lateStalls(), late.report());
        print("longest CSS + layout pass: %d ms of UI-thread CPU", LONGEST_PASS_CPU.get() / 1_000_000);
        print("kept %,d rows, %,d older ones counted only", tab[0].viewModel().captured().rows().size(),
                tab[0].viewModel().captured().droppedCount());
        print("uptime at the end: %s", uptime());
        Platform.runLater(tab[0]::close);
        tasks.shutdown();
    }

    private static ObjectNode order(int i) {
        ObjectNode item = JsonNodeFactory.instance.objectNode()
                .put("id", String.format("order-%07d", i))
                .put("customerId", "cust-" + (i % 200))
                .put("status", i % 3 == 0 ? "open" : "paid")
                .put("total", 10 + i % 500)
                .put("writtenAtMillis", System.currentTimeMillis());
        item.putObject("customer").put("name", "Customer " + (i % 200)).put("city", "Oslo");
        return item;
    }

    /** The machine's load as {@code uptime} prints it (other work shares these cores). */
    static String uptime() {
        try {
            Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor();
            return text;
        } catch (Exception e) {
            return "load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage();
        }
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
