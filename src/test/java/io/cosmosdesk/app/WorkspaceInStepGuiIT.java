package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.editor.EditorChoice;
import io.cosmosdesk.editor.JsonCodeArea;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import reactor.core.publisher.Flux;

/**
 * Headless, against the local server: the grid, the editor, the tabs and the tree stay in step. After a
 * move the editor follows its item; a cancelled row change puts the grid back on the edited item; quitting
 * shows and names the container with unsaved edits; the tree and status bar follow the tab in front.
 */
@ExtendWith(CosmosServerExtension.class)
class WorkspaceInStepGuiIT {

    private final DialogService dialogs = mock(DialogService.class);
    private AppContext context;
    private Stage stage;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs)
            .onShown(shown -> context = shown).afterShow(shown -> stage = shown);

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        MainWindowFixture.waitFor(what, condition);
    }

    /** Six orders, order-0i under "cust-(i % 3)". */
    private static CosmosAsyncContainer ordersContainer(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 6).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", "order-0" + i).put("customerId", "cust-" + (i % 3)).put("n", i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("cust-" + (i % 3)));
        }))).blockLast();
        return container;
    }

    // ---- the editor follows a move

    @Test
    void afterMovingTheEditedItemTheEditorShowsItFromItsNewPartition(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-01");
        replaceInEditor(robot, "\"cust-1\"", "\"cust-9\"");
        replaceInEditor(robot, "\"n\": 1", "\"n\": 101");
        when(dialogs.<EditorChoice>choose(eq("Partition key changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.MOVE_ITEM));

        robot.clickOn(visible(robot, "#saveButton"));
        runTheMove(robot, null);

        String etag = container.readItem("order-01", new PartitionKey("cust-9"), ObjectNode.class).block().getETag();
        waitFor("the editor shows the moved item", () -> statusText(robot).startsWith("Moved")
                && editorArea(robot).getText().contains("\"cust-9\""));
        assertThat(statusText(robot)).isEqualTo("Moved \"order-01\" to partition \"cust-9\".");
        assertThat(editorArea(robot).getText()).contains("\"cust-9\"").contains("\"n\": 101");
        assertThat(((TextInputControl) visible(robot, "#system_etag")).getText()).isEqualTo(etag);
        assertThat(visible(robot, "#saveButton").isDisabled()).as("nothing left to save").isTrue();
        assertThat(visible(robot, "#editorDeleteButton").isDisabled()).isFalse();
        assertThat(robot.lookup("#editorErrorLabel").queryAllAs(Labeled.class)).allSatisfy(label ->
                assertThat(label.getText()).isNullOrEmpty());
        TableView<ItemRow> table = table(robot);
        waitFor("the grid selects the moved item again", () -> table.getSelectionModel().getSelectedItems().size() == 1
                && table.getSelectionModel().getSelectedItem().id().equals("order-01")
                && table.getSelectionModel().getSelectedItem().partitionKey().display().equals("\"cust-9\""));
    }

    @Test
    void aMoveRefusedBecauseSomeoneElseChangedTheItemOffersCompareAndOverwriteMovesTheUsersVersion(FxRobot robot,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-01");
        replaceInEditor(robot, "\"cust-1\"", "\"cust-9\"");
        replaceInEditor(robot, "\"n\": 1", "\"n\": 101");
        // meanwhile another client changes the item
        container.replaceItem(JsonNodeFactory.instance.objectNode().put("id", "order-01").put("customerId", "cust-1")
                .put("n", 55), "order-01", new PartitionKey("cust-1"), null).block();
        when(dialogs.<EditorChoice>choose(eq("Partition key changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.MOVE_ITEM));
        List<String> theirs = new ArrayList<>();
        when(dialogs.<EditorChoice>compare(eq("Someone else changed this item"),
                anyString(), any(), anyString(), anyString(),
                anyString(), anyString(), any())).thenAnswer(call -> {
                    theirs.add(call.getArgument(4));
                    return Optional.of(EditorChoice.OVERWRITE);
                });

        robot.clickOn(visible(robot, "#saveButton"));
        waitFor("the move dialog opens", () -> moveDialog().isPresent());
        Node dialog = moveDialog().orElseThrow().getScene().getRoot();
        Label preview = robot.from(dialog).lookup("#previewLabel").queryAs(Label.class);
        waitFor("the preview shows", () -> preview.getText().startsWith("1 item to move"));
        robot.clickOn(robot.from(dialog).lookup("#runButton").queryButton());
        Label status = robot.from(dialog).lookup("#statusLabel").queryAs(Label.class);
        Label counts = robot.from(dialog).lookup("#countsLabel").queryAs(Label.class);
        waitFor("the move finishes", () -> status.getText().startsWith("Done"));
        assertThat(counts.getText()).contains("0 moved").contains("1 changed");
        robot.clickOn(robot.from(dialog).lookup("#cancelButton").queryButton());

        // their version is shown; Overwrite runs the move again (conditional on their ETag) without another click
        waitFor("the move dialog opens again and runs", () -> moveDialog().map(stage -> {
            Label again = robot.from(stage.getScene().getRoot()).lookup("#statusLabel").queryAs(Label.class);
            return again.getText() != null && again.getText().startsWith("Done");
        }).orElse(false));
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0)).contains("\"n\": 55");
        Node second = moveDialog().orElseThrow().getScene().getRoot();
        assertThat(robot.from(second).lookup("#countsLabel").queryAs(Label.class).getText()).contains("1 moved");
        robot.clickOn(robot.from(second).lookup("#cancelButton").queryButton());

        waitFor("the editor shows the moved item", () -> statusText(robot).startsWith("Moved"));
        assertThat(editorArea(robot).getText()).contains("\"cust-9\"").contains("\"n\": 101");
        ObjectNode moved = container.readItem("order-01", new PartitionKey("cust-9"), ObjectNode.class).block()
                .getItem();
        assertThat(moved.get("n").asInt()).isEqualTo(101);
        assertThat(container.queryItems("SELECT * FROM c WHERE c.id = 'order-01'", ObjectNode.class)
                .collectList().block()).as("the old one is gone").hasSize(1);
    }

    @Test
    void aMoveClosedBeforeRunningKeepsTheTypedTextUnsavedWithAMessage(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-01");
        replaceInEditor(robot, "\"cust-1\"", "\"cust-9\"");
        String typed = editorArea(robot).getText();
        when(dialogs.<EditorChoice>choose(eq("Partition key changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.MOVE_ITEM));

        robot.clickOn(visible(robot, "#saveButton"));
        waitFor("the move dialog opens", () -> moveDialog().isPresent());
        Node dialog = moveDialog().orElseThrow().getScene().getRoot();
        robot.clickOn(robot.from(dialog).lookup("#cancelButton").queryButton());

        waitFor("the editor says it was not moved",
                () -> ((Labeled) visible(robot, "#editorErrorLabel")).getText().startsWith("Not moved"));
        assertThat(((Labeled) visible(robot, "#editorErrorLabel")).getText()).contains("Your text is kept");
        assertThat(editorArea(robot).getText()).isEqualTo(typed);
        assertThat(statusText(robot)).doesNotContain("Moving");
        assertThat(visible(robot, "#saveButton").isDisabled()).as("still unsaved").isFalse();
    }

    @Test
    void afterMovingTheOpenItemFromTheGridTheEditorFollowsIt(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-02");

        robot.clickOn(visible(robot, "#moveButton"));
        runTheMove(robot, "cust-7");

        // the status comes first; the text arrives in a fresh area prepared in the background
        waitFor("the editor shows the moved item", () -> statusText(robot).startsWith("Moved")
                && editorArea(robot).getText().contains("\"cust-7\""));
        assertThat(statusText(robot)).isEqualTo("Moved \"order-02\" to partition \"cust-7\".");
        String etag = container.readItem("order-02", new PartitionKey("cust-7"), ObjectNode.class).block().getETag();
        assertThat(((TextInputControl) visible(robot, "#system_etag")).getText()).isEqualTo(etag);
    }

    // ---- the grid follows the editor

    @Test
    void cancellingTheUnsavedChangesQuestionPutsTheGridBackOnTheEditedItem(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-03");
        replaceInEditor(robot, "\"n\": 3", "\"n\": 33");
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.CANCEL));

        robot.clickOn(robot.from(visible(robot, "#itemsTable")).lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<ItemRow> row) -> row.getItem() != null
                        && row.getItem().id().equals("order-04")).queryAs(Node.class));

        TableView<ItemRow> table = table(robot);
        waitFor("the grid is back on the edited item", () -> table.getSelectionModel().getSelectedItems().size() == 1
                && table.getSelectionModel().getSelectedItem().id().equals("order-03"));
        assertThat(editorArea(robot).getText()).contains("\"n\": 33");
        assertThat(context.mainViewModel().openContainers()).hasSize(1);
    }

    @Test
    void goToIdFindingOneItemOpensItUnlessTheEditorHasUnsavedEdits(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-01");
        TableView<ItemRow> table = table(robot);

        robot.clickOn(visible(robot, "#findIdField")).write("order-04").type(KeyCode.ENTER);

        waitFor("the editor shows order-04", () -> editorArea(robot).getText().contains("\"order-04\"")
                && !visible(robot, "#editorDeleteButton").isDisabled());
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo("order-04");

        replaceInEditor(robot, "\"n\": 4", "\"n\": 44");
        robot.interact(() -> ((TextField) visible(robot, "#findIdField")).clear());
        robot.clickOn(visible(robot, "#findIdField")).write("order-05").type(KeyCode.ENTER);

        waitFor("the grid shows order-05", () -> table.getItems().size() == 1
                && table.getItems().get(0).id().equals("order-05"));
        assertThat(editorArea(robot).getText()).as("unsaved edits stay").contains("\"n\": 44");
        assertThat(table.getSelectionModel().getSelectedItems()).isEmpty();
        org.mockito.Mockito.verify(dialogs, org.mockito.Mockito.never()).choose(eq("Unsaved changes"), anyString(),
                any());
    }

    // ---- keys that work across the tab

    @Test
    void ctrlNFromTheGridStartsANewItemThroughTheUnsavedChangesGuard(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-03");
        replaceInEditor(robot, "\"n\": 3", "\"n\": 33");
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.CANCEL));
        robot.interact(() -> table(robot).requestFocus());

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        org.mockito.Mockito.verify(dialogs).choose(eq("Unsaved changes"), anyString(), any());
        assertThat(editorArea(robot).getText()).contains("\"n\": 33");

        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.DISCARD));
        robot.interact(() -> table(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        waitFor("a new item", () -> statusText(robot).startsWith("New item"));
        assertThat(editorArea(robot).getText()).doesNotContain("order-03").contains("\"customerId\": \"\"");
        assertThat(editorArea(robot).isFocused()).as("ready to type").isTrue();
        assertThat(table(robot).getSelectionModel().getSelectedItems()).as("no row selected for a new item").isEmpty();
    }

    @Test
    void ctrlFInTheGridAndCtrlLAnywhereGoToTheFilterWhileCtrlFInTheEditorFinds(FxRobot robot,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        selectRow(robot, "order-02");
        TextField filter = ((javafx.scene.control.ComboBox<?>) visible(robot, "#filterBox")).getEditor();

        robot.interact(() -> table(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor("the filter box has the focus", filter::isFocused);

        robot.interact(() -> editorArea(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor("the editor's find bar has the focus", () -> robot.lookup("#findField").tryQuery()
                .map(Node::isFocused).orElse(false));
        assertThat(filter.isFocused()).isFalse();

        robot.interact(() -> editorArea(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor("Ctrl+L goes to the filter box", filter::isFocused);
    }

    // ---- tabs, the tree and the status bar

    @Test
    void quittingShowsAndNamesTheContainerWithUnsavedEdits(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer first = ordersContainer(data);
        CosmosAsyncContainer second = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, first);
        selectRow(robot, "order-01");
        replaceInEditor(robot, "\"n\": 1", "\"n\": 11");
        openAnother(robot, second);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        waitFor("the second tab is in front", () -> second.getId().equals(tabs.getSelectionModel()
                .getSelectedItem().getText()));
        List<String> asked = new ArrayList<>();
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any())).thenAnswer(call -> {
            asked.add(tabs.getSelectionModel().getSelectedItem().getText() + " | " + call.getArgument(1));
            return Optional.of(EditorChoice.CANCEL);
        });

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        String where = first.getDatabase().getId() + "/" + first.getId();
        assertThat(asked).containsExactly(first.getId() + " ● | \"order-01\" in " + where
                + " has unsaved changes. Save them before you go on?");
        assertThat(stage.isShowing()).isTrue();

        // closing the (dirty) first tab from the second one asks the same way
        robot.interact(() -> tabs.getSelectionModel().select(tabOf(tabs, second)));
        Tab firstTab = tabOf(tabs, first);
        robot.interact(() -> Event.fireEvent(firstTab, new Event(firstTab, firstTab, Tab.TAB_CLOSE_REQUEST_EVENT)));
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1)).startsWith(first.getId() + " ● | \"order-01\" in " + where);
        assertThat(tabs.getTabs()).contains(firstTab);
    }

    @Test
    void theTreeAndTheStatusBarFollowTheTabInFront(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer first = ordersContainer(data);
        CosmosAsyncContainer second = ordersContainer(data);
        MainWindowFixture.connectAndOpen(robot, context, server, first);
        openAnother(robot, second);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        @SuppressWarnings("unchecked")
        TreeView<ResourceNode> tree = robot.lookup("#resourceTree").queryAs(TreeView.class);
        Label status = robot.lookup("#statusMessage").queryAs(Label.class);
        waitFor("the second tab is in front", () -> tabOf(tabs, second) == tabs.getSelectionModel().getSelectedItem());

        robot.clickOn(robot.lookup(".tab-label").match((Label label) -> first.getId().equals(label.getText()))
                .queryAs(Node.class));

        waitFor("the first tab is in front", () -> tabOf(tabs, first) == tabs.getSelectionModel().getSelectedItem());
        assertThat(tree.getSelectionModel().getSelectedItem()).extracting(item -> item.getValue().label())
                .isEqualTo(first.getId());
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().databaseId())
                .isEqualTo(first.getDatabase().getId());
        assertThat(status.getText()).isEqualTo("Showing " + first.getDatabase().getId() + "/" + first.getId());
        assertThat(tabs.getTabs()).hasSize(3); // the welcome tab and the two containers: nothing opened again
    }

    // ---- helpers

    private void openAnother(FxRobot robot, CosmosAsyncContainer container) throws Exception {
        ResourceNode connection = context.mainViewModel().tree().connections().get(0);
        String databaseId = container.getDatabase().getId();
        waitFor("the database is listed", () -> connection.children().stream()
                .anyMatch(node -> node.label().equals(databaseId)));
        ResourceNode database = connection.children().stream().filter(node -> node.label().equals(databaseId))
                .findFirst().orElseThrow();
        robot.interact(() -> context.mainViewModel().tree().expand(database));
        waitFor("the container is listed", () -> database.children().stream()
                .anyMatch(node -> node.label().equals(container.getId())));
        ResourceNode node = database.children().stream().filter(child -> child.label().equals(container.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> context.mainViewModel().tree().open(node));
    }

    private static Tab tabOf(TabPane tabs, CosmosAsyncContainer container) {
        return tabs.getTabs().stream().filter(tab -> tab.getUserData() instanceof ContainerHandle handle
                && handle.ref().containerId().equals(container.getId())).findFirst().orElseThrow();
    }

    private void selectRow(FxRobot robot, String id) throws Exception {
        waitFor("the rows show", () -> table(robot).getItems().size() == 6);
        TableView<ItemRow> table = table(robot);
        int index = IntStream.range(0, table.getItems().size()).filter(i -> table.getItems().get(i).id().equals(id))
                .findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(index));
        waitFor("the editor shows " + id, () -> editorArea(robot).getText().contains("\"" + id + "\"")
                && !visible(robot, "#editorDeleteButton").isDisabled());
    }

    private void runTheMove(FxRobot robot, String target) throws Exception {
        waitFor("the move dialog opens", () -> moveDialog().isPresent());
        Node dialog = moveDialog().orElseThrow().getScene().getRoot();
        if (target != null) {
            robot.clickOn(robot.from(dialog).lookup("#targetValue0").queryAs(TextField.class)).write(target);
            robot.clickOn(robot.from(dialog).lookup("#previewButton").queryButton());
        }
        Label preview = robot.from(dialog).lookup("#previewLabel").queryAs(Label.class);
        waitFor("the preview shows", () -> preview.getText().startsWith("1 item to move"));
        robot.clickOn(robot.from(dialog).lookup("#runButton").queryButton());
        Label status = robot.from(dialog).lookup("#statusLabel").queryAs(Label.class);
        waitFor("the move finishes", () -> status.getText().startsWith("Done"));
        assertThat(status.getText()).contains("1 moved");
        robot.clickOn(robot.from(dialog).lookup("#cancelButton").queryButton());
        waitFor("the move dialog closes", () -> moveDialog().isEmpty());
    }

    private void replaceInEditor(FxRobot robot, String from, String to) {
        robot.interact(() -> {
            JsonCodeArea area = editorArea(robot);
            int at = area.getText().indexOf(from);
            assertThat(at).as(from).isNotNegative();
            area.replaceText(at, at + from.length(), to);
        });
    }

    private static String statusText(FxRobot robot) {
        String text = ((Labeled) visible(robot, "#editorStatusLabel")).getText();
        return text == null ? "" : text;
    }

    @SuppressWarnings("unchecked")
    private static TableView<ItemRow> table(FxRobot robot) {
        return (TableView<ItemRow>) visible(robot, "#itemsTable");
    }

    /** The editor's area in the tab in front (each opened item comes in a fresh one). */
    private static JsonCodeArea editorArea(FxRobot robot) {
        return robot.lookup(node -> node instanceof JsonCodeArea && shown(node)).queryAs(JsonCodeArea.class);
    }

    /** The node with this id in the tab in front (the other tabs' contents are in the scene too, hidden). */
    private static Node visible(FxRobot robot, String query) {
        return robot.lookup(query).match(WorkspaceInStepGuiIT::shown).queryAs(Node.class);
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static Optional<Stage> moveDialog() {
        return Window.getWindows().stream().filter(window -> window instanceof Stage s
                && "Move items".equals(s.getTitle())).map(Stage.class::cast).findFirst();
    }
}
