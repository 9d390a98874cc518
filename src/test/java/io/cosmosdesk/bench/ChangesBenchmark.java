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
 * <p>Args: {@code [ui] [itemsPerSecond=2000] [seconds=30]}. With {@code ui} there is no server and no writing client:
 * the tab reads a made-up feed of that many changes a second ({@code SyntheticChanges}), which measures the tab alone
 * (reading loop, diffs, table, rendering), without the server and the writer taking the machine's cores.
 *
 * <p>Also prints the CPU each group of threads used while the writes ran, and the UI thread's CPU per pulse (hand-over,
 * CSS and layout; rendering is the renderer thread's). The tab is shown as the app shows it (Primer Light and our
 * sheet). At the end, in the same JVM, {@link RepaintFloor} prints what JavaFX alone stalls repainting the same area
 * at the same rate: the floor the tab's own stall can be compared with.
 */
public final class ChangesBenchmark {

    private static final AtomicLong LONGEST_PASS_CPU = new AtomicLong();
    /** The UI thread's CPU from the start of a pulse (animation timers: the hand-over) to the end of its layout. */
    private static final AtomicLong LONGEST_PULSE_CPU = new AtomicLong();
    private static final AtomicLong PULSES_WITH_ROWS = new AtomicLong();
    /** Writer clients (connections of their own), used in turn tick by tick. */
    private static final int WRITERS = 4;
    /** Rows each hand-over (every 200 ms) brings at the rate asked: the floors' table takes as many. */
    private static int rowsPerHandOver;

    private ChangesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean uiOnly = args.length > 0 && args[0].equals("ui");
        if (uiOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        rowsPerHandOver = Math.max(1, rate / 5);
        print("uptime at start: %s", uptime());
        if (uiOnly) {
            try {
                runOverMadeUpFeed(rate, seconds);
            } catch (Throwable e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
            System.exit(0);
        }
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

        ContainerHandle handle = startFx(new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, server.endpoint()), tabClient));
        Path home = Files.createTempDirectory("changes-bench");
        FxTaskRunner tasks = new FxTaskRunner();

        int total = rate * seconds;
        Shown shown = show(() -> new ChangesFeature(home, tasks).open(new ToolTabs(), handle), total);
        if (shown == null) {
            return;
        }
        Meters meters = Meters.start();

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

