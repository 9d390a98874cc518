package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Headless, the whole window: a query typed in a new query tab, run with Ctrl+Enter, a row opened in the editor, the
 * query saved with Ctrl+S (it shows under Saved and names the tab), its results exported.
 */
@ExtendWith(CosmosServerExtension.class)
class QueryTabGuiIT {

    private AppContext context;
    private final DialogService dialogs = mock(DialogService.class);

    @TempDir
    Path exports;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs)
            .onShown(shown -> context = shown);

    @Test
    void typeRunSeeRowsOpenOneInTheEditorSaveTheQueryAndExportTheResults(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.seedOrders(30, 3);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        MainWindowFixture.waitFor("the grid shows", () -> robot.lookup("#itemsTable").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL); // New query
        MainWindowFixture.waitFor("a query tab opens", () -> robot.lookup("#queryEditor").tryQuery().isPresent());
        CodeArea editor = robot.lookup("#queryEditor").queryAs(CodeArea.class);
        assertThat(context.toolTabs().tabs()).singleElement().satisfies(tab ->
                assertThat(tab.title().getValue()).isEqualTo("Query 1 · " + container.getId()));

        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("SELECT * FROM c WHERE c.n < @max");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        MainWindowFixture.waitFor("the missing value is refused", () -> robot.lookup("#queryErrorLabel").tryQuery()
                .map(label -> ((javafx.scene.control.Label) label).getText().equals(
                        "Parameter @max has no value: type one, or set its type to null.")
                        && label.getParent().isVisible()).orElse(false));

        // the value typed in the parameter's field is taken as typed, character by character
        javafx.scene.control.TextField valueField = robot.lookup("#parametersTable .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(valueField).write("C-115");
        TableView<?> parameters = robot.lookup("#parametersTable").queryAs(TableView.class);
        assertThat(((io.cosmosdesk.query.ParameterRow) parameters.getItems().get(0)).valueProperty().get())
                .isEqualTo("C-115");

        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("SELECT * FROM c WHERE c.n < 5");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        @SuppressWarnings("unchecked")
        TableView<QueryResult> results = robot.lookup("#resultsTable").queryAs(TableView.class);
        MainWindowFixture.waitFor("five rows show", () -> results.getItems().size() == 5
                && !robot.lookup("#runButton").queryButton().isDisabled()
                && robot.lookup("#cancelButton").queryButton().isDisabled());
        assertThat(robot.lookup("#rangeLabel").queryLabeled().getText()).isEqualTo("1–5");
        assertThat(robot.lookup("#scopeShownLabel").queryLabeled().getText()).isEqualTo("All partitions");
        assertThat(results.getColumns().get(0).getText()).isEqualTo("id");
        assertThat(robot.lookup("#queryStatusLabel").queryLabeled().getText()).contains("5 results");

        // the run is in the tab's History (kept per container in the data folder)
        MainWindowFixture.waitFor("the run is listed in History", () -> robot.lookup("#queryHistoryPane .list-view")
                .tryQuery().map(list -> ((javafx.scene.control.ListView<?>) list).getItems().stream()
                        .anyMatch(entry -> entry.toString().contains("c.n < 5"))).orElse(false));

        String id = results.getItems().get(0).itemRef().orElseThrow().id();
        robot.interact(() -> {
            results.requestFocus();
            results.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.ENTER);
        MainWindowFixture.waitFor("the item opens in the editor", () -> robot.lookup("#codeArea").tryQuery()
                .map(node -> ((CodeArea) node).getText().contains("\"" + id + "\"")).orElse(false));

        // back in the query tab: Ctrl+S asks for a name (nothing saved yet), the tab takes it, Saved lists it
        QueryToolTab tab = (QueryToolTab) context.toolTabs().tabs().get(0);
        assertThat(tab.title().getValue()).isEqualTo("*Query 1 · " + container.getId());
        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.of("Small orders"));
        robot.interact(() -> context.toolTabs().select(tab));
        MainWindowFixture.waitFor("the query tab is in front", () -> editor.getScene() != null && editor.isVisible()
                && editor.localToScreen(editor.getBoundsInLocal()) != null);
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        MainWindowFixture.waitFor("the tab is named after the saved query", () -> tab.title().getValue()
                .equals("Small orders · " + container.getId()));
        MainWindowFixture.waitFor("Saved lists it", () -> robot.lookup("#savedList").tryQuery()
                .map(list -> ((javafx.scene.control.ListView<?>) list).getItems().stream()
                        .anyMatch(saved -> ((SavedQueries.Saved) saved).name().equals("Small orders")
                                && ((SavedQueries.Saved) saved).text().equals("SELECT * FROM c WHERE c.n < 5")))
                .orElse(false));

        // Export… streams every result of the query that ran to a file
        Path target = exports.resolve("small-orders.jsonl");
        robot.clickOn(robot.lookup(".query-toolbar #exportButton").queryButton());
        MainWindowFixture.waitFor("the export dialog opens", () -> robot.lookup(".export-dialog").tryQuery()
                .isPresent());
        javafx.scene.Node dialog = robot.lookup(".export-dialog").query();
        robot.interact(() -> {
            robot.from(dialog).lookup("#jsonl").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
            robot.from(dialog).lookup("#file").queryAs(javafx.scene.control.TextField.class)
                    .setText(target.toString());
        });
        robot.clickOn(robot.from(dialog).lookup("#exportButton").queryButton());
        MainWindowFixture.waitFor("five lines are exported", () -> Files.exists(target)
                && Files.readAllLines(target).size() == 5);
        assertThat(Files.readAllLines(target)).allSatisfy(line -> assertThat(line).contains("\"n\":"));
    }
}
