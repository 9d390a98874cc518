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

    private static Tab tab(TabPane tabs, String id) {
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
