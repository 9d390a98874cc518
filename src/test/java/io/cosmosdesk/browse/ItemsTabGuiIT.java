package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: a user opens a container from the tree, pages, filters, sorts and deletes in its Items tab. */
@ExtendWith(CosmosServerExtension.class)
class ItemsTabGuiIT {

    private AppContext context;
    private final DialogService dialogs = mock(DialogService.class);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs)
            .onShown(shown -> context = shown);

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        io.cosmosdesk.testing.MainWindowFixture.waitFor(what, condition);
    }

    private CosmosAsyncContainer seed(CosmosTestData data, int count) {
        return data.seedOrders(count, 7);
    }

    private TableView<ItemRow> openItemsTab(FxRobot robot, LocalCosmosServer server, CosmosAsyncContainer container)
            throws Exception {
        // these tests start from id and the key only: a container whose columns the user already chose (none), so
        // the default columns of a first visit (DefaultColumnsTest) stay out of their way
        new ColumnSettingsStore(app.home().resolve("config")).saveColumns(
                io.cosmosdesk.cosmos.ConnectionProfile.normaliseEndpoint(server.endpoint()) + "|"
                        + container.getDatabase().getId() + "|" + container.getId(), java.util.List.of());
        ResourceNode node = io.cosmosdesk.testing.MainWindowFixture.connectAndOpen(robot, context, server, container);
        // opening it again reuses the tab
        robot.interact(() -> context.mainViewModel().tree().open(node));
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs()).hasSize(2);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        return table;
    }

    @Test
    void atA1152PixelWindowTheSortIsReadWholeAndTheStatusTextGivesWayWithItsWholeTextInTheTooltip(FxRobot robot,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = seed(data, 150);
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getScene().getWindow().setWidth(1152));
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the first page shows", () -> table.getItems().size() == 100);
        // the column header: the tree names the container's key path "/customerId" too (its own label since s18)
        robot.clickOn(robot.from(table).lookup("/customerId").<javafx.scene.Node>query());
        Label sort = robot.lookup("#sortLabel").queryAs(Label.class);
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        waitFor("sorted, and the page's figures shown", () -> sort.getText().equals("Sorted on the server by /customerId ↑")
                && table.getItems().size() == 100 && status.getText().endsWith(" ms"));
        robot.interact(() -> { });
        assertThat(sort.getWidth()).as("the sort's label is not cut (\"Sorted on th…\" at 1152 px before)")
                .isGreaterThanOrEqualTo(sort.prefWidth(-1) - 0.5);
        assertThat(sort.getTooltip().getText()).startsWith("Sorted on the server by /customerId ↑");
        assertThat(status.getTooltip().getText()).as("the status text, if cut, is whole in its tooltip")
                .isEqualTo(status.getText());
    }

    @Test
    void pageLoadMoreFilterSortAndDelete(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = seed(data, 250);
        TableView<ItemRow> table = openItemsTab(robot, server, container);

        waitFor("the first page shows", () -> table.getItems().size() == 100);
        assertThat(table.getColumns()).extracting(column -> column.getId()).containsExactly("id", "/customerId");
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(status.getText()).startsWith("1–100 · more available · ").contains("RU page").endsWith(" ms");
        Button loadMore = robot.lookup("#loadMoreButton").queryAs(Button.class);
        assertThat(loadMore.isVisible()).isTrue();

        robot.clickOn("#loadMoreButton");
        waitFor("the second page is appended", () -> table.getItems().size() == 200);
        robot.clickOn("#loadMoreButton");
        waitFor("every item is loaded", () -> table.getItems().size() == 250);
        waitFor("Load more hides without a continuation token", () -> !loadMore.isVisible());

        // a user column by JSON path, then a typed filter applied with F5
        TextField addColumn = robot.lookup("#addColumnField").queryAs(TextField.class);
        robot.interact(() -> {
            addColumn.setText("/n");
            addColumn.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(table.getColumns()).extracting(column -> column.getId()).containsExactly("id", "/customerId", "/n");
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#filterBox").queryAs(ComboBox.class);
        robot.interact(() -> filter.getEditor().setText("WHERE c.n < 30"));
        assertThat(robot.lookup("#outdatedLabel").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn(filter.getEditor()).type(KeyCode.F5);
        waitFor("the filter applies", () -> table.getItems().size() == 30);
        assertThat(robot.lookup("#outdatedLabel").queryAs(Label.class).isVisible()).isFalse();
        assertThat(filter.getItems()).first().isEqualTo("WHERE c.n < 30");

        // sort on the server by clicking the /n header twice: descending (the grid widened first, as a user
        // would drag the divider: it starts at half the tab)
        robot.interact(() -> robot.lookup("#itemsSplit").queryAs(javafx.scene.control.SplitPane.class)
                .setDividerPositions(0.7));
        robot.clickOn("/n");
        waitFor("ascending", () -> table.getItems().size() == 30 && table.getItems().get(0).id().equals("order-0000"));
        robot.clickOn("/n  ↑");
        waitFor("descending", () -> table.getItems().size() == 30 && table.getItems().get(0).id().equals("order-0029"));
        assertThat(robot.lookup("#sortLabel").queryAs(Label.class).getText())
                .isEqualTo("Sorted on the server by /n ↓");

        // select three rows and press Delete; the confirmation is mocked to say yes
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectRange(0, 3);
        });
        // the item editor sits beside the grid (app.ContainerWorkspace puts it in the tab's editorHost)
        assertThat(robot.lookup(".item-editor").tryQuery()).isPresent();
        robot.type(KeyCode.DELETE);
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        waitFor("the summary shows", () -> "Deleted 3 items.".equals(notice.getText()));
        assertThat(table.getItems()).hasSize(27);
        verify(dialogs).confirm(anyString(), anyString(), anyString());
        long left = container.queryItems("SELECT VALUE COUNT(1) FROM c", Long.class).blockFirst();
        assertThat(left).isEqualTo(247);

        // one selected row opens in the editor beside the grid
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        io.cosmosdesk.editor.JsonCodeArea editor = robot.lookup(
                (javafx.scene.Node node) -> node instanceof io.cosmosdesk.editor.JsonCodeArea)
                .queryAs(io.cosmosdesk.editor.JsonCodeArea.class);
        waitFor("the editor shows the selected item", () -> editor.getText().contains("\"order-0026\""));

        // no matches: the placeholder names the filter and offers Clear filter
        robot.interact(() -> filter.getEditor().setText("WHERE c.n = -1"));
        robot.clickOn("#applyFilterButton");
        waitFor("no rows", () -> table.getItems().isEmpty()
                && robot.lookup("No items match WHERE c.n = -1").tryQuery().isPresent());
        robot.clickOn("Clear filter");
        waitFor("all items again", () -> table.getItems().size() == 100);

        // Enter in the filter box applies it (the editable ComboBox must not swallow the key)
        robot.clickOn(filter.getEditor());
        robot.interact(() -> filter.getEditor().setText("WHERE c.n = 7"));
        robot.type(KeyCode.ENTER);
        Label outdated = robot.lookup("#outdatedLabel").queryAs(Label.class);
        waitFor("the filter applied with Enter", () -> !outdated.isVisible() && !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(row -> row.json().path("n").asInt() == 7));
    }

    /** A fitted column is as wide as its bold header (a fixed padding guess cut "/orderNumber" to "…derNumber"). */
    @Test
    void aFittedColumnShowsItsWholeHeader(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = seed(data, 20);
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the first page shows", () -> table.getItems().size() == 20);
        TextField addColumn = robot.lookup("#addColumnField").queryAs(TextField.class);
        robot.interact(() -> {
            addColumn.setText("/customer/name");
            addColumn.fireEvent(new javafx.event.ActionEvent());
        });
        waitFor("the column shows", () -> robot.lookup(".column-header-label").queryAllAs(Label.class).stream()
                .anyMatch(label -> "/customer/name".equals(label.getText()) && label.getWidth() > 0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Label header = robot.lookup(".column-header-label").queryAllAs(Label.class).stream()
                .filter(label -> "/customer/name".equals(label.getText())).findFirst().orElseThrow();
        assertThat(header.getWidth()).as("the header's room (whole at %s px)", header.prefWidth(-1))
                .isGreaterThanOrEqualTo(header.prefWidth(-1) - 0.5);
    }

    @Test
    void theTypedFilterStaysInTheBoxWhetherItRunsOrFails(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = seed(data, 20);
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the rows show", () -> table.getItems().size() == 20);
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#filterBox").queryAs(ComboBox.class);
        Label outdated = robot.lookup("#outdatedLabel").queryAs(Label.class);

        // start from a suggestion, complete it, apply with the button
        robot.interact(() -> filter.getSelectionModel().select("WHERE c.id = \"\""));
        robot.interact(() -> filter.getEditor().setText("WHERE c.id = \"order-0003\""));
        robot.clickOn("#applyFilterButton");
        waitFor("one row", () -> table.getItems().size() == 1);
        assertThat(filter.getEditor().getText()).isEqualTo("WHERE c.id = \"order-0003\"");
        assertThat(outdated.isVisible()).isFalse();

        // a list, applied with Enter
        robot.clickOn(filter.getEditor());
        robot.interact(() -> filter.getEditor().setText("WHERE c.id IN (\"order-0001\",\"order-0002\")"));
        robot.type(KeyCode.ENTER);
        waitFor("two rows", () -> table.getItems().size() == 2);
        assertThat(filter.getEditor().getText()).isEqualTo("WHERE c.id IN (\"order-0001\",\"order-0002\")");
        assertThat(outdated.isVisible()).isFalse();

        // an invalid filter stays for the user to fix
        robot.interact(() -> filter.getEditor().setText("WHERE c.n = AND"));
        robot.type(KeyCode.ENTER);
        Label filterError = robot.lookup("#filterErrorLabel").queryAs(Label.class);
        javafx.scene.Node errorBanner = robot.lookup("#errorBanner").query();
        // the server's 400 shows under the box, not as a banner
        waitFor("the complaint shows", filterError::isVisible);
        assertThat(filterError.getText()).contains("Syntax error");
        assertThat(errorBanner.isVisible()).isFalse();
        assertThat(filter.getEditor().getText()).isEqualTo("WHERE c.n = AND");

        // Enter again runs that same text, never an unfiltered query
        robot.interact(() -> filter.getEditor().setText("WHERE c.id = \"order-0003\""));
        robot.type(KeyCode.ENTER);
        waitFor("one row again", () -> table.getItems().size() == 1 && !filterError.isVisible()
                && !errorBanner.isVisible());
        robot.type(KeyCode.ENTER);
        waitFor("still filtered", () -> table.getItems().size() == 1);
        assertThat(filter.getEditor().getText()).isEqualTo("WHERE c.id = \"order-0003\"");
    }

    @Test
    void goToIdShowsInTheStatusStripClearEmptiesItAndANewQueryDropsAStaleEditorBanner(FxRobot robot,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = seed(data, 10);
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the rows show", () -> table.getItems().size() == 10);

        // someone else deletes an item; opening its row says it no longer exists
        int index = java.util.stream.IntStream.range(0, 10)
                .filter(i -> table.getItems().get(i).id().equals("order-0004")).findFirst().orElseThrow();
        container.deleteItem("order-0004", new PartitionKey("cust-4")).block();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(index));
        Label editorError = robot.lookup("#editorErrorLabel").queryAs(Label.class);
        waitFor("the editor says it is gone", () -> editorError.getText().contains("no longer exists"));

        // go to an id: the grid says it is narrowed to that id
        TextField goToId = robot.lookup("#findIdField").queryAs(TextField.class);
        robot.interact(() -> {
            goToId.setText("order-0002");
            goToId.fireEvent(new javafx.event.ActionEvent());
        });
        // the row joins the list before the status strip is told, in the same UI-thread step: the test thread can
        // see one without the other, so it waits for the strip too
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        waitFor("one row, and the status strip says so",
                () -> table.getItems().size() == 1 && status.getText().startsWith("1–1 · all loaded"));
        assertThat(editorError.getText()).as("the stale banner went with the new query").isEmpty();
        Label goToIdLabel = robot.lookup("#goToIdLabel").queryAs(Label.class);
        assertThat(goToIdLabel.isVisible()).isTrue();
        assertThat(goToIdLabel.getText()).contains("order-0002");
        assertThat(status.getText()).startsWith("1–1 · all loaded");

        robot.clickOn("#clearFilterButton");
        waitFor("all rows again", () -> table.getItems().size() == 9);
        assertThat(goToId.getText()).isEmpty();
        assertThat(goToIdLabel.isVisible()).isFalse();
    }

    @Test
    void aPageSizeOfAThousandFitsAndASortThatLeavesEveryItemOutSaysSoAndCanBeRemoved(FxRobot robot,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = seed(data, 12);
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the rows show", () -> table.getItems().size() == 12);

        // page size 1000: all four digits fit in the spinner's box (it showed "100")
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> pageSize = robot.lookup("#pageSizeSpinner")
                .queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> pageSize.getValueFactory().setValue(1000));
        robot.interact(() -> { });
        TextField editor = pageSize.getEditor();
        assertThat(editor.getText()).isEqualTo("1000");
        javafx.scene.text.Text fiveDigits = new javafx.scene.text.Text("10000");
        fiveDigits.setFont(editor.getFont());
        double room = editor.getWidth() - editor.snappedLeftInset() - editor.snappedRightInset();
        assertThat(room).as("room for five digits").isGreaterThanOrEqualTo(fiveDigits.getLayoutBounds().getWidth());

        // sort by a property no item has: Cosmos leaves them all out; the grid must not call the container empty
        TextField addColumn = robot.lookup("#addColumnField").queryAs(TextField.class);
        robot.interact(() -> {
            addColumn.setText("/nowhere");
            addColumn.fireEvent(new javafx.event.ActionEvent());
        });
        robot.interact(() -> robot.lookup("#itemsSplit").queryAs(javafx.scene.control.SplitPane.class)
                .setDividerPositions(0.7));
        robot.clickOn("/nowhere");
        Label placeholder = (Label) ((javafx.scene.layout.VBox) table.getPlaceholder()).getChildren().get(0);
        waitFor("the sorted query ran", () -> robot.lookup("#sortLabel").queryAs(Label.class).getText()
                .equals("Sorted on the server by /nowhere ↑") && !placeholder.getText().startsWith("Loading"));
        assertThat(table.getItems()).isEmpty();
        Label sortNote = (Label) ((javafx.scene.layout.VBox) table.getPlaceholder()).getChildren().get(1);
        assertThat(placeholder.getText()).doesNotContain("no items yet");
        assertThat(sortNote.isVisible()).isTrue();
        assertThat(sortNote.getText()).contains("leaves out items that have no /nowhere");
        Button unsort = robot.lookup("#unsortButton").queryAs(Button.class);
        assertThat(unsort.isVisible()).isTrue();

        robot.clickOn("Remove sort");
        waitFor("the items are back, unsorted", () -> table.getItems().size() == 12);
        assertThat(robot.lookup("#sortLabel").queryAs(Label.class).getText()).isEmpty();
        assertThat(unsort.isVisible()).isFalse();

        // the unsort button resets a sort too, and removing the sorted column drops it
        robot.clickOn("/nowhere");
        waitFor("sorted again", () -> unsort.isVisible());
        robot.clickOn("#unsortButton");
        waitFor("unsorted again", () -> !unsort.isVisible() && table.getItems().size() == 12);
    }

    @Test
    void theToolbarKeepsToOneRowAt1152To1600PxWithGoToIdBesideTheFilter(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = seed(data, 5);
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the rows show", () -> table.getItems().size() == 5);
        javafx.stage.Window window = table.getScene().getWindow();
        javafx.scene.layout.Region toolbar = robot.lookup("#itemsToolbar").queryAs(javafx.scene.layout.Region.class);
        TextField goToId = (TextField) io.cosmosdesk.testing.MainWindowFixture.shown(robot, "#findIdField");
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#filterBox").queryAs(ComboBox.class);
        Button refresh = robot.lookup("#refreshItemsButton").queryAs(Button.class);

        // 1152: the window a first start opens on a 1280 px screen; "+ column" went to a second row there
        for (double width : new double[] {1152, 1280, 1600}) {
            resizeTo(robot, window, width);
            // one row: every shown part of the toolbar starts at Refresh's height, and the bar is one control high
            java.util.List<javafx.scene.Node> shown = assertOneRow(toolbar, refresh, width);
            assertThat(shown).as("the column field on the row at %s px", width)
                    .contains(robot.lookup("#addColumnField").query());
            // every command is on the row or in More (the less used ones wait there when the row is short)
            java.util.List<String> commands = new java.util.ArrayList<>();
            shown.stream().map(ItemsTabGuiIT::buttonIn).filter(java.util.Objects::nonNull).map(Button::getText)
                    .forEach(commands::add);
            robot.lookup("#moreActionsButton").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                    .filter(item -> item.isVisible() && item.getText() != null).map(item -> item.getText())
                    .forEach(commands::add);
            assertThat(commands).as("the Items commands at %s px", width)
                    .contains("New item", "Refresh", "Delete", "Move…", "Count");
            assertThat(toolbar.getHeight()).as("toolbar height at %s px", width)
                    .isLessThan(refresh.getHeight() * 1.6 + toolbar.snappedTopInset() + toolbar.snappedBottomInset());
            // Go to id is shown whole, on the filter's row, with its prompt readable and the filter still wide
            Bounds goTo = goToId.localToScene(goToId.getBoundsInLocal());
            Bounds box = filter.localToScene(filter.getBoundsInLocal());
            assertThat(goTo.getCenterY()).as("Go to id on the filter's row at %s px", width)
                    .isBetween(box.getMinY(), box.getMaxY());
            assertThat(goTo.getMaxX()).as("Go to id inside the window").isLessThanOrEqualTo(width);
            javafx.scene.text.Text prompt = new javafx.scene.text.Text(goToId.getPromptText());
            prompt.setFont(goToId.getFont());
            assertThat(goToId.getWidth() - goToId.snappedLeftInset() - goToId.snappedRightInset())
                    .as("room for the prompt").isGreaterThanOrEqualTo(prompt.getLayoutBounds().getWidth());
            assertThat(filter.getWidth()).as("the filter takes the rest of the row").isGreaterThan(300);
        }
    }

    @Test
    void theEditorToolbarKeepsToOneRowInsideItsPaneAt1152To1600PxWithEveryActionWholeOrInItsMenu(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = seed(data, 5);
        TableView<ItemRow> table = openItemsTab(robot, server, container);
        waitFor("the rows show", () -> table.getItems().size() == 5);
        String firstId = table.getItems().get(0).id();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        // the toolbar is measured once the item is in the editor and the editor's area has grown in (its state label
        // and buttons change as it loads; measured mid-change, a part sat past the bar for a pulse)
        waitFor("the editor shows the selected item in one area", () -> {
            java.util.Set<io.cosmosdesk.editor.JsonCodeArea> areas = robot.lookup(
                    (javafx.scene.Node node) -> node instanceof io.cosmosdesk.editor.JsonCodeArea)
                    .queryAllAs(io.cosmosdesk.editor.JsonCodeArea.class);
            return areas.size() == 1 && areas.iterator().next().getText().contains("\"" + firstId + "\"");
        });
        Button save = (Button) io.cosmosdesk.testing.MainWindowFixture.shown(robot, "#saveButton");
        javafx.scene.layout.Region toolbar = robot.lookup(".editor-toolbar").queryAs(javafx.scene.layout.Region.class);
        javafx.scene.Node saveHolder = robot.lookup("#saveHolder").query();
        javafx.stage.Window window = table.getScene().getWindow();

        javafx.scene.Node editorHost = robot.lookup("#editorHost").query();
        // 1152: the window a first start opens on a 1280 px screen (90 %); the editor's half of the split is
        // narrower than every button, and the toolbar stuck out over the grid
        for (double width : new double[] {1152, 1280, 1600}) {
            resizeTo(robot, window, width);
            // one row: every shown button starts on Save's row, whole (no "…") and inside the editor's width
            java.util.List<javafx.scene.Node> shown = assertOneRow(toolbar, saveHolder, width);
            Bounds bar = toolbar.localToScene(toolbar.getBoundsInLocal());
            Bounds pane = editorHost.localToScene(editorHost.getBoundsInLocal());
            assertThat(bar.getMinX()).as("the toolbar starts in the editor's pane, not over the grid, at %s px", width)
                    .isGreaterThanOrEqualTo(pane.getMinX() - 0.5);
            assertThat(bar.getMaxX()).as("the toolbar ends in the editor's pane at %s px", width)
                    .isLessThanOrEqualTo(pane.getMaxX() + 0.5);
            assertThat(shown).as("every shown part inside the toolbar at %s px", width).allSatisfy(node ->
                    assertThat(node.getBoundsInParent().getMaxX()).as("%s", node)
                            .isLessThanOrEqualTo(toolbar.getWidth() + 0.5));
            // every action is on the row or in its "more" menu
            java.util.List<String> actions = new java.util.ArrayList<>();
            shown.stream().map(ItemsTabGuiIT::buttonIn).filter(java.util.Objects::nonNull)
                    .map(button -> button.getText().isEmpty() ? button.getAccessibleText() : button.getText())
                    .forEach(actions::add);
            shown.stream().filter(node -> node instanceof javafx.scene.control.MenuButton).forEach(node ->
                    ((javafx.scene.control.MenuButton) node).getItems().stream().filter(item -> item.isVisible())
                            .forEach(item -> actions.add(item.getText())));
            assertThat(actions).as("the editor's actions at %s px", width).containsExactlyInAnyOrder(
                    "New", "Save", "Discard", "Delete", "Reload", "Clone", "History", "Format", "Find");
            assertThat(pane.getMinX()).as("the grid keeps room beside the tree at %s px", width)
                    .isGreaterThan(table.localToScene(table.getBoundsInLocal()).getMinX() + 380);
            // a button may sit in a holder that carries its tooltip while it is disabled (TooltipHolder)
            assertThat(shown.stream().filter(node -> buttonIn(node) != null).toList()).as("at %s px", width)
                    .hasSizeGreaterThanOrEqualTo(width >= 1280 ? 8 : 4).allSatisfy(node -> {
                        Button button = buttonIn(node);
                        assertThat(button.getWidth()).as("%s whole at %s px", button, width)
                                .isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
                        assertThat(node.getBoundsInParent().getMaxX()).as("%s inside at %s px", button, width)
                                .isLessThanOrEqualTo(toolbar.getWidth());
                    });
            assertThat(toolbar.localToScene(toolbar.getBoundsInLocal()).getMaxX()).as("the toolbar ends inside the window")
                    .isLessThanOrEqualTo(toolbar.getScene().getWidth());
            assertThat(toolbar.minWidth(-1)).as("the buttons leave some room (another font, the state label)")
                    .isLessThanOrEqualTo(toolbar.getWidth() - 20);
            assertThat(toolbar.getHeight()).as("toolbar height at %s px", width)
                    .isLessThan(save.getHeight() * 1.6 + toolbar.snappedTopInset() + toolbar.snappedBottomInset());
        }
    }

    /** Sets the window's width and waits for it and one more layout pass. */
    private static void resizeTo(FxRobot robot, javafx.stage.Window window, double width) throws Exception {
        robot.interact(() -> window.setWidth(width));
        waitFor("the window is " + width + " px wide", () -> window.getWidth() == width);
        robot.interact(() -> { }); // one more layout pass
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // and the pulses it asked for: the layout read is a settled one
    }

    /** The bar's shown parts, each asserted to start on {@code first}'s row. */
    /** The button {@code node} is, or holds; null for anything else. */
    private static Button buttonIn(javafx.scene.Node node) {
        if (node instanceof Button button) {
            return button;
        }
        return node instanceof javafx.scene.layout.StackPane holder && holder.getChildren().size() == 1
                && holder.getChildren().get(0) instanceof Button held ? held : null;
    }

    private static java.util.List<javafx.scene.Node> assertOneRow(javafx.scene.layout.Region bar,
            javafx.scene.Node first, double width) {
        java.util.List<javafx.scene.Node> shown = bar.getChildrenUnmodifiable().stream()
                .filter(node -> node.isVisible() && node.isManaged())
                // the editor's state label gives way first: squeezed to nothing it shows nothing, on no row
                .filter(node -> node.getLayoutBounds().getWidth() >= 1).toList();
        double rowTop = first.getBoundsInParent().getMinY();
        assertThat(shown).as("at %s px", width).allSatisfy(node -> assertThat(node.getBoundsInParent().getMinY())
                .as("%s at %s px", node, width).isCloseTo(rowTop, org.assertj.core.data.Offset.offset(6.0)));
        return shown;
    }
}
