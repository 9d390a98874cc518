package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: a dialog's message keeps its scroll pane as tall as its wrapped text. */
class DialogSizingTest {

    private Stage owner;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new StackPane(), 400, 300));
        stage.show();
    });

    /**
     * The message is measured when the dialog is built, before CSS; the theme's font arrives with CSS and wraps
     * it onto more, taller lines. Under Xvfb + openbox the pane kept the first height: one line of a three-line
     * question showed, with a scroll bar.
     */
    @Test
    void theMessageIsMeasuredAgainWhenItsFontArrives(FxRobot robot) {
        String question = "No items are selected. Move every item in retail/orders? You choose the target "
                + "partition and see a preview before anything is changed.";
        Label message = new Label(question);
        message.setFont(Font.font(8));
        double[] heights = new double[2];
        robot.interact(() -> {
            ScrollPane scroll = DialogSizing.scrollingMessage(message, 1_000, 300);
            StackPane root = (StackPane) robot.listTargetWindows().stream()
                    .filter(window -> window.getScene() != null && window.getScene().getRoot() instanceof StackPane)
                    .findFirst().orElseThrow().getScene().getRoot();
            root.getChildren().setAll(new javafx.scene.Group(scroll));
            root.applyCss();
            root.layout();
            heights[0] = scroll.getPrefViewportHeight();
            message.setFont(Font.font(20)); // as the theme's stylesheet sets it
            heights[1] = scroll.getPrefViewportHeight();
        });

        assertThat(heights[0]).as("measured at first").isPositive();
        assertThat(heights[1]).as("the viewport follows the font").isGreaterThan(1.5 * heights[0]);
    }

    /**
     * Under Xvfb + openbox the question asked for its content's height once shown, and the window manager's answer
     * to the first size came after: the window stayed one line of the question tall, with a scroll bar. A dialog
     * made shorter than its content after showing must size itself back.
     */
    @Test
    void aQuestionMadeShorterByTheWindowManagerSizesItselfBackToItsContent(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(owner);
        AtomicBoolean answered = new AtomicBoolean();
        Platform.runLater(() -> {
            dialogs.confirm("Move items", "No items are selected. Move every item in retail/products? You choose the "
                    + "target partition and see a preview before anything is changed.", "Continue");
            answered.set(true);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> questionWindow() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Stage question = (Stage) questionWindow();
        double whole = question.getHeight();
        double needed = question.getScene().getRoot().prefHeight(question.getScene().getWidth());
        assertThat(question.getScene().getHeight()).as("sized to its content when shown").isGreaterThan(needed - 1);

        robot.interact(() -> question.setHeight(whole / 2)); // as the window manager's late answer did
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(question.getHeight()).as("sized back to its content").isCloseTo(whole,
                org.assertj.core.api.Assertions.within(1.0));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, answered::get);
    }

    private static Window questionWindow() {
        return Window.getWindows().stream().filter(window -> window.isShowing() && window.getScene() != null
                && window.getScene().getRoot() instanceof DialogPane).findFirst().orElse(null);
    }

    /**
     * Under Xvfb + openbox the settings, import and copy dialogs showed their content cut at 200 px in a window of
     * the right size, the rest blank: JavaFX gave the window 622 x 605 and kept the scene at 620 x 200
     * (tools.DialogUnderWindowManagerCheck shows it on a real window manager). A gap that size is no decoration.
     */
    @Test
    void aSceneFarSmallerThanItsWindowLagsItAndATitleBarDoesNot() {
        assertThat(DialogSizing.sceneLags(622, 605, 620, 200)).isTrue();
        assertThat(DialogSizing.sceneLags(622, 605, 620, 580)).as("a title bar and borders").isFalse();
        assertThat(DialogSizing.sceneLags(900, 605, 620, 580)).as("narrower than its window").isTrue();
    }
}
