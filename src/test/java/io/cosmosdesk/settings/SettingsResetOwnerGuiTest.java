package io.cosmosdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.FxDialogService;
import java.util.Optional;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, with the app's own dialogs: Settings' "Reset to defaults" question is owned by the Settings window. It
 * was owned by the main window behind it, so it was placed over the main window, not over the form it is about.
 */
class SettingsResetOwnerGuiTest {

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(
            () -> new FxDialogService(FxToolkit.toolkitContext().getRegisteredStage()));

    @Test
    void theResetQuestionIsOwnedByTheSettingsWindow(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Settings…");
        MainWindowFixture.waitFor("the dialog opens", () -> robot.lookup("#settingsReset").tryQuery().isPresent());
        robot.clickOn("#settingsReset");
        MainWindowFixture.waitFor("the question shows", () -> titled("Reset settings to defaults").isPresent());

        Stage question = titled("Reset settings to defaults").orElseThrow();
        Stage settings = titled("Settings").orElseThrow();
        try {
            assertThat(question.getOwner()).isSameAs(settings);
        } finally {
            robot.interact(question::close);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(settings::close);
        }
    }

    private static Optional<Stage> titled(String title) {
        return Window.getWindows().stream().filter(window -> window.isShowing() && window instanceof Stage stage
                && title.equals(stage.getTitle())).map(Stage.class::cast).findFirst();
    }
}
