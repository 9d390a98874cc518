package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Headless: the real main window starts and shows the resource tree, tabs and status bar. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = io.cosmosdesk.testing.MainWindowFixture.show(stage,
                Path.of(System.getProperty("cosmosdesk.home", "target/test-home")), mock(DialogService.class));
    }

    @Stop
    void stop() {
        context.close();
    }

    @AfterAll
    static void resetGlobalStylesheet() {
        Application.setUserAgentStylesheet(null);
    }

    @Test
    void mainWindowShowsTreeTabsAndStatusBar(FxRobot robot) {
        TreeView<ResourceNode> tree = robot.lookup("#resourceTree").queryAs(TreeView.class);
        assertThat(tree.isVisible()).isTrue();
        assertThat(robot.lookup("#treePlaceholder").queryAs(Label.class).getText()).contains("No connections yet");
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs()).extracting(tab -> tab.getText())
                .containsExactly("Welcome");
        assertThat(robot.lookup("#connectionBadge").queryAs(Label.class).getText()).isEqualTo("Not connected");
    }

    @Test
    void themeToggleSwitchesToDark(FxRobot robot) {
        robot.clickOn("View").clickOn("Toggle dark theme");
        assertThat(context.mainViewModel().themeProperty().get()).isEqualTo(Theme.DARK);
        robot.clickOn("View").clickOn("Toggle dark theme");
        assertThat(context.mainViewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);
    }
}
