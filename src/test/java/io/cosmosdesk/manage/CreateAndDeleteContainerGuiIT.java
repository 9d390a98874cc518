package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKind;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Headless, as a user would: New container… from the database's menu with a hierarchical key, the new container
 * opens; Container > Delete container… asks for its name, deletes it; its tab stays, says so and offers nothing
 * that writes, and the tree drops it.
 */
@ExtendWith(CosmosServerExtension.class)
class CreateAndDeleteContainerGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    /** Fires a menu item later on the FX thread, without waiting: it may open a dialog that waits for us. */
    private static void fire(java.util.List<javafx.scene.control.MenuItem> items, String text) {
        javafx.scene.control.MenuItem item = items.stream().filter(candidate -> text.equals(candidate.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + text + " in " + items));
        javafx.application.Platform.runLater(item::fire);
    }

    @Test
    void createAHierarchicalContainerOpenItThenDeleteItByTypingItsName(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer existing = data.createContainer("/customerId");
        String database = existing.getDatabase().getId();
        MainWindowFixture.connectAndOpen(robot, context, server, existing);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the container's tab opens", () -> tabs.getTabs().size() == 2);

        javafx.scene.control.TreeCell<?> databaseCell = robot.lookup(".tree-cell").match((javafx.scene.control
                .TreeCell<io.cosmosdesk.browse.ResourceNode> cell) -> cell.getItem() != null
                && cell.getItem().kind() == io.cosmosdesk.browse.ResourceNode.Kind.DATABASE
                && database.equals(cell.getItem().databaseId())).query();
        // the database's context menu (its items; Monocle does not open context menus on a right click)
        fire(databaseCell.getContextMenu().getItems(), "New container…");
        MainWindowFixture.waitFor("the form opens", () -> robot.lookup("#idField").tryQuery()
                .filter(field -> field.getScene() != null && field.getScene().getWindow() != null
                        && field.getScene().getWindow().isShowing() && field.isFocused()).isPresent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#idField").<javafx.scene.Node>query()).write("sessions");
        TextField level1 = robot.lookup("#keyLevel1Field").queryAs(TextField.class);
        robot.interact(level1::clear);
        robot.clickOn(level1).write("/tenantId");
        robot.clickOn("#keyLevel2Field").write("/userId");
        javafx.scene.control.Label problems = robot.lookup(".create-resource-dialog #problemsLabel").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label error = robot.lookup(".create-resource-dialog #errorLabel").queryAs(javafx.scene.control.Label.class);
        assertThat(problems.getText()).isEmpty();
        robot.clickOn("#createButton");
        MainWindowFixture.waitFor("the form closes, or says why not", () -> problems.getScene().getWindow() == null
                || !problems.getScene().getWindow().isShowing() || !error.getText().isEmpty());
        assertThat(error.getText()).isEmpty();

        MainWindowFixture.waitFor("the new container opens in a tab", () -> tabs.getTabs().size() == 3
                && tabs.getSelectionModel().getSelectedItem().getText().startsWith("sessions"));
        var stored = existing.getDatabase().getContainer("sessions").read().block().getProperties();
        assertThat(stored.getPartitionKeyDefinition().getPaths()).containsExactly("/tenantId", "/userId");
        assertThat(stored.getPartitionKeyDefinition().getKind()).isEqualTo(PartitionKind.MULTI_HASH);

        javafx.scene.control.MenuBar menus = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        fire(menus.getMenus().stream().filter(menu -> menu.getText().equals("_Container")).findFirst()
                .orElseThrow().getItems(), "Delete container…");
        MainWindowFixture.waitFor("the confirmation asks for the name", () -> robot.lookup("#confirmNameField")
                .tryQuery().filter(javafx.scene.Node::isFocused).isPresent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#confirmNameField").<javafx.scene.Node>query()).write("session"); // not yet the name: Delete stays disabled
        assertThat(robot.lookup("Delete container").queryButton().isDisabled()).isTrue();
        robot.write("s");
        robot.clickOn("Delete container");

        MainWindowFixture.waitFor("it is gone from the account", () -> existing.getDatabase().readAllContainers()
                .collectList().block().stream().noneMatch(properties -> properties.getId().equals("sessions")));
        // its tab stays, says the container is gone and offers nothing that writes; the tree drops it
        javafx.scene.control.Tab sessionsTab = tabs.getTabs().stream()
                .filter(tab -> tab.getText().startsWith("sessions")).findFirst().orElseThrow();
        javafx.scene.Node sessionsView = sessionsTab.getContent();
        MainWindowFixture.waitFor("the tab says the container is gone", () -> io.cosmosdesk.browse.ItemsViewModel
                .CONTAINER_GONE.equals(((javafx.scene.control.Label) sessionsView.lookup("#errorLabel")).getText()));
        // the delete ran as a job: the Jobs tab came to the front beside the three tabs, and says it is done
        assertThat(tabs.getTabs()).hasSize(4);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).contains("Jobs");
        io.cosmosdesk.jobs.Job job = context.jobs().jobs().get(0);
        MainWindowFixture.waitFor("the delete job is done", () -> job.state() == io.cosmosdesk.jobs.JobState.DONE);
        assertThat(job.kind()).isEqualTo("Delete");
        assertThat(job.statusProperty().get()).isEqualTo("Deleted container " + database + "/sessions.");
        assertThat(sessionsView.lookup("#newItemButton").isDisabled()).isTrue();
        assertThat(sessionsView.lookup("#moveButton").isDisabled()).isTrue();
        assertThat(sessionsView.lookup("#deleteButton").isDisabled()).isTrue();
        io.cosmosdesk.browse.ResourceNode databaseNode = context.mainViewModel().tree().connections().get(0).children()
                .stream().filter(node -> database.equals(node.databaseId())).findFirst().orElseThrow();
        MainWindowFixture.waitFor("the tree no longer lists it", () -> databaseNode.loadState()
                == io.cosmosdesk.browse.ResourceNode.LoadState.LOADED && databaseNode.children().stream()
                        .noneMatch(node -> node.label().equals("sessions")));
    }
}
