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
 * Opens the sandbox's retail/orders in the real main window, selects two rows, opens Patch… from the Items
 * toolbar, types two operations and a condition, runs the dry run, and then waits (so the screen can be captured
 * with {@code import -window root} under Xvfb + openbox), saving the dialog's own snapshot too.
 *   java ... io.cosmosdesk.tools.PatchScreenshot OUTPUT_DIR [SECONDS_TO_WAIT]
 */
public final class PatchScreenshot {

    private static final long STEP_TIMEOUT_MS = 120_000;

    private PatchScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]).toAbsolutePath();
        long wait = args.length > 1 ? Long.parseLong(args[1]) : 30;
        Files.createDirectories(output);
        int status = 0;
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            run(server, output, wait);
        } catch (Throwable failure) {
            System.err.println("patch screenshot: FAILED: " + failure);
            failure.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    @SuppressWarnings("unchecked")
    private static void run(LocalCosmosServer server, Path output, long wait) throws Exception {
        ConnectionProfile seedProfile = ConnectionProfile.create("Seed", AuthKind.EMULATOR, server.endpoint());
        try (CosmosConnection seeding = new CosmosClientFactory().open(seedProfile,
                new Credentials.AccountKey(server.key()))) {
            new SampleDataSeeder(seeding.client()).seed((fraction, message) -> { });
        }
        Path home = Files.createTempDirectory("cosmosdesk-patch-shot");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Stage[] stage = new Stage[1];
        onFx(() -> {
            Theme.LIGHT.apply();
            stage[0] = new Stage();
            AppDirectories directories = new AppDirectories(home.resolve("config"), home.resolve("data"),
                    home.resolve("logs"));
            AppContext context = new AppContext(directories, new FxTaskRunner(), new FxDialogService(stage[0]),
                    new CosmosClientFactory(), new NoSecretStore(), Map.of());
            stage[0].setScene(CosmosDeskApp.createMainScene(context));
            stage[0].titleProperty().bind(context.mainViewModel().windowTitleProperty());
            stage[0].setX(10);
            stage[0].setY(10);
            stage[0].setWidth(1100);
            stage[0].setHeight(760);
            stage[0].show();
            // under some window managers a size set before the first show is not kept: set it again
            stage[0].setWidth(1100);
            stage[0].setHeight(760);
            ConnectionProfile profile = ConnectionProfile.create("Sandbox", AuthKind.EMULATOR, server.endpoint());
            context.mainViewModel().connect(profile, new Credentials.AccountKey(server.key()), "retail", "orders");
            return null;
        });
        waitFor("the items grid exists", () -> onFx(() -> stage[0].getScene().lookup("#itemsTable") != null));
        TableView<ItemRow> table = onFx(() -> (TableView<ItemRow>) stage[0].getScene().lookup("#itemsTable"));
        waitFor("the orders grid shows rows", () -> onFx(() -> table.getItems().size() >= 20));
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(1, 3);
            return null;
        });
        onFx(() -> {
            ((javafx.scene.control.MenuButton) stage[0].getScene().getRoot().lookup("#moreActionsButton")).getItems()
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
        WritableImage image = onFx(() -> dialog.getScene().snapshot(null));
        BufferedImage picture = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(picture, "png", output.resolve("bulk-patch-dry-run-scene.png").toFile());
        System.out.println("READY: the dry run is on screen");
        Thread.sleep(wait * 1000);
    }

    private static Window waitForWindow(Predicate<Window> which) throws Exception {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            java.util.Optional<Window> found = onFx(() -> Window.getWindows().stream().filter(which).findFirst());
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the patch dialog did not open");
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(STEP_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
