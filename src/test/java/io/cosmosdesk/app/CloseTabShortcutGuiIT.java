package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.editor.EditorChoice;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.util.Optional;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: Ctrl+W closes the front container tab, asking first when the editor has unsaved changes. */
@ExtendWith(CosmosServerExtension.class)
class CloseTabShortcutGuiIT {

    private AppContext context;
    private final DialogService dialogs = mock(DialogService.class);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs)
            .onShown(shown -> context = shown);

    private static Optional<javafx.scene.Node> editorArea(FxRobot robot) {
        return robot.lookup(".json-editor").match((javafx.scene.Node node) -> node.getScene() != null
                && node.isVisible() && node.getLayoutBounds().getHeight() > 0).tryQuery();
    }

    @Test
    void ctrlWClosesTheTabThroughTheUnsavedChangesGuard(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the container's tab opens", () -> tabs.getTabs().size() == 2);

        robot.clickOn("#newItemButton");
        MainWindowFixture.waitFor("the editor shows the new item", () -> editorArea(robot).isPresent());
        robot.clickOn(editorArea(robot).orElseThrow()).type(KeyCode.END).write("x"); // unsaved, not even valid
        MainWindowFixture.waitFor("the tab shows the dirty dot",
                () -> tabs.getSelectionModel().getSelectedItem().getText().endsWith("●"));

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL); // Cancel (mock: no choice)
        WaitForAsyncUtils.waitForFxEvents();
        verify(dialogs).choose(eq("Unsaved changes"), anyString(), any());
        assertThat(tabs.getTabs()).hasSize(2);

        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.DISCARD));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        MainWindowFixture.waitFor("the tab closes", () -> tabs.getTabs().size() == 1);
        assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Welcome");

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL); // Welcome stays
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs()).hasSize(1);
    }
}
