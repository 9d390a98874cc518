package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.util.stream.IntStream;
import javafx.scene.control.TableView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import reactor.core.publisher.Flux;

/** Headless, the whole window: an item opened from the grid, edited and saved, as users do it. */
@ExtendWith(CosmosServerExtension.class)
class EditFromGridGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void aSavedEditIsCleanAndItsRowStaysSelected(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 10).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%02d", i)).put("customerId", "cust-" + (i % 3)).put("n", i)
                    .put("price", 10.5 + i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("cust-" + (i % 3)));
        }))).blockLast();
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        MainWindowFixture.waitFor("the rows show", () -> table.getItems().size() == 10);
        int index = IntStream.range(0, 10).filter(i -> table.getItems().get(i).id().equals("order-04")).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(index));
        MainWindowFixture.waitFor("the item opens", () -> area(robot).getText().contains("\"order-04\""));

        CodeArea area = area(robot);
        robot.interact(() -> {
            int at = area.getText().indexOf("\"n\": 4") + 5;
            area.replaceText(at, at + 1, "41");
        });
        assertThat(label(robot, "#stateLabel")).contains("Unsaved");
        robot.clickOn("#saveButton");
        MainWindowFixture.waitFor("the save ends", () -> label(robot, "#editorStatusLabel").startsWith("Saved"));
        robot.sleep(300);

        assertThat(label(robot, "#stateLabel")).as("state after the save").doesNotContain("Unsaved");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).as("Save disabled").isTrue();
        assertThat(area(robot).getText()).contains("\"n\": 41");
        assertThat(table.getSelectionModel().getSelectedItem()).as("selected row")
                .extracting(ItemRow::id).isEqualTo("order-04");
        assertThat(table.getSelectionModel().getSelectedItem().json().get("n").asInt()).isEqualTo(41);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#codeArea").queryAs(CodeArea.class);
    }
}
