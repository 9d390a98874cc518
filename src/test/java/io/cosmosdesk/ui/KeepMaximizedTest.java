package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (no window manager here): what openbox did under JavaFX 21 is played by hand, the maximized main window
 * losing its maximized state when a modal dialog opens (tools.MaximizedOwnerCheck shows it on a real one), and an
 * un-maximized window coming back as large as its screen (tools.UnmaximizeCheck). The pointer is a stand-in: in the
 * middle of the screen unless a test puts it on the title bar.
 */
class KeepMaximizedTest {

    private final AtomicReference<Stage> main = new AtomicReference<>();
    /** The sizes the main window had each time it was pinned before a dialog blocked it. */
    private final java.util.List<String> pinned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicReference<javafx.geometry.Point2D> pointer = new AtomicReference<>(
            new javafx.geometry.Point2D(800, 600));
    /** The main window's normal place, before it is maximized. */
    private static final javafx.geometry.Rectangle2D NORMAL = new javafx.geometry.Rectangle2D(100, 80, 500, 400);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        // a main window of its own per test: the extension's stage carries the last test's state and listeners
        Stage owner = new Stage();
        owner.setScene(new Scene(new StackPane(), 400, 300));
        owner.setX(NORMAL.getMinX());
        owner.setY(NORMAL.getMinY());
        owner.setWidth(NORMAL.getWidth());
        owner.setHeight(NORMAL.getHeight());
        KeepMaximized.install(owner, stage1 -> pinned.add(stage1.getWidth() + "x" + stage1.getHeight()), pointer::get);
        owner.show();
        owner.setMaximized(true);
        main.set(owner);
    });

    @org.junit.jupiter.api.AfterEach
    void closeMain(FxRobot robot) {
        robot.interact(() -> main.get().close());
    }

    @Test
    void theMainWindowIsMaximizedAgainOnceItsModalDialogClosesAtTheSameSize(FxRobot robot) {
        String before = size(main.get());
        Stage dialog = show(robot, Modality.WINDOW_MODAL);
        robot.interact(() -> main.get().setMaximized(false)); // as the window manager did
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.get().isMaximized()).as("not fought over while the dialog blocks it").isFalse();

        closeAndSettle(robot, dialog);

        assertThat(main.get().isMaximized()).isTrue();
        assertThat(size(main.get())).isEqualTo(before);
    }

    /**
     * Under openbox the un-maximized window took the size GTK glass pins its hints to, its normal size (802x625 of
     * 1600x1000): pinned to the size it has first, it stays as large behind the dialog (tools.MaximizedOwnerCheck).
     */
    @Test
    void aMaximizedWindowIsPinnedToItsSizeOnceBeforeADialogBlocksIt(FxRobot robot) {
        robot.interact(() -> main.get().setMaximized(false)); // the user's own choice
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));
        robot.interact(() -> main.get().setMaximized(true));
        closeAndSettle(robot, show(robot, Modality.NONE));
        assertThat(pinned).as("a normal window, or a window nothing blocks, is left alone").isEmpty();

        String maximized = size(main.get());
        Stage dialog = show(robot, Modality.WINDOW_MODAL);
        Stage second = show(robot, Modality.APPLICATION_MODAL); // a question over the dialog: already pinned
        closeAndSettle(robot, second);
        closeAndSettle(robot, dialog);

        assertThat(pinned).containsExactly(maximized);
    }

    private static String size(Stage stage) {
        return stage.getWidth() + "x" + stage.getHeight();
    }

    /**
     * At load 35 openbox's answer came after the dialog had closed: un-maximized at the size it had maximized (the
     * size its hints were pinned to).
     */
    @Test
    void theWindowManagersLateAnswerIsPutBackToo(FxRobot robot) throws Exception {
        String maximized = size(main.get());
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));
        robot.interact(() -> { // the window manager, late
            double width = main.get().getWidth();
            double height = main.get().getHeight();
            main.get().setMaximized(false);
            main.get().setWidth(width);
            main.get().setHeight(height);
        });

        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> main.get().isMaximized());
        assertThat(size(main.get())).isEqualTo(maximized);
    }

    /**
     * Under openbox the window manager's late answer left the window at its normal size (902x602 of 1920x1080, s19),
     * not at the size it had maximized: it is maximized again all the same. Seen failing with s18's rule (only an
     * answer at the maximized size was put back): normal after 5 s.
     */
    @Test
    void theWindowManagersLateAnswerAtTheNormalSizeIsPutBackToo(FxRobot robot) throws Exception {
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));
        robot.interact(() -> { // the window manager, late
            main.get().setMaximized(false);
            main.get().setWidth(NORMAL.getWidth());
            main.get().setHeight(NORMAL.getHeight());
        });

        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> main.get().isMaximized());
    }

    /**
     * A user who un-maximizes just after a dialog closed (within the 3 s the window manager's late answer may take),
     * the pointer on the title bar, keeps the normal window, at its normal place: under openbox the window came back
     * as large as it was maximized, and s18's rule took that for the window manager's answer and maximized it again.
     * Seen failing with s18's rule: maximized again.
     */
    @Test
    void aUserWhoUnMaximizesJustAfterADialogClosedKeepsTheNormalWindow(FxRobot robot) throws Exception {
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));
        robot.interact(() -> {
            Stage stage = main.get();
            pointer.set(new javafx.geometry.Point2D(stage.getX() + stage.getWidth() / 2, stage.getY() + 8));
            unMaximizeAsOpenbox(stage);
        });

        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> bounds(main.get()).equals(NORMAL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.get().isMaximized()).isFalse();
    }

    /**
     * Where nothing pinned the window's hints before its dialog (off Linux, where no late answer can come), an
     * un-maximize just after the dialog closed, the pointer off the title bar (from the keyboard or a task bar), is the
     * user's and stays (review s19 H-M1). Seen failing with the grace armed after every dialog: maximized again.
     */
    @Test
    void whereNothingWasPinnedAnUnMaximizeJustAfterADialogIsTheUsers(FxRobot robot) {
        robot.interact(() -> {
            main.get().close();
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 400, 300));
            owner.setX(NORMAL.getMinX());
            owner.setY(NORMAL.getMinY());
            owner.setWidth(NORMAL.getWidth());
            owner.setHeight(NORMAL.getHeight());
            KeepMaximized.install(owner, stage -> false, pointer::get); // as off Linux: nothing pinned
            owner.show();
            owner.setMaximized(true);
            main.set(owner);
        });
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));
        robot.interact(() -> { // a native un-maximize, as Windows or mutter give it: the normal place at once
            Stage stage = main.get();
            stage.setMaximized(false);
            stage.setX(NORMAL.getMinX());
            stage.setY(NORMAL.getMinY());
            stage.setWidth(NORMAL.getWidth());
            stage.setHeight(NORMAL.getHeight());
        });
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(main.get().isMaximized()).as("the user's un-maximize kept").isFalse();
    }

    /**
     * Un-maximized, the window is given back its normal place: under openbox JavaFX 21 gave the window its normal
     * size and, milliseconds later, the screen's size again, so un-maximizing seemed to do nothing. Seen failing
     * without the rule: as large as the screen after 5 s.
     */
    @Test
    void anUnMaximizedWindowAsLargeAsItsScreenGetsItsNormalPlace(FxRobot robot) throws Exception {
        robot.interact(() -> unMaximizeAsOpenbox(main.get()));

        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> bounds(main.get()).equals(NORMAL));
    }

    /** With no normal place known (a window shown maximized), 80 % of its screen, centred. */
    @Test
    void withNoNormalPlaceKnownItTakesMostOfTheScreenCentred(FxRobot robot) throws Exception {
        Stage[] other = new Stage[1];
        robot.interact(() -> {
            other[0] = new Stage();
            other[0].setScene(new Scene(new StackPane(), 300, 200));
            other[0].setMaximized(true);
            other[0].show();
            KeepMaximized.install(other[0], stage -> false, pointer::get);
        });
        try {
            robot.interact(() -> unMaximizeAsOpenbox(other[0]));
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            double width = Math.round(screen.getWidth() * 0.8);
            double height = Math.round(screen.getHeight() * 0.8);
            javafx.geometry.Rectangle2D expected = new javafx.geometry.Rectangle2D(
                    screen.getMinX() + Math.round((screen.getWidth() - width) / 2),
                    screen.getMinY() + Math.round((screen.getHeight() - height) / 2), width, height);

            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                    () -> bounds(other[0]).equals(expected));
        } finally {
            robot.interact(() -> other[0].close());
        }
    }

    /** What openbox did with JavaFX 21: un-maximized, the window as large as its screen. */
    private static void unMaximizeAsOpenbox(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setMaximized(false);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
    }

    private static javafx.geometry.Rectangle2D bounds(Stage stage) {
        return new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    @Test
    void aWindowTheUserMadeNormalStaysNormal(FxRobot robot) {
        robot.interact(() -> main.get().setMaximized(false));
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));

        assertThat(main.get().isMaximized()).isFalse();
    }

    @Test
    void aNonModalWindowIsNoReason(FxRobot robot) {
        Stage dialog = show(robot, Modality.NONE);
        robot.interact(() -> main.get().setMaximized(false)); // the user's own choice while an import runs beside
        closeAndSettle(robot, dialog);

        assertThat(main.get().isMaximized()).isFalse();
    }

    private Stage show(FxRobot robot, Modality modality) {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            dialog[0] = DialogStages.of(main.get(), modality, "Analyse every item?", new StackPane(), null);
            dialog[0].show();
        });
        return dialog[0];
    }

    private static void closeAndSettle(FxRobot robot, Stage dialog) {
        robot.interact(dialog::close);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
