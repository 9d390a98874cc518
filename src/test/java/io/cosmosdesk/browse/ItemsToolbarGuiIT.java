package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: the Items toolbar keeps its layout when a count comes in; File > Disconnect closes a connection. */
@ExtendWith(CosmosServerExtension.class)
class ItemsToolbarGuiIT {

    private final DialogService dialogs = mock(DialogService.class);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs);

    @Test
    void aCountResultDoesNotMoveGoToIdToASecondRow(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.seedOrders(30, 3);
        MainWindowFixture.connectAndOpen(robot, app.context(), server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        MainWindowFixture.waitFor("the rows show", () -> table.getItems().size() == 30);
        TextField goToId = robot.lookup("#findIdField").queryAs(TextField.class);
        Region toolbar = robot.lookup("#itemsToolbar").queryAs(Region.class);
        Bounds before = goToId.localToScene(goToId.getBoundsInLocal());
        double toolbarHeight = toolbar.getHeight();

        MainWindowFixture.clickToolbarAction(robot, "Count"); // on the row, or in More in a short one
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("the count shows", () -> count.isVisible() && count.getText().startsWith("30 "));
        robot.interact(() -> { }); // one more layout pass

        assertThat(count.getText()).startsWith("30 items");
        assertThat(goToId.localToScene(goToId.getBoundsInLocal())).isEqualTo(before);
        assertThat(toolbar.getHeight()).isEqualTo(toolbarHeight);
    }

    /**
     * In a window wide enough for Count on the row (1280 px maximized), Count stands where it is in a narrow one, at
     * the top of More's menu: before More. It sat after More (and its separator) at 1280 px.
     */
    @Test
    void countStandsBeforeMoreWhenItIsOnTheRow(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.seedOrders(3, 1);
        // wide enough for Count on the row whatever the fonts (headless ones differ from a desktop's)
        robot.interact(() -> robot.lookup("#root").query().getScene().getWindow().setWidth(1600));
        MainWindowFixture.connectAndOpen(robot, app.context(), server, container);
        javafx.scene.Node count = robot.lookup("#countButton").query();
        javafx.scene.Node more = robot.lookup("#moreActionsButton").query();
        MainWindowFixture.waitFor("Count is on the row", () -> count.getScene() != null
                && count.isVisible() && count.isManaged() && more.isVisible());
        robot.interact(() -> { }); // one more layout pass
        String row = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            StringBuilder ids = new StringBuilder();
            for (javafx.scene.Node child : count.getParent().getChildrenUnmodifiable()) {
                if (child.isVisible() && child.isManaged()) {
                    ids.append(' ').append(child.getId() != null ? child.getId() : child.getClass().getSimpleName());
                }
            }
            return ids.toString();
        }).get();
        assertThat(count.getBoundsInParent().getMinX()).as("Count's x against More's on the row:%s", row)
                .isLessThan(more.getBoundsInParent().getMinX());
    }

    @Test
    void fileDisconnectClosesTheConnectionOfTheTabInFront(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        MenuItem disconnect = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(item -> "disconnectMenuItem".equals(item.getId())).findFirst().orElseThrow();
        assertThat(disconnect.isDisable()).as("nothing to disconnect yet").isTrue();

        CosmosAsyncContainer container = data.seedOrders(3, 1);
        MainWindowFixture.connectAndOpen(robot, app.context(), server, container);
        MainWindowFixture.waitFor("Disconnect is offered", () -> !disconnect.isDisable());

        robot.clickOn("File").clickOn("Disconnect");
        MainWindowFixture.waitFor("the connection is gone",
                () -> app.context().mainViewModel().tree().connections().isEmpty());
        assertThat(app.context().mainViewModel().openContainers()).isEmpty();
        assertThat(disconnect.isDisable()).isTrue();
    }
}
