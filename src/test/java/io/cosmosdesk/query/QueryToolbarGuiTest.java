package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
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
import io.cosmosdesk.ui.FxTaskRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the query tab's toolbar stays one row while Load all says how far it got, at the widths the tab has in a
 * 1152 px and a 1280 px window (beside the tree), so the editor below it does not move.
 */
class QueryToolbarGuiTest {

    private final QueryService service = mock(QueryService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final FxTaskRunner tasks = new FxTaskRunner();
    private QueryTabViewModel model;
    private Stage stage;
    private Parent root;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        stage = shown;
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY,
                "https://acct.documents.azure.com:443/");
        ContainerHandle orders = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("iot", "telemetry"), List.of("/tenantId", "/deviceId", "/day"),
                        true, null));
        model = new QueryTabViewModel(orders, service, mock(ItemService.class), tasks, dialogs,
                () -> new QueryGuards(0, Duration.ofSeconds(60), 9), (handle, ref) -> { });
        FXMLLoader loader = new FXMLLoader(QueryToolTab.class.getResource(QueryToolTab.FXML));
        loader.setControllerFactory(type -> new QueryTabController(model, (window, source) -> { }));
        try {
            root = loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    /** Pages of 3 orders, each "costing" a lot so the status line is as long as on a big container; page 3 waits. */
    private static final class SlowThirdPage implements QueryRun {
        private final CountDownLatch go = new CountDownLatch(1);
        private volatile int read;
        private volatile QueryTotals totals = QueryTotals.NONE;

        @Override
        public QueryPage next() {
            if (read == 2) {
                try {
                    go.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException();
                }
            }
            int number = ++read;
            List<QueryResult> results = java.util.stream.IntStream.range(0, 3).mapToObj(n -> QueryResult.of(
                    Json.MAPPER.createObjectNode().put("id", "o" + number + n).put("tenantId", "t" + n),
                    List.of("/tenantId", "/deviceId", "/day"))).toList();
            QueryPage page = new QueryPage(number, (number - 1L) * 3, results, number < 3, 12_345.67, 1, 0,
                    Duration.ofMillis(123_456), "act-" + number, QueryMetricsSummary.NONE, IndexAdvice.NONE);
            totals = totals.plus(page);
            return page;
        }

        @Override
        public boolean hasMore() {
            return read < 3;
        }

        @Override
        public QueryTotals totals() {
            return totals;
        }

        @Override
        public void readAhead(boolean on) {
        }

        @Override
        public void extendLimit() {
        }

        /**
         * Esc as the real run takes it: resumable (Next and Load all go on from the pages kept). Without this the
         * interface's default closed the run, which released the third page: read on the task's thread, it made
         * hasMore() false before the status was worded, so the status said "Cancelled: 6 results." (seen in the
         * full suite and CI, never with the class alone).
         */
        @Override
        public void stop(QueryTotals kept) {
        }

        @Override
        public void close() {
            go.countDown();
        }
    }

    @Test
    void theToolbarStaysOneRowAndTheEditorStaysPutWhileLoadAllRunsBesideTheTreeOfA1152PxWindow(FxRobot robot)
            throws Exception {
        editorStaysPutDuringLoadAll(robot, 1152 - 330);
    }

    @Test
    void theToolbarStaysOneRowAndTheEditorStaysPutWhileLoadAllRunsBesideTheTreeOfA1280PxWindow(FxRobot robot)
            throws Exception {
        editorStaysPutDuringLoadAll(robot, 1280 - 330);
    }

    /** Walk fault (session 11): after Esc the sentence was cut before "Next or Load all goes on". */
    @Test
    void escDuringLoadAllSaysNextOrLoadAllGoesOnUncutBesideTheTreeOfA1280PxWindow(FxRobot robot) throws Exception {
        show(robot, 1280 - 330);
        SlowThirdPage run = new SlowThirdPage();
        when(service.open(any(), any())).thenReturn(run);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        Label status = MainWindowFixture.shown(robot, "#queryStatusLabel") instanceof Label label ? label : null;
        robot.interact(model::run);
        MainWindowFixture.waitFor("the first page shows", () -> !model.runningProperty().get()
                && model.results().size() == 3);
        robot.interact(model::loadAll);
        MainWindowFixture.waitFor("Load all waits for page 3", () -> status.getText().startsWith(
                "Loading all results… 6 results"));
        try {
            robot.interact(model::cancel);
            WaitForAsyncUtils.waitForFxEvents();
            String shown = fx(() -> ((javafx.scene.text.Text) status.lookup(".text")).getText());
            assertThat(shown).as("the status as drawn at 950 px (the rest is in its tooltip)")
                    .contains("Next or Load all goes on");
            assertThat(status.getText()).startsWith("Cancelled: Next or Load all goes on");
        } finally {
            run.go.countDown();
        }
    }

    /** Walk fault (session 17): Run stayed enabled while a query ran, and a second Run started the query over. */
    @Test
    void runWaitsWhileAQueryReadsAndCancelStopsIt(FxRobot robot) throws Exception {
        show(robot, 1280 - 330);
        SlowThirdPage run = new SlowThirdPage();
        when(service.open(any(), any())).thenReturn(run);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        javafx.scene.control.Button runButton = MainWindowFixture.shown(robot, "#runButton")
                instanceof javafx.scene.control.Button button ? button : null;
        robot.interact(model::run);
        MainWindowFixture.waitFor("the first page shows", () -> !model.runningProperty().get()
                && model.results().size() == 3);
        assertThat(runButton.isDisabled()).as("Run between pages").isFalse();
        robot.interact(model::loadAll);
        MainWindowFixture.waitFor("Load all waits for page 3", () -> model.runningProperty().get()
                && model.results().size() == 6);
        try {
            assertThat(runButton.isDisabled()).as("Run while the query reads").isTrue();
            assertThat(robot.lookup("#cancelButton").queryButton().isDisabled()).as("Cancel beside it").isFalse();
            robot.interact(() -> robot.lookup("#editorHost").query().requestFocus());
            robot.type(javafx.scene.input.KeyCode.F5); // the keys do what the button does
            robot.interact(model::run);
            WaitForAsyncUtils.waitForFxEvents();
            org.mockito.Mockito.verify(service, org.mockito.Mockito.times(1)).open(any(), any());
            assertThat(model.results()).as("the rows read so far stay").hasSize(6);

            robot.clickOn("#cancelButton");
            MainWindowFixture.waitFor("Cancel stops the run", () -> !model.runningProperty().get());
            assertThat(runButton.isDisabled()).as("Run once the query stopped").isFalse();
        } finally {
            run.go.countDown();
        }
    }

    /** The UX reference's Results / Stats keys (Alt+1 / Alt+2): they did nothing. */
    @Test
    void altOneAndAltTwoShowTheResultsTableAndTheStats(FxRobot robot) throws Exception {
        show(robot, 1280 - 330);
        javafx.scene.control.TabPane tabs = MainWindowFixture.shown(robot, "#resultsTabs")
                instanceof javafx.scene.control.TabPane pane ? pane : null;
        robot.interact(() -> robot.lookup("#editorHost").query().requestFocus());

        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("statsTab");

        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tableTab");
    }

    @Test
    void aLongPrefixScopeAndThreeKeyLevelsLeaveEveryButtonInsideTheTabBesideTheTreeOfA1152PxWindow(FxRobot robot)
            throws Exception {
        double width = 1152 - 330;
        show(robot, width);
        when(service.open(any(), any())).thenReturn(new SlowThirdPage());
        robot.interact(() -> {
            model.scope().allPartitionsProperty().set(false);
            model.scope().levels().get(0).set("fabrikam-international");
            model.scope().levels().get(1).set("hvac-106-north-wing");
            model.run();
        });
        MainWindowFixture.waitFor("the first page shows", () -> !model.runningProperty().get()
                && model.results().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scopeShownLabel").queryLabeled().getText()).startsWith("Partitions starting");
        for (String id : List.of("#runButton", "#exportButton", "#previousButton", "#nextButton", "#loadAllButton",
                "#scopeLevel0", "#scopeLevel1", "#scopeLevel2")) {
            Node node = robot.lookup(id).query();
            Bounds bounds = fx(() -> node.localToScene(node.getBoundsInLocal()));
            assertThat(bounds.getMaxX()).as("the right edge of %s in a %s px tab", id, width)
                    .isLessThanOrEqualTo(width);
            assertThat(bounds.getWidth()).as("the width of %s", id).isGreaterThan(40);
        }
    }

    private void show(FxRobot robot, double width) {
        robot.interact(() -> {
            Scene scene = new Scene(root, width, 700);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
    }

    private void editorStaysPutDuringLoadAll(FxRobot robot, double width) throws Exception {
        robot.interact(() -> {
            Scene scene = new Scene(root, width, 700);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        SlowThirdPage run = new SlowThirdPage();
        when(service.open(any(), any())).thenReturn(run);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        Node editorHost = MainWindowFixture.shown(robot, "#editorHost");
        Node toolbar = robot.lookup("#queryToolbar").query();
        Label status = robot.lookup("#queryStatusLabel").queryAs(Label.class);
        double editorY = fx(() -> editorHost.localToScene(editorHost.getBoundsInLocal()).getMinY());
        double toolbarHeight = fx(() -> toolbar.getLayoutBounds().getHeight());

        robot.interact(model::run);
        MainWindowFixture.waitFor("the first page shows", () -> !model.runningProperty().get()
                && model.results().size() == 3);
        robot.interact(model::loadAll);
        MainWindowFixture.waitFor("Load all says how far it got", () -> status.getText().startsWith(
                "Loading all results… 6 results"));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Bounds editorNow = fx(() -> editorHost.localToScene(editorHost.getBoundsInLocal()));
            assertThat(editorNow.getMinY()).as("the editor's y while Load all runs, at %s px", width)
                    .isEqualTo(editorY);
            assertThat(fx(() -> toolbar.getLayoutBounds().getHeight())).as("the toolbar's height").isEqualTo(
                    toolbarHeight);
            Bounds statusBounds = fx(() -> status.localToScene(status.getBoundsInLocal()));
            Bounds runBounds = fx(() -> robot.lookup("#runButton").query().localToScene(
                    robot.lookup("#runButton").query().getBoundsInLocal()));
            assertThat(statusBounds.getCenterY()).as("the status on the buttons' row")
                    .isCloseTo(runBounds.getCenterY(), org.assertj.core.data.Offset.offset(2.0));
            assertThat(statusBounds.getMaxX()).as("the status inside the tab").isLessThanOrEqualTo(width);
        } finally {
            run.go.countDown();
        }
        MainWindowFixture.waitFor("Load all ends", () -> !model.runningProperty().get()
                && model.results().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editorHost.localToScene(editorHost.getBoundsInLocal()).getMinY())).isEqualTo(editorY);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
