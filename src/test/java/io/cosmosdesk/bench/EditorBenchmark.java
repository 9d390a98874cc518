package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemEditorView;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.editor.JsonCodeArea;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Figures for the item editor (printed, not asserted), against the local server with headless JavaFX:
 * open-and-highlight time for 10 KB, 500 KB and 2 MB items, the longest UI-thread stall meanwhile
 * (a heartbeat posted to the UI thread every 2 ms; target under 50 ms), and keystroke-to-layout
 * latency in the 2 MB item (a typed key event until the end of the next pulse's layout).
 */
public final class EditorBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Open stalls longer than this are each attributed (GC, the UI thread's work, or waiting). */
    private static final long ATTRIBUTED_MS = 40;

    private EditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        withServer((server, client) -> run(server, client, args));
    }

    /** What runs with JavaFX started and a client of a fresh local server (this benchmark, EditorGrowthFrames). */
    interface ServerWork {
        void run(LocalCosmosServer server, CosmosAsyncClient client) throws Exception;
    }

    static void withServer(ServerWork work) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                work.run(server, client);
            } finally {
                client.close();
            }
        }
        Platform.exit();
    }

    /** The database's "items" container, partitioned by /pk, made if missing. */
    static CosmosAsyncContainer itemsContainer(CosmosAsyncClient client, String database) {
        client.createDatabaseIfNotExists(database).block();
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of("/pk"));
        client.getDatabase(database).createContainerIfNotExists(new CosmosContainerProperties("items", key)).block();
        return client.getDatabase(database).getContainer("items");
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, String[] args) throws Exception {
        CosmosAsyncContainer container = itemsContainer(client, "bench-editor");
        int[] sizes = sizes(args);
        java.util.Map<Integer, Integer> expectedLines = new java.util.HashMap<>();
        for (int size : sizes) {
            ObjectNode item = item("item-" + size, size);
            container.upsertItem(item, new PartitionKey("p"), null).block();
            expectedLines.put(size, io.cosmosdesk.editor.ItemJson.pretty(item).split("\n", -1).length);
        }

        ConnectionProfile profile = ConnectionProfile.create("bench", AuthKind.EMULATOR, server.endpoint());
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef("bench-editor", "items"), List.of("/pk"), false, null));
        FxTaskRunner tasks = new FxTaskRunner();
        ItemEditorViewModel editor = new ItemEditorViewModel(new ItemService(io.cosmosdesk.testing.TestAudit.writes()), tasks,
                new io.cosmosdesk.ui.FxDialogService(null));
        io.cosmosdesk.editor.ItemEditorController[] controller = new io.cosmosdesk.editor.ItemEditorController[1];
        onFx(() -> {
            Theme.LIGHT.apply();
            ItemEditorView view = ItemEditorView.load(editor, tasks);
            controller[0] = view.controller();
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 1200, 800);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return null;
        });

        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        boolean where = java.util.Arrays.asList(args).contains("--where");
        EditorGcPauses gc = EditorGcPauses.install();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        java.util.Map<Integer, List<long[]>> figures = new java.util.TreeMap<>();
        java.util.Map<Integer, List<StallAttribution.Stall>> attributions = new java.util.TreeMap<>();
        List<String> attributionLines = new ArrayList<>();
        // every open stall on one clock, in the form scripts/changes-stall-split.py reads (who had the cores)
        long clock = System.nanoTime();
        List<String> onClock = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int size : sizes) {
                String id = "item-" + size;
                UiStallMeter heartbeat = UiStallMeter.start(ATTRIBUTED_MS);
                FxLateSampler late = new FxLateSampler();
                if (where) {
                    late.start();
                }
                FxStackLog stacks = new FxStackLog();
                stacks.start();
                gc.reset();
                long allocatedBefore = allocatedBytes();
                long uiCpuBefore = ALLOCATION.getThreadCpuTime(fxThread);
                if (where) {
                    System.out.println("-- opening " + id);
                }
                long t0 = System.nanoTime();
                onFx(() -> {
                    editor.open(handle, id, PartitionKeyValue.of("p"));
                    return null;
                });
                waitFor(() -> onFx(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EXISTING
                        && controller[0].codeArea().getLength() > 0
                        && !controller[0].codeArea().getParagraph(1).getStyleOfChar(2).isEmpty()
                        && controller[0].codeArea().getParagraph(1).getText().contains(id)));
                long openMs = (System.nanoTime() - t0) / 1_000_000;
                int lineCount = expectedLines.get(size);
                waitFor(() -> onFx(() -> controller[0].codeArea().getParagraphs().size() >= lineCount
                        && controller[0].codeArea().isEditable()));
                long fullMs = (System.nanoTime() - t0) / 1_000_000;
                Thread.sleep(300); // let validation and the last pulses settle inside the heartbeat window
                waitFor(() -> onFx(() -> !editor.validatingProperty().get()));
                long uiCpuMs = (ALLOCATION.getThreadCpuTime(fxThread) - uiCpuBefore) / 1_000_000;
                long allocatedMb = (allocatedBytes() - allocatedBefore) / (1024 * 1024);
                long[] stall = heartbeat.stop();
                late.stop();
                stacks.stop();
                if (round > 0) {
                    for (long[] each : heartbeat.stalls()) {
                        StallAttribution.Stall attributed = StallAttribution.of(each, gc, stacks);
                        attributions.computeIfAbsent(size, k -> new ArrayList<>()).add(attributed);
                        long at = (heartbeat.startedAtNanos() - clock) / 1_000_000 + each[0];
                        attributionLines.add(String.format(Locale.ROOT, "  %4.0f KB round %d (@+%d): %s",
                                size / 1024.0, round, at, attributed.text()));
                        if (each[1] > 50) { // the meter attributes from 40 ms; this line says what it names
                            onClock.add(each[1] + " ms@+" + at + " (cpu " + each[2] + ")");
                        }
                    }
                }
                if (where && round == rounds - 1) {
                    System.out.println("  " + size / 1024 + " KB, where the UI thread was while late:" + late.report());
                }
                if (round > 0) { // the first round warms the JIT up
                    figures.computeIfAbsent(size, k -> new ArrayList<>())
                            .add(new long[] {openMs, fullMs, stall[0], stall[1], gc.longestMs(), gc.count(),
                                    gc.totalMs(), allocatedMb, uiCpuMs, gc.largestCopyMb()});
                }
            }
        }
        System.out.printf(Locale.ROOT, "opening an item, %d rounds after a warm-up round, GC: %s%n", rounds - 1,
                gc.collectors());
        System.out.println("UI stall = longest wait of a task posted to the UI thread (wall); UI busy = the UI "
                + "thread's own CPU time within a wait (the rest: waiting for a core, GC, the software renderer)");
        System.out.println("Allocated = bytes allocated by all threads from open until validated (median; less load-"
                + "sensitive than the times); GC = stop-the-world pauses meanwhile (median count, median total)");
        System.out.println("UI CPU = all the UI thread's CPU time from open until editable and validated (+300 ms "
                + "settling): the work, least load-sensitive");
        System.out.println("Largest copy = the most one GC pause copied (survivors + promoted): what a young pause's "
                + "length follows, whatever the load (about 2.3 ms per MB on a quiet 2-core machine)");
        System.out.println("item size   lines   editable   UI stall median/max   UI busy median/max   longest GC pause"
                + "   GC pauses   allocated   UI CPU median/max   largest copy");
        for (var entry : figures.entrySet()) {
            List<long[]> rows = entry.getValue();
            System.out.printf(Locale.ROOT, "%7.0f KB  %6d  %6d ms  %10d / %4d ms  %9d / %4d ms  %13d ms  %3d, %4d ms"
                    + "  %6d MB  %6d / %4d ms  %8d MB%n",
                    entry.getKey() / 1024.0, expectedLines.get(entry.getKey()), median(rows, 1), median(rows, 2),
                    max(rows, 2), median(rows, 3), max(rows, 3), max(rows, 4), median(rows, 5), median(rows, 6),
                    median(rows, 7), median(rows, 8), max(rows, 8), max(rows, 9));
        }

        System.out.printf(Locale.ROOT, "open stalls over %d ms, attributed (GC = pauses inside the stall: collection "
                + "(cause) length (inside the stall), what it copied, who allocated since the pause before; UI CPU = "
                + "the UI thread's own time; other wait = neither: no core, or the renderer; sampled = where the UI "
                + "thread's stack was, 2 ms a sample, from 8 ms into the stall):%n", ATTRIBUTED_MS);
        for (String line : attributionLines) {
            System.out.println(line);
        }
        System.out.println("stall clock: the stall meter started at monotonic ns " + clock + "; the app's JVM is pid "
                + ProcessHandle.current().pid());
        System.out.println("stalls over 50 ms: " + onClock.size() + " " + onClock);
        for (var entry : figures.keySet()) {
            List<StallAttribution.Stall> stalls = attributions.getOrDefault(entry, List.of());
            System.out.printf(Locale.ROOT, "  %4.0f KB: %d stalls over %d ms in %d rounds%s%n", entry / 1024.0,
                    stalls.size(), ATTRIBUTED_MS, rounds - 1, stalls.isEmpty() ? ""
                            : " (" + StallAttribution.verdicts(stalls) + ")");
        }
        System.out.println(ProcessMemory.summary());
        if (java.util.Arrays.asList(args).contains("--histo")) {
            System.out.println(ProcessMemory.liveHistogram(Integer.getInteger("bench.histo.lines", 30)));
        }
        if (java.util.Arrays.asList(args).contains("--no-typing")) {
            tasks.shutdown();
            return;
        }
        // keystrokes in the 2 MB item: a typed character until the end of the next pulse's layout
        List<Long> latencies = new ArrayList<>();
        List<long[]> keyWindows = new ArrayList<>(); // per key: JVM uptime ms at the key and at its layout
        gc.reset();
        long typingAllocatedBefore = allocatedBytes();
        UiStallMeter heartbeat = UiStallMeter.start();
        FxLateSampler typingLate = new FxLateSampler();
        typingLate.start();
        FxStackLog typingStacks = new FxStackLog();
        typingStacks.start();
        for (int i = 0; i < 30; i++) {
            AtomicLong done = new AtomicLong();
            long keyUptime = EditorGcPauses.uptimeMs();
            long keyCpu = ALLOCATION.getThreadCpuTime(fxThread);
            long t0 = System.nanoTime();
            onFx(() -> {
                JsonCodeArea codeArea = controller[0].codeArea();
                long a = System.nanoTime();
                codeArea.requestFocus();
                long b = System.nanoTime();
                codeArea.moveTo(20, 4);
                long c = System.nanoTime();
                if (where && latencies.size() < 3) {
                    System.out.printf("  key %d: focus %d ms, moveTo %d ms%n", latencies.size(), (b - a) / 1000000, (c - b) / 1000000);
                }
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    done.set(System.nanoTime());
                    if (where && latencies.size() < 3) {
                        System.out.printf("  key: pulse done %d ms after start%n", (done.get() - a) / 1000000);
                    }
                    codeArea.getScene().removePostLayoutPulseListener(listener[0]);
                };
                codeArea.getScene().addPostLayoutPulseListener(listener[0]);
                long d = System.nanoTime();
                codeArea.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "x", "x", KeyCode.UNDEFINED, false, false, false,
                        false));
                if (where && latencies.size() < 3) {
                    System.out.printf("  key %d: typed %d ms%n", latencies.size(), (System.nanoTime() - d) / 1000000);
                    long p0 = System.nanoTime();
                    codeArea.getScene().addPreLayoutPulseListener(new Runnable() {
                        public void run() {
                            System.out.printf("  key: pulse starts %d ms after%n", (System.nanoTime() - p0) / 1000000);
                            codeArea.getScene().removePreLayoutPulseListener(this);
                        }
                    });
                }
                Platform.requestNextPulse();
                return null;
            });
            waitFor(() -> done.get() != 0);
            latencies.add((done.get() - t0) / 1_000_000);
            keyWindows.add(new long[] {keyUptime, keyUptime + (done.get() - t0) / 1_000_000 + 1,
                    (ALLOCATION.getThreadCpuTime(fxThread) - keyCpu) / 1_000_000});
            Thread.sleep(40);
        }
        Thread.sleep(500);
        waitFor(() -> onFx(() -> !editor.validatingProperty().get()));
        long typingAllocatedMb = (allocatedBytes() - typingAllocatedBefore) / (1024 * 1024);
        long[] typingStall = heartbeat.stop();
        typingLate.stop();
        typingStacks.stop();
        if (where) {
            System.out.println("  typing, where the UI thread was while late:" + typingLate.report());
        }
        if (where) {
            System.out.println("  keystroke latencies in order: " + latencies);
        }
        System.out.println(slowKeys(latencies, keyWindows, gc, typingStacks));
        long[] keyCpus = keyWindows.stream().mapToLong(w -> w[2]).sorted().toArray();
        System.out.printf(Locale.ROOT, "UI CPU per key (indentation): median %d ms, max %d ms; the first key %d ms%n",
                keyCpus[15], keyCpus[29], keyWindows.get(0)[2]);
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "keystroke-to-layout in the 2 MB item: median %d ms, p90 %d ms, max %d ms "
                + "(30 keys); longest UI stall while typing and validating: %d ms (UI busy %d ms)%n", latencies.get(15),
                latencies.get(26), latencies.get(29), typingStall[0], typingStall[1]);
        System.out.printf(Locale.ROOT, "typing 30 keys and validating: %d MB allocated, %d GC pauses, %d ms in all, "
                + "longest %d ms%n", typingAllocatedMb, gc.count(), gc.totalMs(), gc.longestMs());
        EditorStringTyping.run(controller[0], fxThread, gc);
        boolean dirty = onFx(() -> editor.isDirty());
        System.out.println("(editor dirty after typing: " + dirty + ")");
        tasks.shutdown();
    }

    /** The keys over 50 ms in order (#1 is the first key, which also focuses the area), each with its GC pauses. */
    static String slowKeys(List<Long> latencies, List<long[]> windows, EditorGcPauses gc,
            FxStackLog stacks) {
        StringBuilder line = new StringBuilder("keystrokes over 50 ms (key number: latency, UI thread CPU, GC pause "
                + "inside it):");
        int slow = 0;
        int withPause = 0;
        for (int i = 0; i < latencies.size(); i++) {
            if (latencies.get(i) > 50) {
                long paused = gc.pausedWithin(windows.get(i)[0], windows.get(i)[1]);
                line.append(String.format(Locale.ROOT, " #%d: %d ms (UI %d, GC %d; UI thread sampled: %s)", i + 1,
                        latencies.get(i), windows.get(i)[2], paused,
                        StallAttribution.phases(stacks.within(windows.get(i)[0], windows.get(i)[1]))));
                slow++;
                withPause += paused > 0 ? 1 : 0;
            }
        }
        return line.append(String.format(Locale.ROOT, "; %d slow, %d of them during a GC pause", slow, withPause))
                .toString();
    }

    /** The item sizes to open: all three, or those named by {@code --sizes=10,500,2032} (KB). */
    private static int[] sizes(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--sizes=")) {
                return java.util.Arrays.stream(arg.substring("--sizes=".length()).split(","))
                        .mapToInt(kb -> kb.trim().equals("2032") ? 2 * 1024 * 1024 - 16 * 1024
                                : Integer.parseInt(kb.trim()) * 1024)
                        .toArray();
            }
        }
        return new int[] {10 * 1024, 500 * 1024, 2 * 1024 * 1024 - 16 * 1024};
    }

    static ObjectNode item(String id, int targetBytes) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("pk", "p");
        ArrayNode lines = item.putArray("lines");
        int i = 0;
        while (item.toString().length() < targetBytes - 200) {
            for (int k = 0; k < 50; k++, i++) {
                ObjectNode line = lines.addObject();
                line.put("sku", "SKU-" + i);
                line.put("qty", i % 7);
                line.put("price", i * 1.25);
                line.put("gift", i % 3 == 0);
                line.putNull("note");
                line.put("text", "Item number " + i + " with a few words");
            }
        }
        return item;
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        Object[] result = new Object[1];
        Throwable[] error = new Throwable[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result[0] = work.get();
            } catch (Throwable e) {
                error[0] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("UI thread did not answer in 60 s");
        }
        if (error[0] != null) {
            throw new IllegalStateException(error[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** Bytes allocated so far by the threads alive now (the editor's UI and task threads live throughout). */
    private static long allocatedBytes() {
        long sum = 0;
        for (long bytes : ALLOCATION.getThreadAllocatedBytes(ALLOCATION.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    private static long max(List<long[]> rows, int column) {
        return rows.stream().mapToLong(r -> r[column]).max().orElse(0);
    }

    private static long median(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    interface Check {
        boolean test() throws Exception;
    }

    static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.test()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }
}
