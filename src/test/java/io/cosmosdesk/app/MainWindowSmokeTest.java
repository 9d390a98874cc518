package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: the real main window starts and shows the resource tree, tabs and status bar. */
class MainWindowSmokeTest {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

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
    void theHiddenProgressIndicatorsAreNotInTheWindowAtStart(FxRobot robot) {
        // each would cost the first CSS pass a spinner skin; they join the window when they first show
        assertThat(robot.lookup(".progress-indicator").queryAll()).isEmpty();
        assertThat(robot.lookup("#treeSearchStatus").queryAll()).isEmpty();
        assertThat(robot.lookup("#busyIndicator").queryAll()).isEmpty();
    }

    @Test
    void theBusyIndicatorJoinsTheStatusBarWhenTheWindowFirstGetsBusy(FxRobot robot) {
        HBox statusBar = robot.lookup("#statusBar").queryAs(HBox.class);
        int children = statusBar.getChildren().size();

        // connecting makes the window busy at once (the attempt itself fails later: nothing listens there)
        robot.interact(() -> context.mainViewModel().connect(
                ConnectionProfile.create("Nowhere", AuthKind.EMULATOR, "https://127.0.0.1:9/"),
                new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY)));

        ProgressIndicator busy = robot.lookup("#busyIndicator").queryAs(ProgressIndicator.class);
        assertThat(busy).isNotNull();
        assertThat(statusBar.getChildren()).hasSize(children).last().isSameAs(busy);
    }

    @Test
    void themeToggleSwitchesToDark(FxRobot robot) {
        robot.clickOn("View").clickOn("Toggle dark theme");
        assertThat(context.mainViewModel().themeProperty().get()).isEqualTo(Theme.DARK);
        robot.clickOn("View").clickOn("Toggle dark theme");
        assertThat(context.mainViewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);
    }
}