        report(shown, written.get(), lastWriteDone, meters.stalls(), meters.late(), meters.cpu());
        tasks.shutdown();
    }

    /** The tab over a made-up feed of {@code rate} changes a second: no server, no writing client. */
    private static void runOverMadeUpFeed(int rate, int seconds) throws Exception {
        ContainerHandle handle = startFx(new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, "https://127.0.0.1:8081/"),
                org.mockito.Mockito.mock(CosmosAsyncClient.class))); // never called: the feed is made up
        Path home = Files.createTempDirectory("changes-bench");
        FxTaskRunner tasks = new FxTaskRunner();
        int total = rate * seconds;
        io.cosmosdesk.changes.SyntheticChanges[] feed = new io.cosmosdesk.changes.SyntheticChanges[1];
        Shown shown = show(() -> {
            io.cosmosdesk.changes.SyntheticChanges.Bench bench = io.cosmosdesk.changes.SyntheticChanges.tab(handle,
                    home, tasks, rate);
            feed[0] = bench.feed();
            feed[0].stopAfter(total);
            bench.tab().viewModel().open();
            return bench.tab();
        }, total);
        if (shown == null) {
            return;
        }
        Meters meters = Meters.start();
        long writeStart = System.nanoTime();
        while (feed[0].produced() < total && System.nanoTime() - writeStart < (seconds + 60) * 1_000_000_000L) {
            Thread.sleep(20); // the made-up writer's schedule is the clock; this only waits for its end
        }
        long lastWriteDone = System.currentTimeMillis();
        print("made-up feed: %,d changes in %.1f s (asked for %,d/s over %d s)", feed[0].produced(),
                (System.nanoTime() - writeStart) / 1e9, rate, seconds);
        report(shown, (int) feed[0].produced(), lastWriteDone, meters.stalls(), meters.late(), meters.cpu());
        tasks.shutdown();
    }

    /** The shown tab and what the benchmark counts on it (updated on the UI thread). */
    private record Shown(ChangesTab tab, AtomicInteger rows, AtomicLong worstLagMs, AtomicLong lastRowShownAt,
            CountDownLatch allShown) {
    }

    /** Shows the tab in a window of its own, counts rows as they reach the table; null if it never went live. */
    /** Starts the toolkit; the bench container's handle on {@code connection}. */
    private static ContainerHandle startFx(CosmosConnection connection) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        return new ContainerHandle(connection,
                new ContainerInfo(new ContainerRef("bench", "changes"), List.of("/customerId"), false, null));
    }

    /** What a run measures from the moment its tab is shown: UI stalls, late pulses, threads' CPU. */
    private record Meters(UiStallMeter stalls, FxLateSampler late, ThreadCpu cpu) {
        static Meters start() throws InterruptedException {
            UiStallMeter stalls = UiStallMeter.start();
            FxLateSampler late = new FxLateSampler();
            late.start();
            return new Meters(stalls, late, ThreadCpu.start());
        }
    }

    private static Shown show(java.util.function.Supplier<ChangesTab> open, int total) throws InterruptedException {
        AtomicInteger shown = new AtomicInteger();
        AtomicLong worstLagMs = new AtomicLong();
        AtomicLong lastRowShownAt = new AtomicLong();
        CountDownLatch allShown = new CountDownLatch(1);
        CountDownLatch live = new CountDownLatch(1);
        ChangesTab[] tab = new ChangesTab[1];
        Platform.runLater(() -> {
            // as the app shows it: AtlantaFX's Primer Light and our sheet (its fixed row height for this table)
            io.cosmosdesk.app.Theme.LIGHT.apply();
            tab[0] = open.get();
            Stage stage = new Stage();
            Scene scene = new Scene((Parent) tab[0].view(), 1200, 800);
            scene.getStylesheets().add(io.cosmosdesk.app.Theme.APP_STYLESHEET);
            stage.setScene(scene);
            // the UI thread's CPU in each CSS + layout pass, and from the pulse's start (animation timers run
            // first: the hand-over of rows) to the end of its layout, once the window is shown
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] passStart = new long[3];
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    passStart[2] = threads.getCurrentThreadCpuTime();
                }
            }.start();
            int[] seenRows = new int[2];
            scene.addPreLayoutPulseListener(() -> passStart[0] = threads.getCurrentThreadCpuTime());
            scene.addPostLayoutPulseListener(() -> {
                long cpuNow = threads.getCurrentThreadCpuTime();
                if (++passStart[1] > 3) {
                    LONGEST_PASS_CPU.accumulateAndGet(cpuNow - passStart[0], Math::max);
                    LONGEST_PULSE_CPU.accumulateAndGet(cpuNow - passStart[2], Math::max);
                }
                if (shown.get() != seenRows[0]) {
                    seenRows[0] = shown.get();
                    PULSES_WITH_ROWS.incrementAndGet();
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
                if (shown.get() + tab[0].viewModel().captured().droppedBeforeShown() >= total) {
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
            return null;
        }
        return new Shown(tab[0], shown, worstLagMs, lastRowShownAt, allShown);
    }

    private static void report(Shown shown, int written, long lastWriteDone, UiStallMeter meter, FxLateSampler late,
            ThreadCpu cpu) throws InterruptedException {
        print("uptime after writing: %s", uptime());
        boolean complete = shown.allShown().await(60, TimeUnit.SECONDS) || shown.rows().get()
                + shown.tab().viewModel().captured().droppedBeforeShown() >= written;
        long[] stall = meter.stop();
        late.stop();
        String cpuReport = cpu.report();
        long lagAtEnd = shown.lastRowShownAt().get() - lastWriteDone;
        long notShown = shown.tab().viewModel().captured().droppedBeforeShown();
        print("rows on screen: %,d of %,d written%s%s", shown.rows().get(), written,
                notShown == 0 ? "" : String.format(", %,d dropped before showing (older than the newest %,d)",
                        notShown, io.cosmosdesk.changes.CapturedRows.MAX_ROWS),
                complete ? "" : " (gave up waiting)");
        print("lag at the end: %d ms from the last write finishing to its row on screen (target < 2,000 ms)",
                Math.max(0, lagAtEnd));
        print("worst lag of any row: %,d ms (write started to row on screen)", shown.worstLagMs().get());
        print("FX thread's longest stall (2 ms beat, wall): %d ms, of which its own CPU %d ms (target < 50 ms)",
                stall[0], stall[1]);
        long[] steady = meter.longestAfter(2_000);
        print("longest stall beginning 2 s or more after the tab went live (the first rows build the table's first "
                + "cells on a cold JVM): %d ms wall, %d ms UI-thread CPU", steady[0], steady[1]);
        print("stalls over 50 ms: %s; where the UI thread was while late:%s", meter.lateStalls(), late.report());
        print("longest CSS + layout pass: %d ms of UI-thread CPU; longest pulse (hand-over + CSS + layout): %d ms; "
                + "pulses that showed rows: %,d", LONGEST_PASS_CPU.get() / 1_000_000,
                LONGEST_PULSE_CPU.get() / 1_000_000, PULSES_WITH_ROWS.get());
        print("CPU while writing and catching up, by thread group:%s", cpuReport);
        print("kept %,d rows, %,d older ones counted only", shown.tab().viewModel().captured().rows().size(),
                shown.tab().viewModel().captured().droppedCount());
        print("uptime at the end: %s", uptime());
        Platform.runLater(shown.tab()::close);
        // JavaFX alone repainting the same area at the same rate, in this JVM: how low the stall can go here
        RepaintFloor.print(10, rowsPerHandOver);
        print("uptime after the floors: %s", uptime());
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
