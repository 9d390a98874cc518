package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the query tab's result views over a prepared run (no server): Table columns, Tree, copy page as JSON,
 * the Stats view saying which pages its query metrics cover, and Index advice with a ready-to-paste fragment.
 */
class QueryResultsGuiTest {

    private final QueryService service = mock(QueryService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private QueryTabViewModel model;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY,
                "https://acct.documents.azure.com:443/");
        ContainerHandle orders = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        model = new QueryTabViewModel(orders, service, mock(ItemService.class), ImmediateTaskRunner.immediate(),
                dialogs, () -> new QueryGuards(5000, Duration.ofSeconds(60), 9), (handle, ref) -> { });
        FXMLLoader loader = new FXMLLoader(QueryToolTab.class.getResource(QueryToolTab.FXML));
        loader.setControllerFactory(type -> new QueryTabController(model, null));
        try {
            Parent root = loader.load();
            Scene scene = new Scene(root, 1000, 700);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.show();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    private static QueryResult order(int n) throws Exception {
        return QueryResult.of(Json.MAPPER.readTree("{\"id\":\"o" + n + "\",\"customerId\":\"c" + n + "\",\"n\":" + n
                + ",\"address\":{\"city\":\"Lyon\",\"zip\":\"6900" + n + "\"},\"tags\":[\"a\",\"b\"]"
                + (n == 2 ? ",\"note\":\"late\"" : "") + "}"), List.of("/customerId"));
    }

    private static QueryPage page(int number, List<QueryResult> results, boolean more, QueryMetricsSummary metrics,
            IndexAdvice advice) {
        return new QueryPage(number, (number - 1L) * 3, results, more, 3.5, 1, 0, Duration.ofMillis(12),
                "act-" + number, metrics, advice);
    }

    @Test
    void beforeAnyRunTheResultsTableShowsItsPlaceholderWithoutAnEmptyHeaderStrip(FxRobot robot) {
        TableView<?> table = robot.lookup(".results-table").queryAs(TableView.class);
        javafx.scene.Node header = table.lookup(".column-header-background");
        assertThat(table.getColumns()).isEmpty();
        assertThat(header.getLayoutBounds().getHeight()).as("header strip height with no columns").isZero();
        javafx.scene.Node placeholder = table.getPlaceholder();
        assertThat(placeholder.isVisible() && placeholder.getScene() != null).as("placeholder shown").isTrue();
    }

    @Test
    void aRunThatFailsBeforeItsFirstPageSaysSoWhereTheRowsWouldBeAndAdviceHasNothingToCopy(FxRobot robot) throws Exception {
        when(service.open(any(), any())).thenReturn(new FakeQueryRun(List.of(new RuntimeException(
                new java.util.concurrent.TimeoutException("no answer")))));
        javafx.scene.control.Button copy = (javafx.scene.control.Button) robot.lookup("#copyPolicyButton").query();
        assertThat(fx(copy::isDisabled)).as("no fragment yet: nothing to copy").isTrue();
        robot.interact(() -> model.run());
        MainWindowFixture.waitFor("the run's error is shown", () -> fx(() -> model.errorProperty().get()) != null);
        javafx.scene.control.Label placeholder = (javafx.scene.control.Label) robot.lookup("#resultsPlaceholder")
                .query();
        MainWindowFixture.waitFor("the empty table says the run stopped", () -> fx(placeholder::getText)
                .contains("stopped before its first page"));
    }

    @Test
    void aNestedValueShownCompactInItsCellExpandsIndentedInTheCellsTooltip(FxRobot robot) throws Exception {
        when(service.open(any(), any())).thenReturn(new FakeQueryRun(List.of(page(1, List.of(order(0), order(1)),
                false, QueryMetricsSummary.NONE, IndexAdvice.NONE))));
        robot.interact(() -> model.run());
        @SuppressWarnings("unchecked")
        TableView<QueryResult> table = (TableView<QueryResult>) MainWindowFixture.shown(robot, "#resultsTable");
        MainWindowFixture.waitFor("two rows", () -> table.getItems().size() == 2);
        int address = fx(() -> table.getColumns().stream().map(TableColumn::getText).toList().indexOf("address"));
        javafx.scene.Node cell = robot.lookup("#resultsTable .table-row-cell .table-cell").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "address".equals(c.getTableColumn().getText()) && c.getIndex() == 0)
                .findFirst().orElseThrow(() -> new AssertionError("no address cell in row 0 (column " + address + ")"));
        assertThat(((javafx.scene.control.Labeled) cell).getText()).isEqualTo("{\"city\":\"Lyon\",\"zip\":\"69000\"}");
        robot.moveTo(cell);
        MainWindowFixture.waitFor("the cell has its tooltip", () -> cell.getProperties()
                .get("javafx.scene.control.Tooltip") != null);
        String expanded = fx(() -> ((javafx.scene.control.Tooltip) cell.getProperties()
                .get("javafx.scene.control.Tooltip")).getText());
        assertThat(expanded).isEqualTo("{\n  \"city\" : \"Lyon\",\n  \"zip\" : \"69000\"\n}");
        // a short plain value shows whole: no tooltip
        assertThat(ResultColumns.expanded(order(0).json(), "customerId")).isNull();
    }

