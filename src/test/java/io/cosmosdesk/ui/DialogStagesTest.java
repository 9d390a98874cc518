package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: a dialog's window as the connection, move, import, export and copy dialogs get it. */
class DialogStagesTest {

    private final AtomicReference<Stage> main = new AtomicReference<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        stage.setScene(new javafx.scene.Scene(new StackPane(), 400, 300));
        stage.show();
        main.set(stage);
    });

    @Test
    void ownedModalAsAskedStyledAndCappedToTheScreen(FxRobot robot) {
        StackPane root = new StackPane(new Label("content"));
        Stage[] made = new Stage[2];
        robot.interact(() -> {
            made[0] = DialogStages.of(main.get(), Modality.WINDOW_MODAL, "Move items", root, Theme.APP_STYLESHEET);
            made[1] = DialogStages.of(main.get(), Modality.NONE, "Import", new StackPane(), null);
        });

        assertThat(made[0].getOwner()).isSameAs(main.get());
        assertThat(made[0].getModality()).isEqualTo(Modality.WINDOW_MODAL);
        assertThat(made[0].getTitle()).isEqualTo("Move items");
        assertThat(made[0].getScene().getRoot()).isSameAs(root);
        assertThat(made[0].getScene().getStylesheets()).containsExactly(Theme.APP_STYLESHEET);
        assertThat(made[0].getMaxHeight()).isEqualTo(DialogSizing.maxHeight(main.get()));
        assertThat(made[0].getMaxWidth()).isEqualTo(DialogSizing.maxWidth(main.get()));
        assertThat(made[0].isShowing()).as("the caller shows it").isFalse();
        assertThat(made[1].getModality()).isEqualTo(Modality.NONE);
        assertThat(made[1].getScene().getStylesheets()).as("no stylesheet given").isEmpty();
    }

    /**
     * Under Xvfb + openbox the export dialog's first open came up 200 x 200 (the window manager's late answer to
     * the first size), the second whole: a dialog window made smaller than its content after showing sizes itself
     * back to it.
     */
    @Test
    void aDialogMadeSmallerByTheWindowManagerSizesItselfBackToItsContent(FxRobot robot) {
        StackPane root = new StackPane(new Label("Export items of shop/orders"));
        root.setPrefSize(460, 380);
        Stage[] made = new Stage[1];
        robot.interact(() -> {
            made[0] = DialogStages.of(main.get(), Modality.NONE, "Export", root, null);
            made[0].show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(made[0].getScene().getWidth()).as("sized to its content when shown").isCloseTo(460, within(1.0));

        robot.interact(() -> { // as openbox's late answer did
            made[0].setWidth(200);
            made[0].setHeight(200);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(made[0].getScene().getWidth()).as("width back to its content").isCloseTo(460, within(1.0));
        assertThat(made[0].getScene().getHeight()).as("height back to its content").isCloseTo(380, within(1.0));
        robot.interact(made[0]::close);
    }
}
