package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: Enter in a question dialog takes the safe choice; destructive buttons are danger buttons. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        dialogs = new FxDialogService(stage);
    }

    /** Opens the dialog on the FX thread (it waits there), returns where its answer will land. */
    private <T> AtomicReference<Optional<T>> ask(Supplier<T> question) throws Exception {
        AtomicReference<Optional<T>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(Optional.ofNullable(question.get())));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof Button button && text.equals(button.getText()))
                .queryButton();
    }

    private static <T> T answered(AtomicReference<Optional<T>> answer) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        return answer.get().orElse(null);
    }

    @Test
    void enterInADeleteConfirmationCancels(FxRobot robot) throws Exception {
        AtomicReference<Optional<Boolean>> answer = ask(() -> dialogs.confirm("Delete item",
                "Delete item \"a\"? This cannot be undone.", "Delete"));

        assertThat(button(robot, "Delete").getStyleClass()).contains("danger");
        assertThat(button(robot, "Delete").isDefaultButton()).isFalse();
        assertThat(button(robot, "Cancel").isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).isFalse();
    }

    @Test
    void enterInUnsavedChangesSavesAndDiscardIsADangerButton(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<String>>> answer = ask(() -> dialogs.choose("Unsaved changes",
                "\"a\" has unsaved changes. Save them before you go on?", List.of("Save", "Discard", "Cancel")));

        assertThat(button(robot, "Save").isDefaultButton()).isTrue();
        assertThat(button(robot, "Discard").isDefaultButton()).isFalse();
        assertThat(button(robot, "Discard").getStyleClass()).contains("danger");
        assertThat(button(robot, "Save").getStyleClass()).doesNotContain("danger");
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).contains("Save");
    }

    @Test
    void whenNothingCanBeSavedEnterCancelsRatherThanDiscards(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<String>>> answer = ask(() -> dialogs.choose("Unsaved changes",
                "\"a\" has unsaved changes. They cannot be saved as they are: the JSON ends too early.",
                List.of("Discard", "Cancel")));

        assertThat(button(robot, "Cancel").isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).contains("Cancel");
    }
}
