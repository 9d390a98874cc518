package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxTaskRunner;
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
        Path home = Path.of(System.getProperty("cosmosdesk.home", "target/test-home"));
        context = new AppContext(AppDirectories.detect(home.toString(), "Linux", home, java.util.Map.of()),
                new FxTaskRunner(), mock(DialogService.class), new CosmosClientFactory(),
                new io.cosmosdesk.connection.NoSecretStore(), java.util.Map.of());
        stage.setScene(CosmosDeskApp.createMainScene(context));
        stage.setTitle("CosmosDesk");
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
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
