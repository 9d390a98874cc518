package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.cosmosdesk.editor.ItemEditorController;
import io.cosmosdesk.editor.ItemEditorView;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * A tool to look at what the user sees while a 2 MB item replaces a small one in the editor (issue 19, the staged
 * growth of a fresh area): after every layout pulse from the open until the area is whole, the scene is
 * snapshotted (as that pulse's frame) and written to DIR/frame-NN.png, with each frame's time since the open.
 * The two items differ in shape (the small one is a customer record, the large one order lines), so a frame that
 * shows both documents at once is plain to see. Snapshots slow the pulses; the frames, not the timings, are the
 * point. Run it under Xvfb + openbox (or Monocle headless):
 *   DISPLAY=:24 java -Dprism.order=sw -Dcosmos.server.dir=... -cp ... io.cosmosdesk.bench.EditorGrowthFrames DIR
 */
public final class EditorGrowthFrames {

    /**
     * The frame before the swap, the swap's, the pulse after it, the growth's {@code STAGES - 1} steps, the one
     * that drops the retired area, and one after: 14 at 10 stages.
     */
    private static final int FRAMES_WANTED = ItemEditorController.AREA_GROWTH_STAGES + 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EditorGrowthFrames() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/editor-frames");
        Files.createDirectories(dir);
        EditorBenchmark.withServer((server, client) -> run(server, client, dir));
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, Path dir) throws Exception {
        CosmosAsyncContainer container = EditorBenchmark.itemsContainer(client, "bench-frames");
        container.upsertItem(customer(), new PartitionKey("p"), null).block();
        container.upsertItem(EditorBenchmark.item("orders-2mb", 2 * 1024 * 1024), new PartitionKey("p"), null).block();

        ConnectionProfile profile = ConnectionProfile.create("bench", AuthKind.EMULATOR, server.endpoint());
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef("bench-frames", "items"), List.of("/pk"), false, null));
        FxTaskRunner tasks = new FxTaskRunner();
        ItemEditorViewModel editor = new ItemEditorViewModel(new ItemService(io.cosmosdesk.testing.TestAudit.writes()),
                tasks, new io.cosmosdesk.ui.FxDialogService(null));
        ItemEditorController[] controller = new ItemEditorController[1];
        Scene scene = EditorBenchmark.onFx(() -> {
            Theme.LIGHT.apply();
            ItemEditorView view = ItemEditorView.load(editor, tasks);
            controller[0] = view.controller();
            Stage stage = new Stage();
            stage.setTitle("EditorGrowthFrames");
            Scene s = new Scene(view.root(), 1000, 700);
            s.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(s);
            stage.show();
            stage.setWidth(1000);
            stage.setHeight(700);
            return s;
        });
        open(editor, handle, controller, "customer-small");
        Thread.sleep(1500);

        List<WritableImage> frames = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long[] t0 = new long[1];
        WritableImage[] before = new WritableImage[1];
        long[] beforeAt = new long[1];
        Runnable everyPulse = () -> {
            long at = (System.nanoTime() - t0[0]) / 1_000_000;
            boolean shown = controller[0].codeArea().getLength() > 100_000;
            if (!shown) { // still loading (the spinner's pulses): keep only the latest frame, the one before the swap
                before[0] = scene.snapshot(before[0]);
                beforeAt[0] = at;
            } else if (frames.size() < FRAMES_WANTED + 2) {
                if (frames.isEmpty() && before[0] != null) {
                    frames.add(before[0]);
                    times.add(beforeAt[0]);
                }
                frames.add(scene.snapshot(null));
                times.add(at);
            }
        };
        EditorBenchmark.onFx(() -> {
            t0[0] = System.nanoTime();
            scene.addPostLayoutPulseListener(everyPulse);
            return null;
        });
        open(editor, handle, controller, "orders-2mb");
        for (long end = System.currentTimeMillis() + 120_000; System.currentTimeMillis() < end; ) {
            if (EditorBenchmark.onFx(frames::size) >= FRAMES_WANTED) { // pulses are slow with a snapshot each: wait for them
                break;
            }
            Thread.sleep(100);
        }
        EditorBenchmark.onFx(() -> {
            scene.removePostLayoutPulseListener(everyPulse);
            return null;
        });
        System.out.println(frames.size()
                + " frames after the open, ms since the open: " + times);
        for (int i = 0; i < frames.size(); i++) {
            io.cosmosdesk.tools.FxScript.writePng(frames.get(i),
                    dir.resolve(String.format("frame-%02d-%dms.png", i, times.get(i))));
        }
        tasks.shutdown();
    }

    private static void open(ItemEditorViewModel editor, ContainerHandle handle, ItemEditorController[] controller,
            String id) throws Exception {
        EditorBenchmark.onFx(() -> {
            editor.open(handle, id, PartitionKeyValue.of("p"));
            return null;
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (!EditorBenchmark.onFx(() -> controller[0].codeArea().getLength() > 0
                && controller[0].codeArea().getText().contains(id))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the editor did not show " + id);
            }
            Thread.sleep(20);
        }
    }

    /** A small item of another shape than the order lines: a customer record with addresses. */
    private static ObjectNode customer() {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", "customer-small");
        item.put("pk", "p");
        item.put("name", "Ada Customer");
        for (int i = 0; i < 12; i++) {
            ObjectNode address = item.putObject("address" + i);
            address.put("street", "Customer Street " + i);
            address.put("city", "CUSTOMER CITY");
            address.put("postcode", "CC-" + (1000 + i));
        }
        return item;
    }
}
