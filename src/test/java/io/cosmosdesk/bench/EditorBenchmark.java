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

    private EditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(server, client);
            } finally {
                client.close();
            }
        }
        Platform.exit();
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client) throws Exception {
        client.createDatabaseIfNotExists("bench-editor").block();
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of("/pk"));
        client.getDatabase("bench-editor").createContainerIfNotExists(new CosmosContainerProperties("items", key))
                .block();
        CosmosAsyncContainer container = client.getDatabase("bench-editor").getContainer("items");
        int[] sizes = {10 * 1024, 500 * 1024, 2 * 1024 * 1024 - 16 * 1024};
        for (int size : sizes) {
            container.upsertItem(item("item-" + size, size), new PartitionKey("p"), null).block();
        }

        ConnectionProfile profile = ConnectionProfile.create("bench", AuthKind.EMULATOR, server.endpoint());
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef("bench-editor", "items"), List.of("/pk"), false, null));
        FxTaskRunner tasks = new FxTaskRunner();
        ItemEditorViewModel editor = new ItemEditorViewModel(new ItemService(), tasks,
                new io.cosmosdesk.ui.FxDialogService(null));
        JsonCodeArea[] area = new JsonCodeArea[1];
        onFx(() -> {
            Theme.LIGHT.apply();
            ItemEditorView view = ItemEditorView.load(editor, tasks);
            area[0] = view.controller().codeArea();
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 1200, 800);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return null;
        });

        System.out.println("item size   lines   first screen highlighted   all lines loaded   longest UI stall");
        for (int round = 0; round < 2; round++) {
            for (int size : sizes) {
                String id = "item-" + size;
                Heartbeat heartbeat = Heartbeat.start();
                FxLateSampler late = new FxLateSampler();
                late.start();
                long t0 = System.nanoTime();
                onFx(() -> {
                    editor.open(handle, id, PartitionKeyValue.of("p"));
                    return null;
                });
                waitFor(() -> onFx(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EXISTING
                        && area[0].getLength() > 0 && !area[0].getParagraph(1).getStyleOfChar(2).isEmpty()
                        && area[0].getParagraph(1).getText().contains(id)));
                long openMs = (System.nanoTime() - t0) / 1_000_000;
                int expectedLines = io.cosmosdesk.editor.ItemJson.pretty(item(id, size)).split("\n", -1).length;
                waitFor(() -> onFx(() -> area[0].getParagraphs().size() >= expectedLines && area[0].isEditable()));
                long fullMs = (System.nanoTime() - t0) / 1_000_000;
                Thread.sleep(300); // let validation and the last pulses settle inside the heartbeat window
                long stall = heartbeat.stop();
                late.stop();
                System.out.println("  where the UI thread was while late:" + late.report());
                int lines = onFx(() -> area[0].getParagraphs().size());
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%7.0f KB  %6d  %21d ms  %14d ms  %14d ms%n", size / 1024.0, lines,
                            openMs, fullMs, stall);
                }
            }
        }

        // keystrokes in the 2 MB item: a typed character until the end of the next pulse's layout
        List<Long> latencies = new ArrayList<>();
        Heartbeat heartbeat = Heartbeat.start();
        for (int i = 0; i < 30; i++) {
            AtomicLong done = new AtomicLong();
            long t0 = System.nanoTime();
            onFx(() -> {
                JsonCodeArea codeArea = area[0];
                codeArea.requestFocus();
                codeArea.moveTo(20, 4);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    done.set(System.nanoTime());
                    codeArea.getScene().removePostLayoutPulseListener(listener[0]);
                };
                codeArea.getScene().addPostLayoutPulseListener(listener[0]);
                codeArea.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "x", "x", KeyCode.UNDEFINED, false, false, false,
                        false));
                Platform.requestNextPulse();
                return null;
            });
            waitFor(() -> done.get() != 0);
            latencies.add((done.get() - t0) / 1_000_000);
            Thread.sleep(40);
        }
        Thread.sleep(500);
        long typingStall = heartbeat.stop();
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "keystroke-to-layout in the 2 MB item: median %d ms, p90 %d ms, max %d ms "
                + "(30 keys); longest UI stall while typing and validating: %d ms%n", latencies.get(15),
                latencies.get(26), latencies.get(29), typingStall);
        boolean dirty = onFx(() -> editor.isDirty());
        System.out.println("(editor dirty after typing: " + dirty + ")");
        tasks.shutdown();
    }

    private static ObjectNode item(String id, int targetBytes) {
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

    private static <T> T onFx(Supplier<T> work) throws Exception {
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

    private interface Check {
        boolean test() throws Exception;
    }

    private static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.test()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }

    /** Posts a task to the UI thread every 2 ms and records the longest wait before one ran. */
    private static final class Heartbeat {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong longestNanos = new AtomicLong();

        static Heartbeat start() {
            Heartbeat heartbeat = new Heartbeat();
            heartbeat.timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> heartbeat.longestNanos.accumulateAndGet(System.nanoTime() - posted,
                        Math::max));
            }, 0, 2, TimeUnit.MILLISECONDS);
            return heartbeat;
        }

        long stop() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(1, TimeUnit.SECONDS);
            Thread.sleep(50);
            return longestNanos.get() / 1_000_000;
        }
    }
}
