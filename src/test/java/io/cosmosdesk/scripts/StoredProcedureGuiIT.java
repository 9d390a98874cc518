package io.cosmosdesk.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, as a user would: under a container, Stored procedures > New…, type an id and the script, Save; it is
 * listed in the tree; type a partition key value and a parameter, Execute, and see the result and the script log.
 */
@ExtendWith(CosmosServerExtension.class)
class StoredProcedureGuiIT {

    private static final String GREET = """
            function greet(name) {
                console.log('greeting ' + name);
                getContext().getResponse().setBody({ greeting: 'Hello, ' + name });
            }""";

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void createAStoredProcedureThenExecuteItWithAKeyAndAParameter(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        ResourceNode containerNode = MainWindowFixture.connectAndOpen(robot, context, server, container);
        robot.interact(() -> containerNode.expandedProperty().set(true));
        MainWindowFixture.waitFor("the container shows its script groups", () -> containerNode.children().stream()
                .anyMatch(node -> node.kind() == ResourceNode.Kind.SCRIPT_GROUP));
        ResourceNode group = containerNode.children().stream()
                .filter(node -> node.label().equals("Stored procedures")).findFirst().orElseThrow();
        robot.interact(() -> group.expandedProperty().set(true));
        MainWindowFixture.waitFor("the group is loaded, empty", () -> group.children().stream()
                .anyMatch(node -> node.kind() == ResourceNode.Kind.EMPTY));
        WaitForAsyncUtils.waitForFxEvents();

        TreeCell<?> groupCell = robot.lookup(".tree-cell").match((TreeCell<ResourceNode> cell) -> cell.getItem() == group)
                .query();
        // the group's context menu (its items; Monocle does not open context menus on a right click)
        javafx.scene.control.MenuItem newItem = groupCell.getContextMenu().getItems().stream()
                .filter(item -> "New…".equals(item.getText())).findFirst().orElseThrow();
        robot.interact(newItem::fire);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the editor opens", () -> tabs.getSelectionModel().getSelectedItem().getText()
                .contains("New stored procedure"));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(robot.lookup(".script-editor #idField").<javafx.scene.Node>query()).write("greet");
        JavaScriptCodeArea editor = robot.lookup(".script-editor #scriptText").queryAs(JavaScriptCodeArea.class);
        robot.interact(() -> editor.replaceText(GREET)); // as a paste
        robot.clickOn(".script-editor #saveButton");
        Label status = robot.lookup(".script-editor #statusLabel").queryAs(Label.class);
        Label message = robot.lookup(".script-editor #messageLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("it is created, or says why not", () -> "Created.".equals(status.getText())
                || !message.getText().isEmpty());
        assertThat(message.getText()).isEmpty();
        MainWindowFixture.waitFor("the tree lists it", () -> group.children().stream()
                .anyMatch(node -> node.kind() == ResourceNode.Kind.SCRIPT && node.label().equals("greet")));
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).contains("Stored procedure greet");

        robot.clickOn(".script-editor #keyField0").write("c1");
        javafx.scene.control.TextField parameters = robot.lookup(".script-editor #parametersField")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(parameters::clear);
        robot.clickOn(parameters).write("[\"World\"]");
        robot.clickOn(".script-editor #executeButton");

        TextArea result = robot.lookup(".script-editor #resultArea").queryAs(TextArea.class);
        TextArea log = robot.lookup(".script-editor #logArea").queryAs(TextArea.class);
        MainWindowFixture.waitFor("the result shows, or a sentence", () -> !result.getText().isEmpty()
                || !message.getText().isEmpty());
        assertThat(message.getText()).isEmpty();
        assertThat(result.getText()).contains("\"greeting\" : \"Hello, World\"");
        assertThat(log.getText()).isEqualTo("greeting World");
        assertThat(status.getText()).startsWith("Ran in partition \"c1\"");
    }
}
