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
 * losing its maximized state when a modal dialog opens (tools.MaximizedOwnerCheck shows it on a real one).
 */
class KeepMaximizedTest {

    private final AtomicReference<Stage> main = new AtomicReference<>();
    /** The sizes the main window had each time it was pinned before a dialog blocked it. */
    private final java.util.List<String> pinned = new java.util.concurrent.CopyOnWriteArrayList<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        // a main window of its own per test: the extension's stage carries the last test's state and listeners
        Stage owner = new Stage();
        owner.setScene(new Scene(new StackPane(), 400, 300));
        KeepMaximized.install(owner, stage1 -> pinned.add(stage1.getWidth() + "x" + stage1.getHeight()));
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
     * A user who un-maximizes just after a dialog closed (within the 3 s the window manager's late answer may take)
     * gets the window's normal size and keeps it: it was maximized again, the window flicking back.
     */
    @Test
    void aUserWhoUnMaximizesJustAfterADialogClosedKeepsTheNormalWindow(FxRobot robot) {
        closeAndSettle(robot, show(robot, Modality.WINDOW_MODAL));
        robot.interact(() -> { // the user: the window manager gives the window its normal size back
            main.get().setMaximized(false);
            main.get().setWidth(400);
            main.get().setHeight(300);
        });
        WaitForAsyncUtils.sleep((long) KeepMaximized.SIZE_WAIT.toMillis() + 600, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(main.get().isMaximized()).isFalse();
        assertThat(size(main.get())).isEqualTo("400.0x300.0");
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
