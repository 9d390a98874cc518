package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: a dialog's message keeps its scroll pane as tall as its wrapped text. */
class DialogSizingTest {

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
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
}
