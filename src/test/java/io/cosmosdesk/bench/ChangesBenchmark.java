package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.models.CosmosContainerProperties;
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

/**
 * Live changes throughput against the local server (figures printed, not asserted): another client writes items at
 * a fixed rate while the real Live changes tab (view-model, FX task runner, shown table) tails the container. Prints
 * the lag at the end (from the last write to its row on screen; target < 2 s), the worst lag of any row, how many
 * rows arrived, and the FX thread's longest stall (target < 50 ms).
 *
 * <p>The writing client ({@link ChangesWriter}) runs in a JVM of its own, as another client does: what is measured is
 * the app's JVM (its UI thread, its collections) sharing the machine with a writer and the server, not the writer's
 * own allocation and threads inside the app. {@code --writer-in-app} puts it back in this JVM (how sessions 7-9
 * measured), for comparison. Each stall over 50 ms is printed beside this JVM's garbage collections that overlapped it.
 *
 * <p>The writer is warm by default: before the tab opens it writes at the same rate, the same items, for {@value
 * #WARM_UP_SECONDS} s (or {@code --warm-writer=N}) into another container nobody tails, as a real other client is a
 * process already running and writing when the tab goes live. {@code --cold-writer} starts measuring with a writer that
 * has written nothing yet (its JVM compiling its write path while the tab takes the first changes: how sessions 10-14
 * measured). The first figures line says which.
 *
 * <p>The stall meter's 2 ms beat also tells {@link FxLateSampler} when the UI thread is late (no beat of its own;
 * {@code --own-late-beat} gives it its 1 ms beat back, as before session 15), and the gap between pulses (the pulse's
 * own clock, every 16.7 ms) is printed beside the stall as a second wall-time meter that costs nothing.
 *
 * <p>Args: {@code [ui] [--writer-in-app] [--cold-writer | --warm-writer=N] [--own-late-beat] [itemsPerSecond=2000]
 * [seconds=30]}. With {@code ui} there is no server and no writing client:
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
    /** The UI thread's CPU from the start of a pulse (animation timers) to the end of its layout. */
    private static final AtomicLong LONGEST_PULSE_CPU = new AtomicLong();
    private static final AtomicLong PULSES_WITH_ROWS = new AtomicLong();
    /** The writer's warm-up before the tab opens, seconds, unless {@code --warm-writer=N} or {@code --cold-writer}. */
    static final int WARM_UP_SECONDS = 15;
    /** {@code --own-late-beat}: the late sampler posts its own 1 ms beat (as before session 15). */
    private static boolean ownLateBeat;
    /** While measuring: the start of the last pulse and the longest gap between two, in all and from 2 s on (ns). */
    private static volatile long pulseGapsFrom;
    private static long lastPulse; // UI thread only
    private static final AtomicLong LONGEST_PULSE_GAP = new AtomicLong();
    private static final AtomicLong LONGEST_PULSE_GAP_AFTER_2S = new AtomicLong();
    /** Rows each hand-over (every 200 ms) brings at the rate asked: the floors' table takes as many. */
    private static int rowsPerHandOver;
    /** Whether the writer was warm when measuring began, as the first figures line says. */
    private static String writerState = "no writer";
    /**
     * The first 2 s after Live, each pulse that showed rows: {ms after Live, UI CPU of the pulse (its animation
     * timers, then CSS and layout), of it CSS + layout, since the last pulse's layout} in microseconds. UI thread only
     * while measuring.
     */
    private static final List<long[]> FIRST_PULSES_WITH_ROWS = new java.util.ArrayList<>();
    /** Set while measuring: told of each pulse (the renderer's CPU per frame). */
    private static volatile CpuPerSecond perSecond;

    private ChangesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        boolean uiOnly = rest.remove("ui");
        boolean writerInApp = rest.remove("--writer-in-app");
        int warmUp = rest.remove("--cold-writer") ? 0 : WARM_UP_SECONDS;
        for (String arg : List.copyOf(rest)) {
            if (arg.startsWith("--warm-writer=")) {
                warmUp = Integer.parseInt(arg.substring("--warm-writer=".length()));
                rest.remove(arg);
            }
        }
        ownLateBeat = rest.remove("--own-late-beat");
        int rate = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 2_000;
        int seconds = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 30;
        rowsPerHandOver = Math.max(1, rate / 5);
        print("uptime at start: %s", uptime());
        print("this JVM (the app's): %s, max heap %,d MB, collector(s) %s", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, java.lang.management.ManagementFactory
                        .getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
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
            try {
                run(server, tabClient, writerInApp, warmUp, rate, seconds);
            } finally {
                tabClient.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /**
     * The other client: by default a JVM of its own, as the "another client" is, so that its allocation,
     * collections and threads are not counted as the app's; with {@code --writer-in-app} inside this JVM (how the
     * benchmark measured before session 10, for comparison).
     */
    private static void run(LocalCosmosServer server, CosmosAsyncClient tabClient, boolean writerInApp, int warmUp,
            int rate, int seconds) throws Exception {
        print("the local server: pid %d", server.pid());
        tabClient.createDatabaseIfNotExists("bench").block();
        tabClient.getDatabase("bench").createContainerIfNotExists(
                new CosmosContainerProperties("changes", "/customerId")).block();
        if (warmUp > 0) {
            tabClient.getDatabase("bench").createContainerIfNotExists(
                    new CosmosContainerProperties(ChangesWriter.WARM_UP_CONTAINER, "/customerId")).block();
        }
        java.util.concurrent.Callable<ChangesWriter.Result> writer;
        java.util.concurrent.Callable<ChangesWriter.Result> warmUpWriter;
        AutoCloseable writerEnd;
        if (writerInApp) {
            ChangesWriter inApp = new ChangesWriter(server.endpoint(), server.key());
            writer = () -> inApp.write(rate, seconds);
            warmUpWriter = () -> inApp.warmUp(rate, warmUp);
            writerEnd = inApp::close;
        } else {
            Path log = Files.createTempFile("changes-writer", ".log");
            ChangesWriter.OwnJvm own = ChangesWriter.OwnJvm.start(server.endpoint(), server.key(), rate, seconds,
                    log);
            writer = own::write;
            warmUpWriter = () -> own.warmUp(warmUp);
            writerEnd = own;
            Integer writerNice = Integer.getInteger("bench.writer.nice");
            print("writer: a JVM of its own (pid %d%s), connected; its errors go to %s", own.pid(),
                    writerNice == null ? "" : ", nice " + writerNice, log);
        }
        try {
            String writerState = "COLD: it had written nothing before Live";
            if (warmUp > 0) {
                ChangesWriter.Result warm = warmUpWriter.call();
                writerState = String.format(Locale.ROOT, "WARM: %,d items at %,.0f/s for %.1f s before the tab "
                        + "opened, into bench/%s, which nobody tails", warm.written(), warm.written() / warm.seconds(),
                        warm.seconds(), ChangesWriter.WARM_UP_CONTAINER);
                print("writer warm-up: %s; %d failed; %s", writerState, warm.failed(), uptime());
            }
            ChangesBenchmark.writerState = writerState;
            runWith(server, tabClient, writer, writerInApp, rate, seconds);
        } finally {
            writerEnd.close();
        }
    }

    private static void runWith(LocalCosmosServer server, CosmosAsyncClient tabClient,
            java.util.concurrent.Callable<ChangesWriter.Result> writer, boolean writerInApp, int rate, int seconds)
            throws Exception {
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
        ChangesWriter.Result result = writer.call();
        print("writer (%s, %s): %,d items in %.1f s = %,.0f items/s achieved (asked for %,d/s over %d s, %d clients, "
                + "bulk; %d failed; %d ticks ended > 1 s late)", writerInApp ? "IN THE APP'S JVM" : "a JVM of its own",
                writerState, result.written(), result.seconds(), result.written() / result.seconds(), rate, seconds,
                ChangesWriter.CLIENTS, result.failed(), result.ticksLate());
        report(shown, result.written(), result.lastWriteDoneMillis(), meters);
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
        report(shown, (int) feed[0].produced(), lastWriteDone, meters);
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
    private record Meters(UiStallMeter stalls, FxLateSampler late, ThreadCpu cpu, GcPauses gc,
            CpuPerSecond perSecond) {
        static Meters start() throws InterruptedException {
            print("measuring from %s (epoch ms %d), uptime %s", java.time.LocalTime.now(), System.currentTimeMillis(),
                    uptime());
            GcPauses gc = GcPauses.start();
            UiStallMeter stalls = UiStallMeter.start();
            // for scripts/changes-stall-split.py: the stalls' "+ms" count from this monotonic instant (perf's
            // CLOCK_MONOTONIC, System.nanoTime here), and the processes whose threads it names
            print("stall clock: the stall meter started at monotonic ns %d; the app's JVM is pid %d",
                    stalls.startedAtNanos(), ProcessHandle.current().pid());
            FxLateSampler late = ownLateBeat ? new FxLateSampler() : new FxLateSampler(stalls);
            late.start();
            print("late sampler: %s", ownLateBeat ? "its own 1 ms beat (--own-late-beat)"
                    : "no beat of its own, reads the stall meter's 2 ms beat");
            lastPulse = 0;
            pulseGapsFrom = System.nanoTime();
            CpuPerSecond cpuPerSecond = CpuPerSecond.start();
            ChangesBenchmark.perSecond = cpuPerSecond;
            return new Meters(stalls, late, ThreadCpu.start(), gc, cpuPerSecond);
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
            long[] passStart = new long[4];
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    passStart[2] = threads.getCurrentThreadCpuTime();
                    long from = pulseGapsFrom;
                    if (from != 0) {
                        long at = System.nanoTime();
                        if (lastPulse != 0) {
                            LONGEST_PULSE_GAP.accumulateAndGet(at - lastPulse, Math::max);
                            if (lastPulse - from >= 2_000_000_000L) {
                                LONGEST_PULSE_GAP_AFTER_2S.accumulateAndGet(at - lastPulse, Math::max);
                            }
                        }
                        lastPulse = at;
                    }
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
                boolean rowsShown = shown.get() != seenRows[0];
                if (rowsShown) {
                    seenRows[0] = shown.get();
                    PULSES_WITH_ROWS.incrementAndGet();
                    long from = pulseGapsFrom;
                    long sinceLive = System.nanoTime() - from;
                    if (from != 0 && sinceLive < 2_000_000_000L && passStart[2] != 0) {
                        FIRST_PULSES_WITH_ROWS.add(new long[] {sinceLive / 1_000_000, (cpuNow - passStart[2]) / 1_000,
                                (cpuNow - passStart[0]) / 1_000, (passStart[2] - passStart[3]) / 1_000});
                    }
                }
                passStart[3] = cpuNow;
                CpuPerSecond frames = perSecond;
                if (frames != null) {
                    frames.pulse(rowsShown);
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
        // the tab's opening is not in the figures measured from live on: how long the UI thread was held from the
        // window's showing to live (its first layout and drawing, then the table's warm-up drawing made-up rows) is
        // printed on its own
        UiStallMeter opening = UiStallMeter.start();
        long openingFrom = System.nanoTime();
        if (!live.await(60, TimeUnit.SECONDS)) {
            print("the tab did not go live within 60 s");
            return null;
        }
        long openingMillis = (System.nanoTime() - openingFrom) / 1_000_000;
        long[] openingStall = opening.stop();
        print("from the window shown to live (first layout and drawing, the table's warm-up): %,d ms; longest stall %d "
                + "ms wall, %d ms UI-thread CPU; stalls over 50 ms: %s", openingMillis, openingStall[0],
                openingStall[1], opening.lateStalls());
        return new Shown(tab[0], shown, worstLagMs, lastRowShownAt, allShown);
    }

    private static void report(Shown shown, int written, long lastWriteDone, Meters meters)
            throws InterruptedException {
        UiStallMeter meter = meters.stalls();
        FxLateSampler late = meters.late();
        print("uptime after writing: %s", uptime());
        boolean complete = shown.allShown().await(60, TimeUnit.SECONDS) || shown.rows().get()
                + shown.tab().viewModel().captured().droppedBeforeShown() >= written;
        // before the meters stop: a thread that has ended is not listed, so the meters' own CPU went unseen
        String cpuReport = meters.cpu().report();
        long[] stall = meter.stop();
        pulseGapsFrom = 0;
        late.stop();
        ChangesBenchmark.perSecond = null;
        meters.perSecond().close();
        meters.gc().close();
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
        print("stalls over 50 ms: %s", meter.lateStalls());
        print("second meter, the pulses' own clock: longest gap between two pulses %d ms, from 2 s on %d ms (a pulse "
                + "every 16.7 ms when the UI thread is free: a stall of S ms shows as a gap of S to S + 17 ms)",
                LONGEST_PULSE_GAP.get() / 1_000_000, LONGEST_PULSE_GAP_AFTER_2S.get() / 1_000_000);
        print("this (the app's) JVM's garbage collections while measuring: %s", meters.gc().summary());
        print("the longest stalls, each beside the app JVM's collections that overlapped it:%s",
                meter.stallsBeside(meters.gc(), 15));
        Object[] unseen = meter.unseenPauses(meters.gc());
        print("collections over 50 ms that overlapped no stall above (the beat cannot see a pause that begins while "
                + "the UI thread is idle: the pause holds the beat's own thread too; the window is frozen all the "
                + "same): %s", unseen[1]);
        print("FX thread's longest stall counting those pauses: %d ms (target < 50 ms)", Math.max(stall[0],
                (Long) unseen[0]));
        print("where the UI thread was while late (5 ms stack samples):%s", late.report());
        print("longest CSS + layout pass: %d ms of UI-thread CPU; longest pulse (timers + CSS + layout): %d ms; "
                + "pulses that showed rows: %,d", LONGEST_PASS_CPU.get() / 1_000_000,
                LONGEST_PULSE_CPU.get() / 1_000_000, PULSES_WITH_ROWS.get());
        print("the UI thread's CPU around each pulse that showed rows in the first 2 s after Live (+ms after Live: "
                + "CPU ms since the last pulse's layout, in events between pulses (the beats, a hand-over run as an "
                + "event) / the pulse's from its start (animation timers: a hand-over run in the pulse) to the end of "
                + "its layout / "
                + "of it CSS + layout): %s", FIRST_PULSES_WITH_ROWS.stream().map(p -> String.format(Locale.ROOT,
                        "+%d: %.1f / %.1f / %.1f", p[0], p[3] / 1000.0, p[1] / 1000.0, p[2] / 1000.0)).toList());
        print("CPU while writing and catching up, by thread group:%s", cpuReport);
        print("the renderer's CPU per frame, every frame of the first 4 s then those over 20 ms (+ms after the start: "
                + "CPU ms (wall between the pulses around it)): %s", meters.perSecond().heavyFrames());
        print("CPU second by second (is the renderer drawing, or waiting for a core?):%s",
                meters.perSecond().report(40));
        print("kept %,d rows, %,d older ones counted only", shown.tab().viewModel().captured().rows().size(),
                shown.tab().viewModel().captured().droppedCount());
        print("uptime at the end: %s", uptime());
        print("this JVM's threads by nice value (-XX:ThreadPriorityPolicy=1 makes Java priorities and "
                + "-XX:CompilerThreadPriority real; a user's process can only raise its threads' nice): %s", niceValues());
        Platform.runLater(shown.tab()::close);
        // JavaFX alone repainting the same area at the same rate, in this JVM: how low the stall can go here
        RepaintFloor.print(10, rowsPerHandOver);
        print("uptime after the floors: %s", uptime());
    }

    /** This JVM's threads grouped by their nice value, from /proc (Linux): "nice: name, name; ...". */
    static String niceValues() {
        java.util.Map<Integer, java.util.Set<String>> byNice = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byNice.computeIfAbsent(Integer.parseInt(fields[16]), n -> new java.util.TreeSet<>()).add(name);
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return "not readable (" + e.getMessage() + ")";
        }
        StringBuilder text = new StringBuilder();
        byNice.forEach((nice, names) -> text.append(text.length() == 0 ? "" : "; ").append(nice).append(": ")
                .append(nice == 0 && names.size() > 12 ? names.size() + " kinds of thread" : String.join(", ", names)));
        return text.toString();
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
