package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogSizing;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the F1 window fits a small screen. At 1280 x 800 the sheet was 775 px tall from y=40, its bottom and
 * Close button off the screen; the sheet now scrolls inside a window capped to the screen.
 */
class KeyboardShortcutsDialogTest {

    private Stage owner;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        javafx.scene.Scene scene = new javafx.scene.Scene(new StackPane(), 400, 300);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
        owner = stage;
    });

    @Test
    void onAScreenShorterThanTheSheetTheCloseButtonStaysInTheWindowAndTheSheetScrolls(FxRobot robot)
            throws Exception {
        Dialog<ButtonType>[] dialog = new Dialog[1];
        robot.interact(() -> {
            dialog[0] = KeyboardShortcuts.dialog(owner, List.of(Theme.APP_STYLESHEET));
            dialog[0].show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog[0].isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        Stage window = (Stage) dialog[0].getDialogPane().getScene().getWindow();
        double whole = window.getHeight();

        // a screen 500 px high, as the cap a 1280 x 800 screen gives a sheet that grew past it
        robot.interact(() -> {
            window.setMaxHeight(whole - 200);
            DialogSizing.fitToScene(window);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.getHeight()).isLessThanOrEqualTo(whole - 200 + 0.5);
        Node close = dialog[0].getDialogPane().lookupButton(ButtonType.CLOSE);
        Bounds closeInScene = close.localToScene(close.getBoundsInLocal());
        assertThat(closeInScene.getMaxY()).as("Close inside the window")
                .isLessThanOrEqualTo(window.getScene().getHeight() + 0.5);
        ScrollPane scroll = (ScrollPane) dialog[0].getDialogPane().getContent();
        assertThat(scroll.getViewportBounds().getHeight()).as("the sheet scrolls")
                .isLessThan(scroll.getContent().getLayoutBounds().getHeight());
        robot.interact(() -> dialog[0].close());
    }
}
