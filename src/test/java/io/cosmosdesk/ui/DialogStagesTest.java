package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
