package io.cosmosdesk.testing;

import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.AppDirectories;
import io.cosmosdesk.app.CosmosDeskApp;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import com.azure.cosmos.CosmosAsyncContainer;
import org.testfx.api.FxRobot;
import io.cosmosdesk.connection.NoSecretStore;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window for headless GUI tests, built exactly as the app builds it (one AppContext, the
 * FX task runner), with the given dialog service and all files under {@code home}.
 */
public final class MainWindowFixture {

    private MainWindowFixture() {
    }

    /** Shows the main window in {@code stage} (at 0,0, 1200x800, inside Monocle's headless screen). */
    public static AppContext show(Stage stage, Path home, DialogService dialogs) {
        return show(stage, home, dialogs, context -> { });
    }

    /** As {@link #show(Stage, Path, DialogService)}, letting a test register actions before the window loads. */
    public static AppContext show(Stage stage, Path home, DialogService dialogs,
            java.util.function.Consumer<AppContext> beforeShow) {
        AppDirectories directories = new AppDirectories(home.resolve("config"), home.resolve("data"),
                home.resolve("logs"));
        AppContext context = new AppContext(directories, new FxTaskRunner(), dialogs, new CosmosClientFactory(),
                new NoSecretStore(), Map.of());
        beforeShow.accept(context);
        stage.setScene(CosmosDeskApp.createMainScene(context, 1200, 800)); // sized as the app sizes its scene
        stage.setTitle("CosmosDesk");
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
        return context;
    }

    /**
     * Waits (up to 30 s, like {@link #waitFor}) until every part of the main window in {@code stage} has joined it:
     * its first frame holds the connection tree, and the menu bar, tabs and status bar join in the frames after
     * ({@link CosmosDeskApp#isWhole}). {@link FxAppExtension} waits for it before each test.
     */
    public static void waitForWholeWindow(Stage stage) throws Exception {
        waitFor("the main window's parts have joined its first frame", () -> WaitForAsyncUtils.asyncFx(
                () -> stage.getScene() != null && CosmosDeskApp.isWhole(stage.getScene())).get());
    }

    /**
     * Connects to {@code server} as the emulator (connection "Local"), expands the container's database in
     * the tree and opens the container, as a user would; returns the container's tree node.
     */
    public static ResourceNode connectAndOpen(FxRobot robot, AppContext context, LocalCosmosServer server,
            CosmosAsyncContainer container) throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint());
        robot.interact(() -> context.mainViewModel().connect(profile, new Credentials.AccountKey(server.key())));
        String databaseId = container.getDatabase().getId();
        waitFor("the database is listed", () -> !context.mainViewModel().tree().connections().isEmpty()
                && context.mainViewModel().tree().connections().get(0).children().stream()
                        .anyMatch(node -> node.label().equals(databaseId)));
        ResourceNode database = context.mainViewModel().tree().connections().get(0).children().stream()
                .filter(node -> node.label().equals(databaseId)).findFirst().orElseThrow();
        robot.interact(() -> context.mainViewModel().tree().expand(database));
        waitFor("the container is listed", () -> database.children().stream()
                .anyMatch(node -> node.label().equals(container.getId())));
        ResourceNode node = database.children().stream().filter(child -> child.label().equals(container.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> context.mainViewModel().tree().open(node));
        return node;
    }

    /**
     * The node {@code query} names once it is on screen: in the scene of a showing window and visible. A lookup can
     * find a tab's content (TabPane's own lookup searches every tab) before the skin has put it into the scene, and a
     * click computes its point from the scene while the pointer moves; clicking such a node fails with "scene is
     * null". Waits up to 30 s like {@link #waitFor}.
     */
    public static javafx.scene.Node shown(FxRobot robot, String query) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Node> found = new java.util.concurrent.atomic.AtomicReference<>();
        waitFor(query + " is on screen", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            for (javafx.scene.Node node : robot.lookup(query).queryAll()) {
                if (node.getScene() != null && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing()
                        && org.testfx.util.NodeQueryUtils.isVisible().test(node)) {
                    found.set(node);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /**
     * Clicks a feature's action or an item command on the Items toolbar of the tab in front, as a user would: its
     * button when it is on the row (New query, Export…, Count), else the More menu, then its entry there (Live
     * changes, Schema, Import…, Patch…, and Count or Move… when the row is too short for them).
     */
    public static void clickToolbarAction(FxRobot robot, String label) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Optional<javafx.scene.control.Button> button = java.util.stream.Stream.concat(
                        robot.lookup(".toolbar-action").queryAllAs(javafx.scene.control.Button.class).stream(),
                        robot.lookup("#itemsToolbar .button").queryAllAs(javafx.scene.control.Button.class).stream())
                .filter(candidate -> label.equals(candidate.getText()) && candidate.getScene() != null
                        && org.testfx.util.NodeQueryUtils.isVisible().test(candidate))
                .findFirst();
        if (button.isPresent()) {
            robot.clickOn(button.get());
            return;
        }
        javafx.scene.control.MenuButton more = (javafx.scene.control.MenuButton) shown(robot, "#moreActionsButton");
        javafx.scene.control.MenuItem item = more.getItems().stream()
                .filter(entry -> label.equals(entry.getText()) && entry.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no " + label + " in More: " + more.getItems()));
        robot.clickOn(more);
        waitFor(label + " shows in the More menu", () -> item.getStyleableNode() != null
                && item.getStyleableNode().getScene() != null && item.getStyleableNode().getScene().getWindow() != null
                && item.getStyleableNode().getScene().getWindow().isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(item.getStyleableNode());
    }

    /** Waits up to 30 s; the failure names what did not happen. */
    public static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        // a node looked up while the window is mid-change may not be there yet: "not yet", not a failure
        java.util.concurrent.atomic.AtomicReference<RuntimeException> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            AssertionError failure = new AssertionError("Timed out waiting until " + what, e);
            if (last.get() != null) {
                failure.addSuppressed(last.get());
            }
            throw failure;
        }
    }
}
