package io.cosmosdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless, in the real main window: File > Settings… changes values that apply at once, and refuses bad ones. */
class SettingsDialogGuiTest {

    private AppContext context;
    private final DialogService dialogs = mock(DialogService.class);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs)
            .onShown(shown -> context = shown);

    @Test
    void darkThemeAndAPageSizeApplyWithoutARestart(FxRobot robot) throws Exception {
        ConnectionProfile prod = ConnectionProfile.create("Production", AuthKind.KEY,
                "https://prod.documents.azure.com:443/");
        context.connectionStore().put(prod);
        assertThat(context.mainViewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);

        robot.clickOn("File").clickOn("Settings…");
        MainWindowFixture.waitFor("the dialog opens", () -> robot.lookup("#settingsPageSize").tryQuery().isPresent());
        assertThat(robot.lookup("#settingsNote").queryAs(Label.class).getText())
                .contains("connections opened from now on");
        robot.interact(() -> robot.lookup("#settingsPageSize").queryAs(TextField.class).setText("250"));
        robot.interact(() -> robot.lookup("#settingsRegions0").queryAs(TextField.class)
                .setText("West Europe, North Europe"));
        robot.clickOn("#settingsThemeDark");
        robot.clickOn("#settingsApply");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.mainViewModel().themeProperty().get()).as("the window turned dark at once")
                .isEqualTo(Theme.DARK);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new atlantafx.base.theme.PrimerDark()
                .getUserAgentStylesheet());
        assertThat(context.settings().current().pageSize()).isEqualTo(250);
        assertThat(context.clientFactory().optionsFor(prod).preferredRegions())
                .containsExactly("West Europe", "North Europe");
        assertThat(context.clientFactory().optionsFor(prod).retryMaxWait()).isEqualTo(Duration.ofSeconds(30));

        // a bad value: a sentence, the dialog stays, nothing changes
        robot.interact(() -> robot.lookup("#settingsRuLimit").queryAs(TextField.class).setText("0"));
        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settingsProblem").queryAs(Label.class).getText())
                .isEqualTo("The request unit limit must be at least 1 RU.");
        assertThat(context.settings().current().requestUnitLimit()).isEqualTo(5000);

        robot.interact(() -> robot.lookup("#settingsRuLimit").queryAs(TextField.class).setText("800"));
        robot.clickOn("#settingsOk");
        MainWindowFixture.waitFor("the dialog closes", () -> robot.lookup("#settingsPageSize").tryQuery().isEmpty());
        assertThat(context.settings().current().requestUnitLimit()).isEqualTo(800);

        // the View menu's toggle is remembered in the settings too
        robot.interact(() -> context.mainViewModel().toggleTheme());
        assertThat(context.settings().current().theme()).isEqualTo("light");
    }

    /** Reset to defaults, agreed to: the form shows the defaults (the theme's radio too) and they apply at once. */
    @Test
    void resetToDefaultsPutsTheFormAndTheWindowBackToTheDefaults(FxRobot robot) throws Exception {
        robot.interact(() -> context.settings().update(settings -> settings.withPageSize(250).withTheme("dark")));
        MainWindowFixture.waitFor("the window is dark", () -> context.mainViewModel().themeProperty().get()
                == Theme.DARK);
        org.mockito.Mockito.when(dialogs.confirm(org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.eq("Reset to defaults"),
                org.mockito.ArgumentMatchers.eq(true))).thenReturn(true);

        robot.clickOn("File").clickOn("Settings…");
        MainWindowFixture.waitFor("the dialog opens", () -> robot.lookup("#settingsReset").tryQuery().isPresent());
        assertThat(robot.lookup("#settingsPageSize").queryAs(TextField.class).getText()).isEqualTo("250");
        javafx.scene.control.Button reset = robot.lookup("#settingsReset").queryButton();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(reset).lookup(".text").queryAs(javafx.scene.text.Text.class).getText())
                .as("drawn whole (the button bar's uniform width cut it)").isEqualTo("Reset to defaults");
        robot.clickOn("#settingsReset");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settingsPageSize").queryAs(TextField.class).getText()).isEqualTo("100");
        assertThat(robot.lookup("#settingsThemeLight").queryAs(javafx.scene.control.RadioButton.class).isSelected())
                .isTrue();
        assertThat(context.settings().current()).isEqualTo(Settings.defaults());
        assertThat(context.mainViewModel().themeProperty().get()).as("applied at once").isEqualTo(Theme.LIGHT);
        robot.clickOn("#settingsCancel");
    }

    @Test
    void withNoSavedConnectionTheRegionsSentenceIsShownWhole(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Settings…");
        MainWindowFixture.waitFor("the dialog opens", () -> robot.lookup("#settingsNoRegions").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label none = robot.lookup("#settingsNoRegions").queryAs(Label.class);

        String drawn = robot.from(none).lookup((javafx.scene.Node node) -> node instanceof javafx.scene.text.Text)
                .queryAs(javafx.scene.text.Text.class).getText();
        assertThat(drawn).as("drawn whole, not cut with an ellipsis").isEqualTo(none.getText());
        robot.clickOn("#settingsCancel");
    }

    @Test
    void atItsDefaultSizeTheWholeFormShowsWithoutAScrollBar(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Settings…");
        MainWindowFixture.waitFor("the dialog opens", () -> robot.lookup("#settingsNote").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".settings-dialog > .scroll-pane")
                .queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.layout.Region form = (javafx.scene.layout.Region) scroll.getContent();

        assertThat(form.getHeight()).as("the form's height fits the scroll pane's view (a short scroll bar before)")
                .isLessThanOrEqualTo(scroll.getViewportBounds().getHeight() + 0.5);
        java.util.Set<javafx.scene.Node> bars = robot.from(scroll).lookup(".scroll-bar:vertical").queryAll();
        assertThat(bars).as("no vertical scroll bar shown").noneMatch(javafx.scene.Node::isVisible);
        robot.clickOn("#settingsCancel");
    }
}
