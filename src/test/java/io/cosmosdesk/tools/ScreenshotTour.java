package io.cosmosdesk.tools;

import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.AppDirectories;
import io.cosmosdesk.app.CosmosDeskApp;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.connection.NoSecretStore;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.SampleDataSeeder;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
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

    private static final long STEP_TIMEOUT_MS = 60_000;

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
        int status = 0;
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            new ScreenshotTour(output).run(server);
        } catch (Throwable failure) {
            System.err.println("screenshots: FAILED: " + failure);
            failure.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private void run(LocalCosmosServer server) throws Exception {
        step("seeding the sample data");
        ConnectionProfile seedProfile = ConnectionProfile.create("Seed", AuthKind.EMULATOR, server.endpoint());
        try (CosmosConnection seeding = new CosmosClientFactory().open(seedProfile,
                new Credentials.AccountKey(server.key()))) {
            new SampleDataSeeder(seeding.client()).seed((fraction, message) -> { });
        }
        step("opening the main window");
        Path home = Files.createTempDirectory("cosmosdesk-screenshots");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        onFx(() -> {
            Theme.LIGHT.apply();
            stage = new Stage();
            AppDirectories directories = new AppDirectories(home.resolve("config"), home.resolve("data"),
                    home.resolve("logs"));
            context = new AppContext(directories, new FxTaskRunner(), new FxDialogService(stage),
                    new CosmosClientFactory(), new NoSecretStore(), Map.of());
            stage.setScene(CosmosDeskApp.createMainScene(context));
            stage.titleProperty().bind(context.mainViewModel().windowTitleProperty());
            stage.setWidth(1280);
            stage.setHeight(780);
            stage.setX(20);
            stage.setY(20);
            stage.show();
            // under some window managers a size set before the first show is not kept: set it again
            stage.setWidth(1280);
            stage.setHeight(780);
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

    /** Presses the dialog button whose text starts with {@code label}. */
    private static void answer(Window dialog, String label) throws Exception {
        onFx(() -> {
            dialog.getScene().getRoot().lookupAll(".button").stream()
                    .filter(node -> node instanceof Button button && button.getText().startsWith(label))
                    .map(Button.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no button '" + label + "'")).fire();
            return null;
        });
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
        return waitForWindow(window -> window instanceof Stage stage && title.equals(stage.getTitle())
                && window.isShowing(), "the window '" + title + "'");
    }

    private static Window waitForWindow(Predicate<Window> which, String what) throws Exception {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<Window> found = onFx(() -> Window.getWindows().stream()
                    .filter(Window::isShowing).filter(which).findFirst());
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }

    /** Lets layout, lazy highlighting and fonts settle before a picture. */
    private static void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            onFx(() -> null);
            Thread.sleep(100);
        }
    }

    private void save(Scene scene, String name) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = output.resolve(name);
        try {
            ImageIO.write(picture, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        step("saved " + file + " (" + width + "x" + height + ")");
    }

    private static void step(String message) {
        System.out.println("screenshots: " + message);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return action.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
