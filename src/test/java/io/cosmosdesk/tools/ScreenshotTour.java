package io.cosmosdesk.tools;

import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.Theme;
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
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;

/**
 * Takes the README's and the software centre's screenshots from the sandbox, so they stay current:
 * {@code packaging/screenshots/take-screenshots.sh} runs this under Xvfb with a window manager. It starts the
 * local server, seeds the sandbox's sample data, opens the real main window (the app's own composition root,
 * real dialogs) and walks through: grid with an open item, the move dialog's preview, the compare dialog after
 * another client changed the item, and the dark theme. Each window is saved as its scene's snapshot (PNG).
 *
 * <p>Usage: {@code ScreenshotTour OUTPUT_DIR}. Exits non-zero, naming the step, when a step fails.
 */
public final class ScreenshotTour {

    private static final FxScript FX = new FxScript(60_000);

    private final Path output;
    private Stage stage;
    private AppContext context;

    private ScreenshotTour(Path output) {
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ScreenshotTour OUTPUT_DIR");
            System.exit(2);
        }
        Path output = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(output);
        FxScript.runAndExit("screenshots", server -> new ScreenshotTour(output).run(server));
    }

    private void run(LocalCosmosServer server) throws Exception {
        step("seeding the sample data");
        FxScript.seedSampleData(server);
        step("opening the main window");
        Path home = Files.createTempDirectory("cosmosdesk-screenshots");
        FxScript.MainWindow main = FX.openMainWindow(home, Map.of(), 20, 20, 1280, 780);
        stage = main.stage();
        context = main.context();
        onFx(() -> {
            ConnectionProfile profile = ConnectionProfile.create("Sandbox", AuthKind.EMULATOR, server.endpoint());
            context.mainViewModel().connect(profile, new Credentials.AccountKey(server.key()), "retail", "orders");
            return null;
        });

        step("grid and editor");
        TableView<ItemRow> table = table();
        waitFor("the orders grid shows rows", () -> onFx(() -> table.getItems().size() >= 20));
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(2);
            table.requestFocus();
            return null;
        });
        String openedId = onFx(() -> table.getItems().get(2).id());
        waitFor("the editor shows the selected item", () -> onFx(() -> editorText().contains(openedId)));
        settle();
        save(stage.getScene(), "main-window.png");

        step("the move dialog's preview");
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectRange(4, 7);
            return null;
        });
        fire(stage.getScene(), "#moveButton");
        Window moveWindow = waitForWindow("Move items");
        onFx(() -> {
            Node value = moveWindow.getScene().lookup("#targetValue0");
            ((TextInputControl) value).setText("C-10001");
            return null;
        });
        fire(moveWindow.getScene(), "#previewButton");
        waitFor("the preview lists the items", () -> onFx(() -> {
            Node list = moveWindow.getScene().lookup("#previewList");
            return list instanceof javafx.scene.control.ListView<?> view && !view.getItems().isEmpty();
        }));
        settle();
        save(moveWindow.getScene(), "move-preview.png");
        fire(moveWindow.getScene(), "#cancelButton");
        waitFor("the move dialog closes", () -> onFx(() -> !moveWindow.isShowing()));

        step("the compare dialog");
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(1);
            return null;
        });
        ItemRow row = onFx(() -> table.getItems().get(1));
        waitFor("the editor shows the item to change", () -> onFx(() -> editorText().contains(row.id())));
        CosmosAsyncContainer orders = context.mainViewModel().openConnections().get(0).client()
                .getDatabase("retail").getContainer("orders");
        ObjectNode theirs = orders.readItem(row.id(), row.partitionKey().toPartitionKey(),
                ObjectNode.class).block().getItem();
        theirs.put("status", "cancelled");
        theirs.put("note", "Customer called: cancel the order");
        orders.replaceItem(theirs, row.id(), row.partitionKey().toPartitionKey()).block();
        onFx(() -> {
            CodeArea area = editor();
            String text = area.getText();
            int at = text.indexOf("\"shipping\"");
            if (at < 0) {
                at = text.indexOf("\"total\"");
            }
            area.insertText(Math.max(at, 2), "\"giftWrap\": true,\n  ");
            return null;
        });
        // the compare dialog is modal: fire Save later, then wait for the dialog from here
        Platform.runLater(() -> ((ButtonBase) stage.getScene().lookup("#saveButton")).fire());
        Window compare = waitForWindow(window -> window != stage && window instanceof Stage dialog
                && dialog.getTitle() != null && dialog.getTitle().contains("changed"), "the compare dialog");
        settle();
        save(compare.getScene(), "compare.png");
        answer(compare, "Keep editing"); // the safe answer; never Overwrite from a script
        waitFor("the compare dialog closes", () -> onFx(() -> !compare.isShowing()));

        step("dark theme");
        Platform.runLater(() -> ((ButtonBase) stage.getScene().lookup("#discardButton")).fire());
        Window discard = waitForWindow(window -> window != stage && window instanceof Stage dialog
                && "Discard changes".equals(dialog.getTitle()), "the discard question");
        answer(discard, "Discard");
        waitFor("the discard question closes", () -> onFx(() -> !discard.isShowing()));
        onFx(() -> {
            context.mainViewModel().themeProperty().set(Theme.DARK);
            table.getSelectionModel().clearAndSelect(3);
            return null;
        });
        String darkId = onFx(() -> table.getItems().get(3).id());
        waitFor("the editor shows the item", () -> onFx(() -> editorText().contains(darkId)));
        settle();
        save(stage.getScene(), "main-window-dark.png");
        step("done: " + output);
    }

    private static void answer(Window dialog, String label) throws Exception {
        FX.answer(dialog, label);
    }

    @SuppressWarnings("unchecked")
    private TableView<ItemRow> table() throws Exception {
        waitFor("the items grid exists", () -> onFx(() -> stage.getScene().lookup("#itemsTable") != null));
        return onFx(() -> (TableView<ItemRow>) stage.getScene().lookup("#itemsTable"));
    }

    private CodeArea editor() {
        return (CodeArea) stage.getScene().getRoot().lookupAll(".code-area").stream()
                .filter(Node::isVisible).findFirst().orElse(null);
    }

    private String editorText() {
        CodeArea area = editor();
        return area == null ? "" : area.getText();
    }

    private static void fire(Scene scene, String selector) throws Exception {
        onFx(() -> {
            Node node = scene.lookup(selector);
            if (!(node instanceof Button button)) {
                throw new IllegalStateException("no button " + selector);
            }
            waitEnabled(button);
            button.fire();
            return null;
        });
    }

    private static void waitEnabled(Button button) {
        if (button.isDisabled()) {
            throw new IllegalStateException("button " + button.getId() + " (" + ((Labeled) button).getText()
                    + ") is disabled");
        }
    }

    private static Window waitForWindow(String title) throws Exception {
        return FX.waitForWindow(title);
    }

    private static Window waitForWindow(Predicate<Window> which, String what) throws Exception {
        return FX.waitForWindow(which, what);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        FX.waitFor(what, condition);
    }

    private static void settle() throws Exception {
        FX.settle();
    }

    private void save(Scene scene, String name) throws Exception {
        Path file = output.resolve(name);
        String size = FX.savePng(scene, file);
        step("saved " + file + " (" + size + ")");
    }

    private static void step(String message) {
        System.out.println("screenshots: " + message);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return FX.onFx(action);
    }
}
