package io.cosmosdesk.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, as a user would: create a container with a hierarchical key, open it, select two rows, Patch… from
 * the Items toolbar, dry run, apply, then Undo: the items are back as they were.
 */
@ExtendWith(CosmosServerExtension.class)
class BulkPatchGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    /** Shown, in a showing window, with every ancestor visible (not the content of a tab behind). */
    private static boolean onScreen(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static <T extends Node> T visible(FxRobot robot, String query) {
        return robot.lookup(query).<T>match(BulkPatchGuiIT::onScreen).query();
    }

    private static ObjectNode ticket(String id, String user, String status) {
        return Json.MAPPER.createObjectNode().put("id", id).put("tenantId", "acme").put("userId", user)
                .put("status", status);
    }

    private static ObjectNode read(CosmosAsyncContainer tickets, String id, String user) {
        return tickets.readItem(id, new PartitionKeyBuilder().add("acme").add(user).build(), ObjectNode.class)
                .block().getItem();
    }

    @Test
    void patchTwoRowsOfAHierarchicalContainerThenUndo(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer existing = data.createContainer("/customerId");
        String database = existing.getDatabase().getId();
        MainWindowFixture.connectAndOpen(robot, context, server, existing);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the container's tab opens", () -> tabs.getTabs().size() == 2);

        // New container… with a two-level key, from the database's menu (Monocle opens no context menus)
        javafx.scene.control.TreeCell<?> databaseCell = robot.lookup(".tree-cell").match((javafx.scene.control
                .TreeCell<io.cosmosdesk.browse.ResourceNode> cell) -> cell.getItem() != null
                && cell.getItem().kind() == io.cosmosdesk.browse.ResourceNode.Kind.DATABASE
                && database.equals(cell.getItem().databaseId())).query();
        javafx.scene.control.MenuItem newContainer = databaseCell.getContextMenu().getItems().stream()
                .filter(item -> "New container…".equals(item.getText())).findFirst().orElseThrow();
        javafx.application.Platform.runLater(newContainer::fire);
        MainWindowFixture.waitFor("the form opens", () -> robot.lookup("#idField").tryQuery()
                .filter(field -> onScreen(field) && field.isFocused()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#idField").<Node>query()).write("tickets");
        TextField level1 = robot.lookup("#keyLevel1Field").queryAs(TextField.class);
        robot.interact(level1::clear);
        robot.clickOn(level1).write("/tenantId");
        robot.clickOn("#keyLevel2Field").write("/userId");
        robot.clickOn("#createButton");
        MainWindowFixture.waitFor("the new container opens in a tab", () -> tabs.getTabs().size() == 3
                && tabs.getSelectionModel().getSelectedItem().getText().startsWith("tickets"));

        CosmosAsyncContainer tickets = existing.getDatabase().getContainer("tickets");
        tickets.createItem(ticket("t1", "ann", "open")).block();
        tickets.createItem(ticket("t2", "bob", "open")).block();
        tickets.createItem(ticket("t3", "cid", "open")).block();
        Button refresh = visible(robot, "#refreshItemsButton");
        robot.clickOn(refresh);
        TableView<?> table = visible(robot, "#itemsTable");
        MainWindowFixture.waitFor("the three items show", () -> table.getItems().size() == 3);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(0, 1);
        });
        String first = ((io.cosmosdesk.cosmos.ItemRow) table.getItems().get(0)).id();
        String second = ((io.cosmosdesk.cosmos.ItemRow) table.getItems().get(1)).id();

        MainWindowFixture.clickToolbarAction(robot, "Patch…"); // in the toolbar's More menu
        MainWindowFixture.waitFor("the patch dialog opens", () -> robot.lookup("#pathField0").tryQuery()
                .filter(BulkPatchGuiIT::onScreen).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#selectionRadio").queryAs(javafx.scene.control.RadioButton.class).getText())
                .isEqualTo("The 2 selected items in the grid");
        robot.clickOn("#pathField0").write("/status");
        robot.clickOn("#valueField0").write("\"closed\"");
        robot.clickOn("#dryRunButton");
        Label dryRun = robot.lookup("#dryRunLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("the dry run shows", () -> dryRun.getText().startsWith("Would patch"));
        assertThat(dryRun.getText()).startsWith("Would patch 2 of 2 items.");
        assertThat(read(tickets, "t1", "ann").get("status").asText()).isEqualTo("open");

        robot.clickOn("#applyButton");
        Label status = robot.lookup(".patch-dialog #statusLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("the patch ends", () -> status.getText().startsWith("Patched 2 items"));
        java.util.Map<String, String> users = java.util.Map.of("t1", "ann", "t2", "bob", "t3", "cid");
        assertThat(read(tickets, first, users.get(first)).get("status").asText()).isEqualTo("closed");
        assertThat(read(tickets, second, users.get(second)).get("status").asText()).isEqualTo("closed");
        assertThat(tickets.queryItems("SELECT VALUE COUNT(1) FROM c WHERE c.status = 'open'", Long.class)
                .blockFirst()).isEqualTo(1);

        Button undo = robot.lookup("#undoButton").queryAs(Button.class);
        MainWindowFixture.waitFor("Undo is offered", () -> onScreen(undo));
        robot.clickOn(undo);
        MainWindowFixture.waitFor("the undo ends", () -> status.getText().startsWith("Restored 2 items"));
        assertThat(tickets.queryItems("SELECT VALUE COUNT(1) FROM c WHERE c.status = 'open'", Long.class)
                .blockFirst()).isEqualTo(3);
    }
}
