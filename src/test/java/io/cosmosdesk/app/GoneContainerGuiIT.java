package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.query.QueryToolTab;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Headless, against the real local server: a container deleted behind the app's back is first noticed by a query
 * tab's 404; the container's Items tab (opened before, its grid loaded fine) goes into the gone state too, and the
 * tree drops the container. A 404 on a missing item of a container that exists condemns nothing.
 */
@ExtendWith(CosmosServerExtension.class)
class GoneContainerGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void aQueryTabsNotFoundPutsTheItemsTabInTheGoneStateAndTheTreeFollows(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer orders = data.seedOrders(3, 2);
        ResourceNode node = MainWindowFixture.connectAndOpen(robot, context, server, orders);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the container's tab opens", () -> tabs.getTabs().size() == 2);
        Tab itemsTab = tabs.getTabs().get(1);
        Node itemsView = itemsTab.getContent();
        MainWindowFixture.waitFor("the grid shows the items", () -> ((javafx.scene.control.TableView<?>) itemsView
                .lookup("#itemsTable")).getItems().size() == 3);
        assertThat(itemsView.lookup("#newItemButton").isDisabled()).isFalse();

        // a missing item in a container that exists: the editor says so, and nothing else follows
        robot.interact(() -> context.toolTabs().openItem(new io.cosmosdesk.cosmos.ContainerHandle(
                node.connection(), node.container()), new io.cosmosdesk.cosmos.ItemRef("no-such-item",
                        io.cosmosdesk.cosmos.PartitionKeyValue.of("nobody"))));
        QueryToolTab query = openQueryTab(robot);
        robot.interact(() -> query.viewModel().textProperty().set("SELECT * FROM c"));
        robot.clickOn(MainWindowFixture.shown(robot, "#runButton"));
        MainWindowFixture.waitFor("the query runs", () -> !query.viewModel().runningProperty().get()
                && query.viewModel().totalsProperty().get().results() == 3);
        assertThat(itemsView.lookup("#newItemButton").isDisabled()).as("a missing item is not a missing container")
                .isFalse();

        orders.delete().block(); // deleted elsewhere: the app is not told
        robot.clickOn(MainWindowFixture.shown(robot, "#runButton"));

        MainWindowFixture.waitFor("the Items tab says the container is gone", () -> ItemsViewModel.CONTAINER_GONE
                .equals(((Label) itemsView.lookup("#errorLabel")).getText()));
        assertThat(itemsView.lookup("#newItemButton").isDisabled()).isTrue();
        assertThat(itemsView.lookup("#moveButton").isDisabled()).isTrue();
        assertThat(query.viewModel().goneProperty().get()).isTrue();
        MainWindowFixture.waitFor("the query tab says so", () -> ItemsViewModel.CONTAINER_GONE.equals(
                query.viewModel().errorProperty().get()));
        ResourceNode database = node.parent();
        MainWindowFixture.waitFor("the tree drops the container", () -> database.loadState()
                == ResourceNode.LoadState.LOADED && database.children().stream()
                        .noneMatch(child -> child.label().equals(orders.getId())));
        assertThat(tabs.getTabs()).as("the tabs stay, saying so").hasSize(3);
    }

    private QueryToolTab openQueryTab(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar menus = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem newQuery = menus.getMenus().stream()
                .filter(menu -> menu.getText().equals("_Container")).findFirst().orElseThrow().getItems().stream()
                .filter(item -> "New query".equals(item.getText())).findFirst().orElseThrow();
        robot.interact(newQuery::fire);
        MainWindowFixture.waitFor("the query tab opens", () -> context.toolTabs().find(tab -> QueryToolTab.KIND
                .equals(tab.kind())).isPresent());
        return (QueryToolTab) context.toolTabs().find(tab -> QueryToolTab.KIND.equals(tab.kind())).orElseThrow();
    }
}