    @Test
    void tableTreeCopyStatsAndIndexAdviceShowTheRun(FxRobot robot) throws Exception {
        QueryMetricsSummary metrics = new QueryMetricsSummary(3, 900, 3, 900, 3, Duration.ofMillis(2),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO, true);
        IndexAdvice advice = new IndexAdvice(List.of("/n/?"), List.of("/address/city/?"), List.of(),
                List.of(List.of("/address/city ASC", "/n DESC")));
        FakeQueryRun run = new FakeQueryRun(List.of(
                page(1, List.of(order(0), order(1), order(2)), true, metrics, advice),
                page(2, List.of(order(3), order(4), order(5)), false, QueryMetricsSummary.NONE, IndexAdvice.NONE)));
        when(service.open(any(), any())).thenReturn(run);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        robot.interact(() -> model.run());

        @SuppressWarnings("unchecked")
        TableView<QueryResult> table = (TableView<QueryResult>) MainWindowFixture.shown(robot, "#resultsTable");
        MainWindowFixture.waitFor("three rows", () -> table.getItems().size() == 3);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .contains("id", "customerId", "n", "address", "tags", "note");
        TableColumn<QueryResult, ?> address = table.getColumns().stream()
                .filter(c -> c.getText().equals("address")).findFirst().orElseThrow();
        assertThat(String.valueOf(address.getCellData(0))).contains("Lyon").contains("69000"); // nested, compact

        robot.interact(() -> model.loadAll());
        MainWindowFixture.waitFor("all six rows", () -> table.getItems().size() == 6);

        // Copy page as JSON: the rows shown, as a JSON array, on the clipboard
        MenuItem copyPage = table.getContextMenu().getItems().stream()
                .filter(item -> "Copy page as JSON".equals(item.getText())).findFirst().orElseThrow();
        robot.interact(copyPage::fire);
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        JsonNode array = Json.MAPPER.readTree(copied);
        assertThat(array.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asText()));
        assertThat(ids).containsExactly("o0", "o1", "o2", "o3", "o4", "o5");
        assertThat(array.get(2).path("address").path("city").asText()).isEqualTo("Lyon");

