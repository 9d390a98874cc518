package io.cosmosdesk.tools;

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
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.SampleDataSeeder;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * What the screenshot tools ({@link ScreenshotTour}, {@link PatchScreenshot}, manage.ArmScreenshot) share: a
 * {@code main} around the local server, the real main window opened through the app's own composition root,
 * waiting for windows and conditions with a deadline, and saving a scene's snapshot as a PNG. They drive the app
 * from a plain {@code main} (no TestFX) so it can be looked at and captured under Xvfb + openbox.
 */
public final class FxScript {

    /** The main window a tool opened, and the app behind it. */
    public record MainWindow(Stage stage, AppContext context) {
    }

    /** A tool's steps, given the running local server. */
    @FunctionalInterface
    public interface Steps {
        void run(LocalCosmosServer server) throws Exception;
    }

    private final long stepTimeoutMs;

    /** @param stepTimeoutMs how long one step (a window, a condition, a call on the FX thread) may take */
    public FxScript(long stepTimeoutMs) {
        this.stepTimeoutMs = stepTimeoutMs;
    }

    /** Starts the local server, runs {@code steps} and exits: 0 when they ended, 1 (with the failure) when not. */
    public static void runAndExit(String name, Steps steps) {
        int status = 0;
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            steps.run(server);
        } catch (Throwable failure) {
            System.err.println(name + ": FAILED: " + failure);
            failure.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    /** Seeds the sandbox's sample data (retail/orders and the rest) into the local server. */
    public static void seedSampleData(LocalCosmosServer server) throws Exception {
        ConnectionProfile seedProfile = ConnectionProfile.create("Seed", AuthKind.EMULATOR, server.endpoint());
        try (CosmosConnection seeding = new CosmosClientFactory().open(seedProfile,
                new Credentials.AccountKey(server.key()))) {
            new SampleDataSeeder(seeding.client()).seed((fraction, message) -> { });
        }
    }

    /**
     * Starts the toolkit and shows the app's main window in the light theme, its files under {@code home}, at
     * (x, y) with the given size. {@code environment} is what the app reads instead of the process's.
     */
    public MainWindow openMainWindow(Path home, Map<String, String> environment, double x, double y, double width,
            double height) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainWindow window = onFx(() -> {
            Theme.LIGHT.apply();
            Stage stage = new Stage();
            AppDirectories directories = new AppDirectories(home.resolve("config"), home.resolve("data"),
                    home.resolve("logs"));
            AppContext context = new AppContext(directories, new FxTaskRunner(), new FxDialogService(stage),
                    new CosmosClientFactory(), new NoSecretStore(), environment);
            stage.setScene(CosmosDeskApp.createMainScene(context, width, height)); // sized as the app sizes its scene
            stage.titleProperty().bind(context.mainViewModel().windowTitleProperty());
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            // under some window managers a size set before the first show is not kept: set it again
            stage.setWidth(width);
            stage.setHeight(height);
            return new MainWindow(stage, context);
        });
        // its first frame holds the connection tree; the menu bar, tabs and status bar join in the frames after
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(() -> CosmosDeskApp.isWhole(window.stage().getScene()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the main window's parts did not join its first frame within 30 s");
            }
            Thread.sleep(10);
        }
        return window;
    }

    /** Runs {@code action} on the FX thread (directly when already there) and returns its result. */
    public <T> T onFx(Callable<T> action) throws Exception {
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
        return result.get(stepTimeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Polls {@code condition} (off the FX thread) until it holds; fails naming {@code what} at the deadline. */
    public void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + stepTimeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }

    /** The first showing window that {@code which} accepts; fails naming {@code what} at the deadline. */
    public Window waitForWindow(Predicate<Window> which, String what) throws Exception {
        long deadline = System.currentTimeMillis() + stepTimeoutMs;
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

    /** The showing window titled {@code title}. */
    public Window waitForWindow(String title) throws Exception {
        return waitForWindow(window -> window instanceof Stage stage && title.equals(stage.getTitle()),
                "the window '" + title + "'");
    }

    /** Presses the button of {@code window} whose text starts with {@code label}. */
    public void answer(Window window, String label) throws Exception {
        onFx(() -> {
            window.getScene().getRoot().lookupAll(".button").stream()
                    .filter(node -> node instanceof Button button && button.getText() != null
                            && button.getText().startsWith(label))
                    .map(Button.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no button '" + label + "'")).fire();
            return null;
        });
    }

    /** Lets layout, lazy highlighting and fonts settle before a picture. */
    public void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            onFx(() -> null);
            Thread.sleep(100);
        }
    }

    /** Saves the scene's snapshot (taken on the FX thread) as a PNG; returns its size as "WxH". */
    public String savePng(Scene scene, Path file) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        writePng(image, file);
        return (int) image.getWidth() + "x" + (int) image.getHeight();
    }

    /** Writes an image (a snapshot) as a PNG. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(picture, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
