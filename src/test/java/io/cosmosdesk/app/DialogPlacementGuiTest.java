package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cosmosdesk.settings.SettingsDialog;
import io.cosmosdesk.settings.SettingsDialogViewModel;
import io.cosmosdesk.settings.SettingsStore;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogPlacement;
import io.cosmosdesk.ui.DialogStages;
import io.cosmosdesk.ui.FxDialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: every kind of window the app opens over the main window (its own Stage as Settings, a view's window
 * from {@link DialogStages} as the connection, move, import, export and copy dialogs, the confirms, choices and
 * errors of {@link FxDialogService}, the F1 sheet, a question asked by a dialog) opens centred on its owner and
 * whole on the screen, and comes back there when the window system moves its title bar off the screen (under
 * openbox a dialog over a maximized main window went to 0,-19 about 100 ms after it showed). The owner sits off the
 * screen's centre, where JavaFX centres a plain Stage.
 */
class DialogPlacementGuiTest {

    private static final Rectangle2D OWNER = new Rectangle2D(60, 40, 900, 700);

    private Stage owner;

    @TempDir
    Path settingsFolder;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        javafx.scene.Scene scene = new javafx.scene.Scene(new StackPane(new Label("main window")));
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.setX(OWNER.getMinX());
        stage.setY(OWNER.getMinY());
        stage.setWidth(OWNER.getWidth());
        stage.setHeight(OWNER.getHeight());
        DialogPlacement.install(stage);
        stage.show();
        owner = stage;
    });

    /** The app's dialogs by how each is opened; each opens from the FX thread and shows one window over the owner. */
    private List<Walk> walk() {
        FxDialogService dialogs = new FxDialogService(owner);
        return List.of(
                new Walk("Settings", main -> SettingsDialog.show(main, settingsViewModel(main),
                        Theme.APP_STYLESHEET)),
                new Walk("a view's dialog (connection, move, import, export, copy)", main -> {
                    StackPane root = new StackPane(new Label("Move items"));
                    root.setPrefSize(620, 480);
                    DialogStages.of(main, Modality.WINDOW_MODAL, "Move items", root, Theme.APP_STYLESHEET).show();
                }),
                new Walk("an import beside the main window (not modal)", main -> {
                    StackPane root = new StackPane(new Label("Import"));
                    root.setPrefSize(560, 420);
                    DialogStages.of(main, Modality.NONE, "Import", root, Theme.APP_STYLESHEET).show();
                }),
                new Walk("a confirm", main -> dialogs.confirm("Delete 3 items?",
                        "The items are deleted from the container; this cannot be undone.", "Delete")),
                new Walk("an error", main -> dialogs.showError("Could not connect", new IllegalStateException("no"))),
                new Walk("the keyboard shortcuts", main -> KeyboardShortcuts.dialog(main, List.of(Theme.APP_STYLESHEET))
                        .show()));
    }

    private record Walk(String name, Consumer<Stage> open) {
    }

    private SettingsDialogViewModel settingsViewModel(Window over) {
        return new SettingsDialogViewModel(new SettingsStore(settingsFolder), Map.of(), new FxDialogService(over));
    }

    @Test
    void everyDialogOpensCentredOnTheMainWindowAndWholeOnTheScreen(FxRobot robot) {
        for (Walk walk : walk()) {
            Stage dialog = open(walk);

            assertCentredOn(owner, dialog, walk.name());
            close(robot, dialog);
        }
    }

    @Test
    void aDialogTheWindowSystemMovesAboveTheScreenComesBackToTheMiddleOfTheMainWindow(FxRobot robot) {
        for (Walk walk : walk()) {
            Stage dialog = open(walk);

            robot.interact(() -> { // what openbox did to a dialog over a maximized main window
                dialog.setX(0);
                dialog.setY(-19);
            });
            WaitForAsyncUtils.waitForFxEvents();

            assertCentredOn(owner, dialog, walk.name() + " after the window system moved it");

            robot.interact(() -> { // the same move with the title bar on the screen: the screen's top-left corner
                dialog.setX(0);
                dialog.setY(0);
            });
            WaitForAsyncUtils.waitForFxEvents();

            assertCentredOn(owner, dialog, walk.name() + " after the window system moved it to the corner");
            close(robot, dialog);
        }
    }

    @Test
    void aQuestionAskedByADialogOpensCentredOnThatDialog(FxRobot robot) throws InterruptedException {
        Stage settings = open(walk().get(0));
        // at once, inside the time in which a move to the screen's corner is the window system's (SETTLE_NANOS)
        robot.interact(() -> settings.setX(settings.getX() + 200)); // the user moved Settings aside
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.getX()).as("a window the user moved stays where the user put it")
                .isCloseTo(centredX(owner, settings) + 200, within(1.0));
        double parked = Screen.getPrimary().getVisualBounds().getMinX() - settings.getWidth() * 0.6;
        robot.interact(() -> settings.setX(parked)); // most of it off the left edge, its title bar's right end on screen
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.getX()).as("a window the user parks half off a side edge stays there")
                .isCloseTo(parked, within(1.0));
        robot.interact(() -> settings.setX(centredX(owner, settings)));
        WaitForAsyncUtils.waitForFxEvents();

        Platform.runLater(() -> new FxDialogService(settings).confirm("Reset to defaults?", "Every setting goes back.",
                "Reset"));
        WaitForAsyncUtils.waitForFxEvents();
        Stage question = newestDialog();

        assertThat(question.getOwner()).isSameAs(settings);
        assertCentredOn(settings, question, "Reset to defaults?");
        close(robot, question);
        close(robot, settings);
    }

    @Test
    void aDialogLargerThanWhatIsLeftOfTheScreenBesideItsOwnerIsMovedOntoTheScreen(FxRobot robot) {
        robot.interact(() -> owner.setX(Screen.getPrimary().getVisualBounds().getMaxX() - 300));
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = open(walk().get(0));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(dialog.getX() + dialog.getWidth()).as("its right edge").isLessThanOrEqualTo(screen.getMaxX() + 1);
        assertThat(dialog.getY()).as("its title bar").isGreaterThanOrEqualTo(screen.getMinY());
        close(robot, dialog);
    }

    private Stage open(Walk walk) {
        Platform.runLater(() -> walk.open().accept(owner));
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = newestDialog();
        assertThat(dialog).as(walk.name()).isNotNull();
        return dialog;
    }

    private Stage newestDialog() {
        Stage found = null;
        for (Window window : Window.getWindows()) {
            if (window != owner && window.isShowing() && window instanceof Stage stage && stage.getOwner() != null) {
                found = stage;
            }
        }
        return found;
    }

    private static void close(FxRobot robot, Stage dialog) {
        robot.interact(dialog::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double centredX(Window owner, Window dialog) {
        return owner.getX() + (owner.getWidth() - dialog.getWidth()) / 2;
    }

    /** Centred on the owner, moved only as much as it takes to lie whole on the screen (the F1 sheet is taller). */
    private static void assertCentredOn(Window owner, Stage dialog, String name) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double x = owner.getX() + (owner.getWidth() - dialog.getWidth()) / 2;
        double y = owner.getY() + (owner.getHeight() - dialog.getHeight()) / 2;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - dialog.getWidth()));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - dialog.getHeight()));
        assertThat(dialog.getX()).as(name + ": across").isCloseTo(x, within(1.0));
        assertThat(dialog.getY()).as(name + ": down").isCloseTo(y, within(1.0));
        assertThat(dialog.getY()).as(name + ": its title bar on the screen").isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(dialog.getY() + dialog.getHeight()).as(name + ": its bottom on the screen")
                .isLessThanOrEqualTo(screen.getMaxY());
    }
}