        TabPane tabs = (TabPane) robot.lookup("#resultsTabs").query();
        // Tree: one node per result, its fields below
        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, "treeTab")));
        @SuppressWarnings("unchecked")
        TreeView<String> tree = (TreeView<String>) MainWindowFixture.shown(robot, "#resultsTree");
        MainWindowFixture.waitFor("the tree holds the results", () -> tree.getRoot() != null
                && tree.getRoot().getChildren().size() == 6);
        TreeItem<String> first = tree.getRoot().getChildren().get(0);
        assertThat(first.getChildren()).extracting(TreeItem::getValue)
                .anySatisfy(value -> assertThat(value).contains("address"));

        // Stats: the metrics cover the first page only, and say so; ticking the box asks the run for every page
        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, "statsTab")));
        @SuppressWarnings("unchecked")
        TableView<QueryStatsRows.Row> stats = (TableView<QueryStatsRows.Row>) MainWindowFixture.shown(robot,
                "#statsTable");
        assertThat(stats.getItems()).contains(new QueryStatsRows.Row("Query metrics below cover",
                "1 of 2 pages (the first page only; tick \"Query metrics for every page\" to measure every page "
                        + "read from now on)"));
        assertThat(stats.getItems()).contains(new QueryStatsRows.Row("Output document count", "3"));
        // the long sentence reads in full: wrapped to the value column, not cut off with "…"
        robot.interact(() -> stats.scrollTo(stats.getItems().stream().map(QueryStatsRows.Row::label).toList()
                .indexOf("Query metrics below cover")));
        MainWindowFixture.waitFor("the cover sentence is shown whole", () -> robot.lookup(".stats-value")
                .queryAll().stream().anyMatch(node -> node instanceof javafx.scene.text.Text text
                        && text.getText().startsWith("1 of 2 pages") && text.getText().endsWith("from now on)")
                        && text.getParent() != null
                        && text.getBoundsInParent().getMaxX() <= ((javafx.scene.layout.Region) text.getParent())
                                .getWidth() + 0.5
                        && text.getLayoutBounds().getHeight() > 2 * text.getFont().getSize()));
        CheckBox everyPage = (CheckBox) MainWindowFixture.shown(robot, "#metricsEveryPage");
        assertThat(everyPage.isSelected()).isFalse();
        robot.clickOn(everyPage);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.metricsForEveryPageProperty().get()).isTrue();
        assertThat(run.metricsForEveryPage()).isTrue();

        // Index advice: used and potential indexes, and the policy fragment that adds the potential ones
        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, "adviceTab")));
        TextArea list = (TextArea) MainWindowFixture.shown(robot, "#adviceList");
        assertThat(list.getText()).contains("Utilized single index: /n/?")
                .contains("Potential single index: /address/city/?");
        TextArea fragment = (TextArea) MainWindowFixture.shown(robot, "#policyFragment");
        JsonNode policy = Json.MAPPER.readTree(fragment.getText());
        assertThat(policy.path("includedPaths").get(0).path("path").asText()).isEqualTo("/address/city/?");
        JsonNode composite = policy.path("compositeIndexes").get(0);
        assertThat(composite.get(0).path("path").asText()).isEqualTo("/address/city");
        assertThat(composite.get(1).path("order").asText()).isEqualTo("descending");
    }

    /**
     * Load all appends a page at a time. The Tree view used to be built anew for every page (all its first 1,000
     * nodes, on the UI thread); past its first 1,000 results only its "… n more" line changes.
     */
    @Test
    void loadAllPastTheFirstThousandOnlyUpdatesTheTreesMoreLineAndTheJsonCount(FxRobot robot) throws Exception {
        when(service.open(any(), any())).thenReturn(fourPagesOfAThousand(), fourPagesOfAThousand());
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        TabPane tabs = (TabPane) robot.lookup("#resultsTabs").query();

        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, "jsonTab")));
        robot.interact(() -> model.run());
        robot.interact(() -> model.loadAll());
        MainWindowFixture.waitFor("all 4,000 results shown", () -> model.results().size() == 4_000);
        TextArea json = (TextArea) MainWindowFixture.shown(robot, "#resultsJson");
        assertThat(fx(() -> json.getParagraphs().get(0).toString()))
                .isEqualTo("// the first 2000 of 4000 results (Copy page as JSON copies all)");
        assertThat(fx(() -> Json.MAPPER.readTree(json.getText().substring(json.getText().indexOf('\n'))).size()))
                .isEqualTo(2_000);

        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, "treeTab")));
        robot.interact(() -> model.run());
        @SuppressWarnings("unchecked")
        TreeView<String> tree = (TreeView<String>) MainWindowFixture.shown(robot, "#resultsTree");
        MainWindowFixture.waitFor("the tree holds the first page", () -> model.results().size() == 1_000
                && tree.getRoot() != null && tree.getRoot().getChildren().size() == 1_000);
        List<TreeItem<String>> roots = new ArrayList<>();
        robot.interact(() -> {
            tree.rootProperty().addListener((obs, old, root) -> roots.add(root));
            model.loadAll();
        });
        MainWindowFixture.waitFor("all 4,000 results shown", () -> model.results().size() == 4_000);
        assertThat(fx(() -> tree.getRoot().getChildren().get(1_000).getValue()))
                .isEqualTo("… 3000 more (see the Table view)");
        assertThat(roots).as("trees built during Load all (once, when the results first pass 1,000)").hasSize(1);
    }

    private static FakeQueryRun fourPagesOfAThousand() throws Exception {
        List<Object> pages = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<QueryResult> rows = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                rows.add(order(p * 1_000 + i));
            }
            pages.add(FakeQueryRun.page(p + 1, p * 1_000L, rows, p < 3, 10, 0));
        }
        return new FakeQueryRun(pages);
    }

    /**
     * A long sentence in the error banner (e.g. deleting rows changed since the query read them) ended in "…" at
     * 1280 px, losing what to do next. It wraps and shows whole.
     */
    @Test
    void aLongErrorSentenceIsShownWholeInTheBanner(FxRobot robot) throws Exception {
        String sentence = "Deleted 0. 1 item was changed by someone else since the query read it and kept "
                + "('SO-2024-009095' (\"C-10003\")): run the query again to see the items as they are now, then "
                + "delete again if they should still go.";
        when(service.open(any(), any())).thenReturn(new FakeQueryRun(List.of(new QueryException(
                QueryException.Reason.FAILED, io.cosmosdesk.cosmos.ErrorKind.UNKNOWN, sentence, null, null))));
        robot.interact(() -> model.run());
        javafx.scene.control.Label label = (javafx.scene.control.Label) MainWindowFixture.shown(robot,
                "#queryErrorLabel");
        MainWindowFixture.waitFor("the banner's sentence is drawn whole", () -> fx(() -> {
            javafx.scene.Node text = label.lookup(".text");
            return sentence.equals(label.getText()) && text instanceof javafx.scene.text.Text drawn
                    && sentence.equals(drawn.getText());
        }));
    }

    /** The parameters table appearing under the editor used to squeeze it to about two lines. */
    @Test
    void theEditorKeepsSevenLinesAndTheParametersTableShowsEachRowWhenParametersAppear(FxRobot robot)
            throws Exception {
        javafx.scene.layout.Region editor = robot.lookup("#editorHost").query();
        TableView<?> parameters = robot.lookup("#parametersTable").query();
        robot.interact(() -> model.textProperty().set(
                "SELECT * FROM c\nWHERE c.customerId = @customer\n  AND c.total > @min\n  AND c.status = @status"));
        MainWindowFixture.waitFor("the parameters table is shown", () -> parameters.isVisible()
                && parameters.getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getHeight()).as("the editor's height").isGreaterThanOrEqualTo(130);
        javafx.scene.layout.Region header = (javafx.scene.layout.Region) parameters.lookup(".column-header-background");
        MainWindowFixture.waitFor("the parameters table shows its header and three whole rows",
                () -> parameters.getHeight() >= header.getHeight() + 3 * parameters.getFixedCellSize());
    }

    /**
     * The app's theme draws the parameters' header taller (~40 px) than this bare scene does, and a tab restored with
     * parameters in its text (the table sized before its header was ever laid out) showed its third row cut in half
     * while the check above passed. With a 40 px header and a restored tab, every row must lie whole inside the part
     * of the table that shows rows (the virtual flow), each row checked by its own bounds.
     */
    @Test
    void everyParameterRowIsWholeInARestoredTabUnderAHeaderAsTallAsTheApps(FxRobot robot) throws Exception {
        Parent restoredRoot = fx(() -> {
            QueryTabViewModel restored = new QueryTabViewModel(model.container(), service, mock(ItemService.class),
                    ImmediateTaskRunner.immediate(), dialogs, () -> new QueryGuards(5000, Duration.ofSeconds(60), 9),
                    (handle, ref) -> { });
            restored.textProperty().set(
                    "SELECT * FROM c\nWHERE c.customerId = @customer\n  AND c.total > @min\n  AND c.status = @status");
            FXMLLoader loader = new FXMLLoader(QueryToolTab.class.getResource(QueryToolTab.FXML));
            loader.setControllerFactory(type -> new QueryTabController(restored, null));
            Parent root = loader.load();
            Scene scene = ((javafx.scene.Node) robot.lookup("#editorHost").query()).getScene();
            scene.getStylesheets().add("data:text/css," + java.net.URLEncoder.encode(
                    ".parameters-table .column-header { -fx-size: 40; }", java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            scene.setRoot(root);
            return root;
        });
        MainWindowFixture.waitFor("the restored tab's parameters table is laid out",
                () -> fx(() -> restoredRoot.lookup("#parametersTable") != null));
        TableView<?> parameters = (TableView<?>) fx(() -> restoredRoot.lookup("#parametersTable"));
        MainWindowFixture.waitFor("the parameters table is shown", () -> parameters.isVisible()
                && parameters.getHeight() > 0);
        javafx.scene.layout.Region header = (javafx.scene.layout.Region) parameters.lookup(".column-header-background");
        MainWindowFixture.waitFor("the header is drawn 40 px tall", () -> header.getHeight() >= 40);
        MainWindowFixture.waitFor("rows 1-3 each lie whole inside the table's rows area", () -> fx(() -> {
            javafx.scene.Node flow = parameters.lookup(".virtual-flow");
            javafx.geometry.Bounds rowsArea = flow.localToScene(flow.getLayoutBounds());
            int whole = 0;
            for (javafx.scene.Node node : parameters.lookupAll(".table-row-cell")) {
                if (node instanceof javafx.scene.control.TableRow<?> row && row.isVisible() && !row.isEmpty()
                        && row.getIndex() >= 0 && row.getIndex() < 3) {
                    javafx.geometry.Bounds b = row.localToScene(row.getLayoutBounds());
                    if (b.getMinY() >= rowsArea.getMinY() - 0.5 && b.getMaxY() <= rowsArea.getMaxY() + 0.5) {
                        whole++;
                    }
                }
            }
            return whole == 3;
        }));
    }

    private static Tab tab(TabPane tabs, String id) {
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
