package io.cosmosdesk.tools;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the sandbox's retail/orders in the real main window, selects two rows, opens Patch… from the Items
 * toolbar, types two operations and a condition, runs the dry run, and then waits (so the screen can be captured
 * with {@code import -window root} under Xvfb + openbox), saving the dialog's own snapshot too.
 *   java ... io.cosmosdesk.tools.PatchScreenshot OUTPUT_DIR [SECONDS_TO_WAIT]
 */
public final class PatchScreenshot {

    private static final FxScript FX = new FxScript(120_000);

    private PatchScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]).toAbsolutePath();
        long wait = args.length > 1 ? Long.parseLong(args[1]) : 30;
        Files.createDirectories(output);
        FxScript.runAndExit("patch screenshot", server -> run(server, output, wait));
    }

    @SuppressWarnings("unchecked")
    private static void run(LocalCosmosServer server, Path output, long wait) throws Exception {
        FxScript.seedSampleData(server);
        Path home = Files.createTempDirectory("cosmosdesk-patch-shot");
        FxScript.MainWindow window = FX.openMainWindow(home, Map.of(), 10, 10, 1100, 760);
        Stage stage = window.stage();
        onFx(() -> {
            ConnectionProfile profile = ConnectionProfile.create("Sandbox", AuthKind.EMULATOR, server.endpoint());
            window.context().mainViewModel().connect(profile, new Credentials.AccountKey(server.key()), "retail",
                    "orders");
            return null;
        });
        waitFor("the items grid exists", () -> onFx(() -> stage.getScene().lookup("#itemsTable") != null));
        TableView<ItemRow> table = onFx(() -> (TableView<ItemRow>) stage.getScene().lookup("#itemsTable"));
        waitFor("the orders grid shows rows", () -> onFx(() -> table.getItems().size() >= 20));
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(1, 3);
            return null;
        });
        onFx(() -> {
            ((javafx.scene.control.MenuButton) stage.getScene().getRoot().lookup("#moreActionsButton")).getItems()
                    .stream().filter(item -> "Patch…".equals(item.getText())).findFirst().orElseThrow().fire();
            return null;
        });
        Window dialog = waitForWindow(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Patch items"));
        onFx(() -> {
            Scene scene = dialog.getScene();
            ((TextInputControl) scene.lookup("#pathField0")).setText("/status");
            ((TextInputControl) scene.lookup("#valueField0")).setText("\"on hold\"");
            ((ButtonBase) scene.lookup("#addOperationButton")).fire();
            return null;
        });
        onFx(() -> {
            Scene scene = dialog.getScene();
            ((javafx.scene.control.ComboBox<String>) scene.lookup("#opChoice1")).setValue("increment");
            ((TextInputControl) scene.lookup("#pathField1")).setText("/reminders");
            ((TextInputControl) scene.lookup("#valueField1")).setText("1");
            ((TextInputControl) scene.lookup("#conditionField")).setText("FROM c WHERE c.status != 'cancelled'");
            ((ButtonBase) scene.lookup("#dryRunButton")).fire();
            return null;
        });
        waitFor("the dry run shows its sample", () -> onFx(() -> {
            Node list = dialog.getScene().lookup("#sampleList");
            return list instanceof javafx.scene.control.ListView<?> view && !view.getItems().isEmpty();
        }));
        Thread.sleep(1500);
        FX.savePng(dialog.getScene(), output.resolve("bulk-patch-dry-run-scene.png"));
        System.out.println("READY: the dry run is on screen");
        Thread.sleep(wait * 1000);
    }

    private static Window waitForWindow(Predicate<Window> which) throws Exception {
        return FX.waitForWindow(which, "the patch dialog");
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        FX.waitFor(what, condition);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return FX.onFx(action);
    }
}
