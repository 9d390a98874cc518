package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import atlantafx.base.theme.PrimerLight;
import io.cosmosdesk.testing.FxAppExtension;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: Enter in a question dialog takes the safe choice; destructive buttons are danger buttons. */
class FxDialogServiceTest {

    private FxDialogService dialogs;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        Scene scene = new Scene(new StackPane(), 1280, 800);
        // as in the app: the compare dialog takes its owner's stylesheets
        scene.getStylesheets().add(FxDialogServiceTest.class.getResource("/io/cosmosdesk/app/cosmosdesk.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        dialogs = new FxDialogService(stage);
    }

    /** The 412 conflict dialog's choices as ItemWrites offers them. */
    private static final Choices<Answer> CONFLICT = Choices.of(Answer.OVERWRITE, Answer.RELOAD, Answer.KEEP_EDITING)
            .byDefault(Answer.KEEP_EDITING).destructive(Answer.OVERWRITE, Answer.RELOAD);

    /** The answers these dialogs offer, as the editor's own enum would name them. */
    enum Answer implements Choice {
        SAVE("Save"), DISCARD("Discard"), CANCEL("Cancel"), OVERWRITE("Overwrite"), RELOAD("Reload"),
        KEEP_EDITING("Keep editing"), SAVE_AS_NEW("Save as new item"), DISCARD_CHANGES("Discard changes");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private AtomicReference<Optional<Optional<Answer>>> askConflict() throws Exception {
        return ask(() -> dialogs.compare("Someone else changed this item", "\"a\" was changed on the server.",
                "On the server now", "{\n  \"id\": \"a\",\n  \"n\": 1\n}", "Yours",
                "{\n  \"id\": \"a\",\n  \"n\": 2\n}", CONFLICT));
    }

    private static Window dialogWindow() {
        return Window.getWindows().stream().filter(window -> window.getScene() != null
                && window.getScene().getRoot() instanceof DialogPane).findFirst().orElseThrow();
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

    /** A sentence repeated until it is far taller than any screen. */
    static String longMessage() {
        return String.join("\n", java.util.Collections.nCopies(120,
                "The server refused the request: the key was not accepted for this account, try the other key."));
    }

    @Test
    void aLongMessageScrollsAndTheButtonsStayInsideTheWindow(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<Answer>>> answer = ask(() -> dialogs.choose("Unsaved changes",
                longMessage(), Choices.of(Answer.SAVE, Answer.DISCARD, Answer.CANCEL).byDefault(Answer.SAVE)
                        .destructive(Answer.DISCARD)));

        for (String label : List.of("Save", "Discard", "Cancel")) {
            io.cosmosdesk.testing.DialogAssertions.assertInsideItsWindow(button(robot, label));
        }
        javafx.scene.control.Label message = robot.lookup(".dialog-message").queryAs(javafx.scene.control.Label.class);
        assertThat(message.getText()).isEqualTo(longMessage());
        javafx.scene.control.ScrollPane scroll =
                robot.lookup(".dialog-message-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(scroll.getContent()).as("the message scrolls").isSameAs(message);
        robot.clickOn(button(robot, "Cancel"));
        assertThat(answered(answer)).contains(Answer.CANCEL);
    }

    /**
     * Under Xvfb + openbox the grid's "Move with nothing selected" question showed one line of three, in a scroll
     * pane sized before the message was styled. Every alert with a sentence of a few lines shows it whole.
     */
    @Test
    void aQuestionOfAFewLinesShowsWholeWithoutScrolling(FxRobot robot) throws Exception {
        String question = "No items are selected. Move every item in retail/orders WHERE c.status = \"open\" and "
                + "c.customerId = \"C-10001\"? You choose the target partition and see a preview before anything "
                + "is changed.";
        AtomicReference<Optional<Boolean>> answer = ask(() -> dialogs.confirm("Move items", question, "Continue"));

        javafx.scene.control.Label message = robot.lookup(".dialog-message").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.ScrollPane scroll =
                robot.lookup(".dialog-message-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        double lineHeight = message.getFont().getSize();
        assertThat(message.getHeight()).as("the question wraps onto several lines").isGreaterThan(2 * lineHeight);
        assertThat(scroll.getViewportBounds().getHeight()).as("the whole question is in view, not one line of it")
                .isGreaterThanOrEqualTo(message.getHeight() - 1);
        assertThat(message.getWidth()).as("wrapped inside the dialog").isLessThanOrEqualTo(
                scroll.getViewportBounds().getWidth() + 1);
        io.cosmosdesk.testing.DialogAssertions.assertInsideItsWindow(button(robot, "Continue"));
        io.cosmosdesk.testing.DialogAssertions.assertInsideItsWindow(message);
        robot.clickOn(button(robot, "Cancel"));
        assertThat(answered(answer)).isFalse();
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
        AtomicReference<Optional<Optional<Answer>>> answer = ask(() -> dialogs.choose("Unsaved changes",
                "\"a\" has unsaved changes. Save them before you go on?",
                Choices.of(Answer.SAVE, Answer.DISCARD, Answer.CANCEL)));

        assertThat(button(robot, "Save").isDefaultButton()).isTrue();
        assertThat(button(robot, "Discard").isDefaultButton()).isFalse();
        assertThat(button(robot, "Discard").getStyleClass()).contains("danger");
        assertThat(button(robot, "Save").getStyleClass()).doesNotContain("danger");
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).contains(Answer.SAVE);
    }

    @Test
    void whenNothingCanBeSavedEnterCancelsRatherThanDiscards(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<Answer>>> answer = ask(() -> dialogs.choose("Unsaved changes",
                "\"a\" has unsaved changes. They cannot be saved as they are: the JSON ends too early.",
                Choices.of(Answer.DISCARD, Answer.CANCEL)));

        assertThat(button(robot, "Cancel").isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).contains(Answer.CANCEL);
    }

    @Test
    void theAnswerIsTheConstantBehindThePressedButton(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<Answer>>> answer = ask(() -> dialogs.choose("Unsaved changes",
                "\"a\" has unsaved changes. Save them before you go on?",
                Choices.of(Answer.SAVE, Answer.DISCARD, Answer.CANCEL).byDefault(Answer.SAVE)
                        .destructive(Answer.DISCARD)));

        robot.clickOn(button(robot, "Discard"));

        assertThat(answered(answer)).contains(Answer.DISCARD);
    }

    @Test
    void enterInTheConflictDialogKeepsEditingAndNeverOverwrites(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<Answer>>> answer = askConflict();

        assertThat(button(robot, "Keep editing").isDefaultButton()).isTrue();
        assertThat(button(robot, "Keep editing").isFocused()).isTrue();
        assertThat(button(robot, "Overwrite").isDefaultButton()).isFalse();
        assertThat(button(robot, "Overwrite").getStyleClass()).contains("danger");
        assertThat(button(robot, "Reload").getStyleClass()).contains("danger");
        assertThat(button(robot, "Keep editing").getStyleClass()).doesNotContain("danger");
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).contains(Answer.KEEP_EDITING);
    }

    /** The app's theme caps dialog panes at 600 px; the compare dialog must not inherit that. */
    @Test
    void theConflictDialogOpensWideEnoughForBothColumnsAndCanBeResized(FxRobot robot) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        try {
            AtomicReference<Optional<Optional<Answer>>> answer = askConflict();

            Window window = dialogWindow();
            double screenWidth = Screen.getPrimary().getVisualBounds().getWidth();
            assertThat(window.getWidth()).isGreaterThanOrEqualTo(Math.min(1000, 0.85 * screenWidth))
                    .isLessThanOrEqualTo(screenWidth);
            assertThat(((Stage) window).isResizable()).isTrue();
            robot.type(KeyCode.ESCAPE);

            assertThat(answered(answer)).contains(Answer.KEEP_EDITING);
        } finally {
            Application.setUserAgentStylesheet(null);
        }
    }

    @Test
    void enterWhenTheEditedItemWasDeletedKeepsEditingRatherThanRecreatingIt(FxRobot robot) throws Exception {
        AtomicReference<Optional<Optional<Answer>>> answer = ask(() -> dialogs.choose("Item was deleted",
                "\"a\" was deleted by someone else after you opened it.",
                Choices.of(Answer.SAVE_AS_NEW, Answer.DISCARD_CHANGES, Answer.KEEP_EDITING)
                        .byDefault(Answer.KEEP_EDITING).destructive(Answer.DISCARD_CHANGES)));

        assertThat(button(robot, "Keep editing").isDefaultButton()).isTrue();
        assertThat(button(robot, "Keep editing").isFocused()).isTrue();
        assertThat(button(robot, "Save as new item").isDefaultButton()).isFalse();
        assertThat(button(robot, "Discard changes").getStyleClass()).contains("danger");
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).contains(Answer.KEEP_EDITING);
    }

    @Test
    void aReloadThatLosesEditsIsADangerButtonAndEnterCancels(FxRobot robot) throws Exception {
        AtomicReference<Optional<Boolean>> answer = ask(() -> dialogs.confirm("Reload item",
                "Reload \"a\" from the server? Your unsaved changes will be lost.", "Reload", true));

        assertThat(button(robot, "Reload").getStyleClass()).contains("danger");
        assertThat(button(robot, "Cancel").isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER);

        assertThat(answered(answer)).isFalse();
    }
}
