package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
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
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import reactor.core.publisher.Flux;

/** Headless: select an item in the grid, Move to partition…, preview, move; it is in the new partition only. */
@ExtendWith(CosmosServerExtension.class)
class MoveFromGridGuiIT {

    private AppContext context;
    private final DialogService dialogs = mock(DialogService.class);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs)
            .onShown(shown -> context = shown);

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        io.cosmosdesk.testing.MainWindowFixture.waitFor(what, condition);
    }

    @Test
    void moveTheSelectedItemToAnotherPartition(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 30).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%02d", i)).put("customerId", "cust-" + (i % 3)).put("n", i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("cust-" + (i % 3)));
        }))).blockLast();

        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        waitFor("the rows show", () -> table.getItems().size() == 30);

        int index = IntStream.range(0, 30).filter(i -> table.getItems().get(i).id().equals("order-01")).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(index));
        robot.clickOn("#moveButton");
        waitFor("the move dialog opens", () -> moveDialog().isPresent());
        Node dialog = moveDialog().orElseThrow().getScene().getRoot();

        TextField target = robot.from(dialog).lookup("#targetValue0").queryAs(TextField.class);
        robot.clickOn(target).write("cust-9");
        robot.clickOn(robot.from(dialog).lookup("#previewButton").queryButton());
        Label preview = robot.from(dialog).lookup("#previewLabel").queryAs(Label.class);
        waitFor("the preview shows", () -> preview.getText().startsWith("1 item to move to \"cust-9\""));
        robot.clickOn(robot.from(dialog).lookup("#runButton").queryButton());
        Label status = robot.from(dialog).lookup("#statusLabel").queryAs(Label.class);
        waitFor("the move finishes", () -> status.getText().startsWith("Done"));
        assertThat(status.getText()).contains("1 moved");

        // exactly once, in the new partition, with its content
        ObjectNode moved = container.readItem("order-01", new PartitionKey("cust-9"), ObjectNode.class).block()
                .getItem();
        assertThat(moved.get("n").asInt()).isEqualTo(1);
        Throwable gone = catchThrowable(() -> container.readItem("order-01", new PartitionKey("cust-1"),
                ObjectNode.class).block());
        assertThat(gone).isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));

        robot.clickOn(robot.from(dialog).lookup("#cancelButton").queryButton());
        waitFor("the grid shows the item in its new partition", () -> table.getItems().stream()
                .anyMatch(row -> row.id().equals("order-01") && row.partitionKey().display().equals("\"cust-9\"")));
    }

    @Test
    void withNothingSelectedAfterGoToIdTheMoveFindsThatItemWithTheGridsQuery(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 5).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("INV-%02d", i)).put("customerId", "cust-" + (i % 2)).put("n", i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("cust-" + (i % 2)));
        }))).blockLast();
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        waitFor("the rows show", () -> table.getItems().size() == 5);

        TextField goToId = robot.lookup("#findIdField").queryAs(TextField.class);
        robot.interact(() -> {
            goToId.setText("INV-03");
            goToId.fireEvent(new javafx.event.ActionEvent());
        });
        waitFor("only that item shows", () -> table.getItems().size() == 1);
        org.mockito.Mockito.when(dialogs.confirm(org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString())).thenReturn(true);
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.clickOn("#moveButton");
        waitFor("the move dialog opens", () -> moveDialog().isPresent());
        org.mockito.ArgumentCaptor<String> question = org.mockito.ArgumentCaptor.forClass(String.class);
        org.mockito.Mockito.verify(dialogs).confirm(org.mockito.ArgumentMatchers.eq("Move items"), question.capture(),
                org.mockito.ArgumentMatchers.anyString());
        assertThat(question.getValue()).contains("whose id is \"INV-03\"").doesNotContain("/id");
        org.mockito.Mockito.verify(dialogs, org.mockito.Mockito.never()).showError(
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());

        Node dialog = moveDialog().orElseThrow().getScene().getRoot();
        robot.clickOn(robot.from(dialog).lookup("#targetValue0").queryAs(TextField.class)).write("cust-9");
        robot.clickOn(robot.from(dialog).lookup("#previewButton").queryButton());
        Label preview = robot.from(dialog).lookup("#previewLabel").queryAs(Label.class);
        waitFor("the preview counts the one item", () -> preview.getText().startsWith("1 item to move to \"cust-9\""));
        robot.clickOn(robot.from(dialog).lookup("#cancelButton").queryButton());
    }

    @Test
    void aRunningMoveGoesOnInTheJobsPanelWhenItsWindowClosesAndTheGridFollowsWhenItEnds(FxRobot robot,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 6).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%02d", i)).put("customerId", "cust-" + (i % 2)).put("n", i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("cust-" + (i % 2)));
        }))).blockLast();
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        waitFor("the rows show", () -> table.getItems().size() == 6);
        int index = IntStream.range(0, 6).filter(i -> table.getItems().get(i).id().equals("order-03")).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(index));
        robot.clickOn(MainWindowFixture.shown(robot, "#moveButton"));
        waitFor("the move dialog opens", () -> moveDialog().isPresent());
        Node dialog = moveDialog().orElseThrow().getScene().getRoot();
        robot.clickOn(robot.from(dialog).lookup("#targetValue0").queryAs(TextField.class)).write("cust-7");
        robot.clickOn(robot.from(dialog).lookup("#previewButton").queryButton());
        Label preview = robot.from(dialog).lookup("#previewLabel").queryAs(Label.class);
        waitFor("the preview shows", () -> preview.getText().startsWith("1 item to move to \"cust-7\""));

        // the server throttles every write until told otherwise: the move is running, whatever the machine's load
        server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 100_000).onMethods("POST")
                .onPathsContaining("/docs").retryAfter(java.time.Duration.ofMillis(500)));
        try {
            robot.clickOn(robot.from(dialog).lookup("#runButton").queryButton());
            javafx.scene.control.Button background = robot.from(dialog).lookup("#backgroundButton").queryButton();
            waitFor("the move runs and may go on without its window", () -> background.isVisible());
            robot.clickOn(background);
            waitFor("the window is gone", () -> moveDialog().filter(Stage::isShowing).isEmpty());
            io.cosmosdesk.jobs.Job job = context.jobs().jobs().get(0);
            assertThat(job.kind()).isEqualTo("Move");
            assertThat(job.state()).as("the move goes on in the Jobs panel").isEqualTo(io.cosmosdesk.jobs.JobState.RUNNING);
        } finally {
            server.clearFaults();
        }
        io.cosmosdesk.jobs.Job job = context.jobs().jobs().get(0);
        waitFor("the move ends in the Jobs panel", () -> job.state() == io.cosmosdesk.jobs.JobState.DONE);
        waitFor("the grid shows the item in its new partition", () -> table.getItems().stream()
                .anyMatch(row -> row.id().equals("order-03") && row.partitionKey().display().equals("\"cust-7\"")));
        ObjectNode moved = container.readItem("order-03", new PartitionKey("cust-7"), ObjectNode.class).block()
                .getItem();
        assertThat(moved.get("n").asInt()).isEqualTo(3);
    }

    private static java.util.Optional<Stage> moveDialog() {
        return Window.getWindows().stream().filter(window -> window instanceof Stage stage
                && "Move items".equals(stage.getTitle())).map(Stage.class::cast).findFirst();
    }
}
