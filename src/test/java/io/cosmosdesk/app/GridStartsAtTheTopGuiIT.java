package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.editor.JsonCodeArea;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import reactor.core.publisher.Flux;

/**
 * Headless, against the local server: a new sort or filter shows its results from the first row, even when
 * the user had scrolled down and opened an item there; a new item saved shows formatted from the top-left.
 */
@ExtendWith(CosmosServerExtension.class)
class GridStartsAtTheTopGuiIT {

    @TempDir
    static Path home;

    private final DialogService dialogs = mock(DialogService.class);
    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs).home(() -> home)
            .onShown(shown -> context = shown);

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        MainWindowFixture.waitFor(what, condition);
    }

    @Test
    void aNewSortOrFilterShowsItsResultsFromTheFirstRow(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 90).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", String.format("order-%03d", i))
                    .put("customerId", "cust-" + (i % 5)).put("n", i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("cust-" + (i % 5)));
        }))).blockLast();
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        waitFor("every row shows", () -> table.getItems().size() == 90);

        // down at the end, with an item there open in the editor
        robot.interact(() -> {
            table.scrollTo(89);
            table.getSelectionModel().clearAndSelect(85);
        });
        waitFor("the grid is scrolled down", () -> firstVisibleRow(table) > 40);

        robot.clickOn(robot.lookup(node -> node instanceof TableColumnHeader header
                && header.getTableColumn() != null && "id".equals(header.getTableColumn().getId())).queryAs(TableColumnHeader.class));
        waitFor("the sorted rows show", () -> table.getItems().size() == 90
                && robot.lookup("#sortLabel").queryLabeled().getText().contains("/id"));
        waitFor("the sorted rows start at the first", () -> firstVisibleRow(table) == 0);

        robot.interact(() -> table.scrollTo(89));
        waitFor("the grid is scrolled down again", () -> firstVisibleRow(table) > 40);
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#filterBox").queryAs(ComboBox.class);
        robot.interact(() -> filter.getEditor().setText("WHERE c.n >= 10"));
        robot.clickOn("#applyFilterButton");
        waitFor("the filtered rows show", () -> table.getItems().size() == 80);
        waitFor("the filtered rows start at the first", () -> firstVisibleRow(table) == 0);
    }

    @Test
    void aNewItemTypedOnOneLineShowsFormattedFromTheTopLeftOnceSaved(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        waitFor("the empty container shows", () -> robot.lookup("#newItemButton").tryQuery().isPresent());
        robot.clickOn("#newItemButton");
        waitFor("a new item is in the editor", () -> editorArea(robot).getText().contains("\"id\""));
        String oneLine = "{\"id\":\"TEST-DUP-1\",\"customerId\":\"C-10169\",\"note\":\"" + "x".repeat(300) + "\"}";
        robot.interact(() -> {
            JsonCodeArea area = editorArea(robot);
            area.replaceText(oneLine);
            area.moveTo(area.getLength());
            area.requestFollowCaret();
        });
        javafx.scene.Node save = robot.lookup("#saveButton").queryAs(javafx.scene.Node.class);
        waitFor("the editor can save", () -> !save.isDisabled());

        robot.clickOn(save);

        waitFor("the created item shows formatted", () -> editorArea(robot).getText().startsWith("{\n  \"id\": "));
        waitFor("from the top-left", () -> editorArea(robot).getCaretPosition() == 0
                && editorArea(robot).getEstimatedScrollX() == 0);
    }

    private static JsonCodeArea editorArea(FxRobot robot) {
        return robot.lookup(node -> node instanceof JsonCodeArea && node.isVisible() && node.getScene() != null)
                .queryAs(JsonCodeArea.class);
    }

    private static int firstVisibleRow(TableView<?> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? -1 : first.getIndex();
    }
}
