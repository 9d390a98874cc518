package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: history and saved queries are searched, and Enter (or a double-click) hands the query to the editor. */
class QueryPanesGuiTest {

    private static final ContainerKey ORDERS = new ContainerKey("https://127.0.0.1:8081", "retail", "orders");

    private final List<QueryDraft> openedFromHistory = new ArrayList<>();
    private final List<SavedQueries.Saved> openedSaved = new ArrayList<>();
    private final DialogService dialogs = mock(DialogService.class);
    private HistoryPane historyPane;
    private SavedQueriesPane savedPane;
    private SavedQueries saved;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        try {
            Path home = Files.createTempDirectory("panes");
            QueryHistory history = new QueryHistory(home.resolve("history"));
            history.record(ORDERS, new QueryHistory.Entry(QueryDraft.of("SELECT * FROM c WHERE c.city = 'Lyon'"),
                    Instant.parse("2026-12-06T07:00:00Z"), 2.5, 10, Duration.ofMillis(40)));
            history.record(ORDERS, new QueryHistory.Entry(QueryDraft.of("SELECT VALUE COUNT(1)\nFROM c"),
                    Instant.parse("2026-12-06T07:01:00Z"), 3, 1, Duration.ofMillis(12)));
            saved = new SavedQueries(home.resolve("saved.json"));
            saved.save(new SavedQueries.Saved("Count", "SELECT VALUE COUNT(1) FROM c", List.of()));
            saved.save(new SavedQueries.Saved("By city", "SELECT * FROM c WHERE c.city = @city", List.of()));
            ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
            historyPane = new HistoryPane(history, ORDERS, tasks, openedFromHistory::add);
            savedPane = new SavedQueriesPane(saved, tasks, dialogs, openedSaved::add);
            stage.setScene(new Scene(new HBox(historyPane, savedPane), 900, 400));
            stage.show();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    @Test
    void historyNewestFirstSearchedAndOpened(FxRobot robot) throws Exception {
        ListView<QueryHistory.Entry> list = historyPane.list();
        assertThat(list.getItems()).extracting(entry -> entry.query().text())
                .containsExactly("SELECT VALUE COUNT(1)\nFROM c", "SELECT * FROM c WHERE c.city = 'Lyon'");
        robot.clickOn("#historySearch").write("lyon");
        MainWindowFixture.waitFor("the search filters", () -> list.getItems().size() == 1);
        // a click and Enter (a double-click does the same, but its timing is not reliable on a loaded machine)
        robot.clickOn(robot.lookup("#historyList .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openedFromHistory).extracting(QueryDraft::text)
                .containsExactly("SELECT * FROM c WHERE c.city = 'Lyon'");
        assertThat(HistoryPane.facts(list.getItems().get(0))).contains("2.50 RU · 10 rows · 40 ms · All partitions");

        // a search that finds nothing says so (it said "Queries you run here are listed here.")
        robot.clickOn("#historySearch").write(" zzz");
        MainWindowFixture.waitFor("the search finds nothing", () -> list.getItems().isEmpty());
        assertThat(((javafx.scene.control.Label) list.getPlaceholder()).getText())
                .isEqualTo("No run in this container's history has every word of \u201clyon zzz\u201d.");
    }

    @Test
    void savedQueriesByNameSearchedOpenedAndDeletedAfterAsking(FxRobot robot) throws Exception {
        ListView<SavedQueries.Saved> list = savedPane.list();
        assertThat(list.getItems()).extracting(SavedQueries.Saved::name).containsExactly("By city", "Count");
        robot.clickOn("#savedSearch").write("count");
        MainWindowFixture.waitFor("the search filters", () -> list.getItems().size() == 1);
        robot.clickOn(robot.lookup("#savedList .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.ENTER);
        assertThat(openedSaved).extracting(SavedQueries.Saved::name).containsExactly("Count");

        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(true);
        robot.type(KeyCode.DELETE);
        MainWindowFixture.waitFor("it is gone", () -> list.getItems().isEmpty());
        assertThat(saved.all()).extracting(SavedQueries.Saved::name).containsExactly("By city");
    }
}
