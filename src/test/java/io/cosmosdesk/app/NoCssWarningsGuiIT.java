package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.CssWarnings;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxDialogService;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import reactor.core.publisher.Flux;

/**
 * Headless, the whole window styled as in the app: the main window with a container's grid and editor, a query
 * tab, the move, export, import, copy, Settings and connection dialogs and a question alert open and raise no CSS
 * warning (a colour of the theme that
 * does not resolve, a value that does not convert). The completion popup's own rules are checked by its tests.
 */
@ExtendWith(CosmosServerExtension.class)
class NoCssWarningsGuiIT {

    private AppContext context;
    private final AtomicReference<DialogService> dialogs = new AtomicReference<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> {
        // the app's own dialogs, owned by no window yet (the main window is being built)
        dialogs.set(new FxDialogService(null));
        return dialogs.get();
    }).onShown(shown -> context = shown);

    @Test
    void theMainWindowAndTheCommonDialogsAreStyledWithoutAWarning(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 5).mapToObj(i -> CosmosBulkOperations
                .getCreateItemOperation(JsonNodeFactory.instance.objectNode().put("id", "order-" + i)
                        .put("customerId", "cust-" + i % 2).put("n", i), new PartitionKey("cust-" + i % 2)))))
                .blockLast();
        CssWarnings css = CssWarnings.record();
        try {
            MainWindowFixture.connectAndOpen(robot, context, server, container);
            @SuppressWarnings("unchecked")
            TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
            MainWindowFixture.waitFor("the rows show", () -> table.getItems().size() == 5);
            robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
            MainWindowFixture.waitFor("the item opens", () -> robot.lookup("#codeArea").queryAs(CodeArea.class)
                    .getText().contains("\"order-"));

            // the dialogs built from views (ui.DialogStages): move, export, import, copy
            robot.clickOn(MainWindowFixture.shown(robot, "#moveButton"));
            closeWindowOf(robot, "#contentScroll");
            MainWindowFixture.clickToolbarAction(robot, "Export…");
            closeWindowOf(robot, "#sourceBox");
            MainWindowFixture.clickToolbarAction(robot, "Import…");
            closeWindowOf(robot, "#fileField");
            robot.clickOn("Container").clickOn("Copy items to…");
            closeWindowOf(robot, "#copyButton");

            MainWindowFixture.clickToolbarAction(robot, "New query");
            MainWindowFixture.waitFor("the query tab opens", () -> robot.lookup(".sql-editor").tryQuery().isPresent());

            robot.clickOn("File").clickOn("Settings…");
            closeWindowOf(robot, "#settingsPageSize");

            robot.clickOn(MainWindowFixture.shown(robot, "#openConnectionButton"));
            closeWindowOf(robot, "#endpointField");

            AtomicReference<Boolean> answer = new AtomicReference<>();
            Platform.runLater(() -> answer.set(dialogs.get().confirm("Move items", "No items are selected. Move "
                    + "every item in a/b? You choose the target partition and see a preview before anything is "
                    + "changed.", "Continue")));
            MainWindowFixture.waitFor("the question shows", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            Node question = robot.lookup(".dialog-pane").query();
            robot.clickOn(robot.from(question).lookup((Node node) -> node instanceof Button b
                    && "Cancel".equals(b.getText())).queryButton());
            MainWindowFixture.waitFor("the question is answered", () -> answer.get() != null);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            css.close();
        }
        List<String> warnings = css.warnings().stream()
                .filter(warning -> !warning.contains("sql-completion")) // the completion popup's: its own tests
                .toList();
        assertThat(warnings).as("CSS warnings").isEmpty();
    }

    /** Waits for the window holding {@code node} to be styled and laid out, then closes it. */
    private static void closeWindowOf(FxRobot robot, String node) throws Exception {
        Window window = MainWindowFixture.shown(robot, node).getScene().getWindow();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ((Stage) window).close());
        MainWindowFixture.waitFor("the window closes", () -> !window.isShowing());
    }
}
