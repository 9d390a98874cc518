package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ExcludedPath;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.editor.JsonCodeArea;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, as a user would: Container > Settings… opens the container's settings tab; set time to live in seconds
 * and exclude a path from the index, Review changes shows the diff, Apply writes it and the tab says so.
 */
@ExtendWith(CosmosServerExtension.class)
class ContainerSettingsGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void changeTimeToLiveAndTheIndexingPolicySeeTheDiffAndApply(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the container's tab opens", () -> tabs.getTabs().size() == 2);

        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem settings = menus.getMenus().stream().filter(menu -> menu.getText().equals("_Container"))
                .findFirst().orElseThrow().getItems().stream()
                .filter(item -> ContainerSettingsFeature.ACTION_LABEL.equals(item.getText())).findFirst().orElseThrow();
        Platform.runLater(settings::fire);
        MainWindowFixture.waitFor("the settings tab opens and reads the settings", () -> robot
                .lookup("#indexingPolicyArea").tryQuery().map(area -> ((JsonCodeArea) area).getText()
                        .contains("indexingMode")).orElse(false));
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).contains("Settings · " + container.getId());

        robot.clickOn(MainWindowFixture.shown(robot, "#ttlSecondsOption"));
        robot.doubleClickOn(MainWindowFixture.shown(robot, "#ttlSecondsField")).eraseText(8).write("3600");
        JsonCodeArea policy = robot.lookup("#indexingPolicyArea").queryAs(JsonCodeArea.class);
        var edited = (com.fasterxml.jackson.databind.node.ObjectNode) io.cosmosdesk.json.Json.MAPPER
                .readTree(policy.getText());
        edited.withArray("excludedPaths").addObject().put("path", "/payload/*");
        robot.interact(() -> policy.replaceText(edited.toPrettyString()));
        Label problems = robot.lookup(".container-settings #problemsLabel").queryAs(Label.class);
        assertThat(problems.getText()).isEmpty();

        robot.clickOn(MainWindowFixture.shown(robot, "#reviewButton"));
        MainWindowFixture.waitFor("the diff is shown", () -> robot.lookup("#settingsDiff").tryQuery()
                .map(Node::isVisible).orElse(false));
        String summary = robot.lookup("#settingsDiff #diffSummary").queryAs(Label.class).getText();
        assertThat(summary).isNotBlank();
        assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds())
                .as("nothing is sent before Apply").isNull();

        robot.clickOn(MainWindowFixture.shown(robot, "#confirmApplyButton"));
        Label status = robot.lookup(".container-settings #statusLabel").queryAs(Label.class);
        Label error = robot.lookup(".container-settings #errorLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("it is applied, or says why not", () -> !status.getText().isEmpty()
                || !error.getText().isEmpty());
        assertThat(error.getText()).isEmpty();
        assertThat(status.getText()).startsWith("Applied");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settingsDiff").tryQuery()).isEmpty();

        CosmosContainerProperties stored = container.read().block().getProperties();
        assertThat(stored.getDefaultTimeToLiveInSeconds()).isEqualTo(3600);
        assertThat(stored.getIndexingPolicy().getExcludedPaths()).extracting(ExcludedPath::getPath)
                .contains("/payload/*");
    }
}
