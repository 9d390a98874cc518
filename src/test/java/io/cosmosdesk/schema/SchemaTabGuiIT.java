package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.query.Completion;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless, the whole window: the Schema tab opened from the Items toolbar, a field added as a column, a filter. */
@ExtendWith(CosmosServerExtension.class)
class SchemaTabGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void aFieldBecomesAColumnAndAValueAFilter(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 40, i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%02d", i)).put("customerId", "cust-" + (i % 4))
                    .put("status", i % 4 == 0 ? "paid \"in full\"" : "open").put("amount", i * 2.5);
            item.putObject("customer").put("name", "Customer " + (i % 4));
            return item;
        });
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        MainWindowFixture.waitFor("the rows show", () -> table.getItems().size() == 40);

        MainWindowFixture.clickToolbarAction(robot, "Schema"); // in the toolbar's More menu
        MainWindowFixture.waitFor("the schema tab shows", () -> robot.lookup("#analyseButton").tryQuery().isPresent()
                && robot.lookup("#analyseButton").query().isVisible());
        // opening the tab starts the default sample at once
        @SuppressWarnings("unchecked")
        TreeTableView<FieldSummary> tree = robot.lookup("#fieldTree").queryAs(TreeTableView.class);
        MainWindowFixture.waitFor("the figures are in", () -> robot.lookup("#statusLabel").queryLabeled().getText()
                .startsWith("40 items analysed"));
        // rows join the tree a few per frame, so the last ones may come a moment after the status line
        MainWindowFixture.waitFor("the status row shows", () -> tree.getRoot().getChildren().stream()
                .anyMatch(row -> row.getValue().path().name().equals("status")));
        TreeItem<FieldSummary> status = tree.getRoot().getChildren().stream()
                .filter(row -> row.getValue().path().name().equals("status")).findFirst().orElseThrow();
        robot.interact(() -> tree.getSelectionModel().select(status));

        robot.clickOn("#addColumnButton");
        MainWindowFixture.waitFor("the grid has a status column", () -> table.getColumns().stream()
                .anyMatch(column -> "/status".equals(column.getId())));

        // adding the column fronted the Items tab; back to the schema as a user would, by its tab
        robot.interact(() -> context.toolTabs().select(context.toolTabs().find(tool -> "schema".equals(tool.kind()))
                .orElseThrow()));
        MainWindowFixture.waitFor("the status figures show", () -> robot.lookup((Node node) ->
                node instanceof Hyperlink link && link.getText().equals("paid \"in full\"")).tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node node) -> node instanceof Hyperlink link
                && link.getText().equals("paid \"in full\"")).queryAs(Hyperlink.class));
        MainWindowFixture.waitFor("the grid is filtered on the value", () -> table.getItems().size() == 10
                && table.getItems().stream().allMatch(row -> row.json().get("status").asText()
                        .equals("paid \"in full\"")));
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#filterBox").queryAs(ComboBox.class);
        String typed = filter.isEditable() ? filter.getEditor().getText() : String.valueOf(filter.getValue());
        assertThat(typed).as("the value goes as a parameter, not into the text").isEqualTo("WHERE c.status = @v");
        Button chip = (Button) MainWindowFixture.shown(robot, "#filterParameter-v");
        assertThat(chip.getText()).as("the box shows the value beside the text")
                .startsWith("@v = \"paid \\\"in full\\\"\"");

        // the chip writes the value into the text, where it is edited as typed; the same rows stay
        robot.clickOn(chip);
        MainWindowFixture.waitFor("the value is in the text", () -> filter.getEditor().getText()
                .equals("WHERE c.status = \"paid \\\"in full\\\"\"")
                && robot.lookup("#filterParameter-v").tryQuery().isEmpty());

        // the paths the schema sampled complete in the filter box, with the query editor's popup
        robot.interact(() -> filter.getEditor().clear());
        robot.clickOn(MainWindowFixture.shown(robot, "#filterBox"));
        robot.write("c.customer.na");
        MainWindowFixture.waitFor("the filter box offers the sampled field", () -> robot.lookup("#filterCompletion")
                .tryQueryAs(ListView.class).map(list -> list.getScene().getWindow().isShowing()
                        && list.getItems().stream().anyMatch(item -> "name".equals(((Completion) item).label())))
                .orElse(false));
        robot.type(KeyCode.ENTER);
        MainWindowFixture.waitFor("Enter takes the field into the box", () -> "c.customer.name".equals(
                filter.getEditor().getText()));
        assertThat(table.getItems()).as("Enter in the list inserts; it does not apply the filter").hasSize(10);
    }
}
