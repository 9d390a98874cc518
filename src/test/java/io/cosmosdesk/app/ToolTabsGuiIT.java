package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a feature's container action shows on the Items toolbar and in the Container menu with its accelerator;
 * the tool tab it opens sits beside the workspaces and closes with Ctrl+W through its own guard.
 */
@ExtendWith(CosmosServerExtension.class)
class ToolTabsGuiIT {

    private AppContext context;
    private final AtomicBoolean mayClose = new AtomicBoolean(false);
    private final AtomicBoolean closed = new AtomicBoolean(false);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .beforeShow(shown -> shown.containerActions().add(new ContainerAction("Probe…",
                    new KeyCodeCombination(KeyCode.DIGIT9, KeyCombination.SHORTCUT_DOWN), true,
                    (window, handle) -> shown.toolTabs().open(probe(handle)))))
            .onShown(shown -> context = shown);

    private ToolTab probe(ContainerHandle handle) {
        Label view = new Label("probe view");
        view.setId("probeView");
        return new ToolTab() {
            @Override
            public String kind() {
                return "probe";
            }

            @Override
            public ContainerHandle container() {
                return handle;
            }

            @Override
            public ObservableValue<String> title() {
                return new SimpleStringProperty("Probe · " + handle.ref().containerId());
            }

            @Override
            public Node view() {
                return view;
            }

            @Override
            public CompletableFuture<Boolean> requestClose() {
                return CompletableFuture.completedFuture(mayClose.get());
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    @Test
    void aContainerActionOpensAToolTabThatClosesThroughItsGuard(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the container's tab opens", () -> tabs.getTabs().size() == 2);
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(menus.getMenus().stream().filter(menu -> menu.getText().equals("_Container")).findFirst()
                .orElseThrow().getItems()).anyMatch(item -> item.getText().equals("Probe…")
                        && item.getAccelerator() != null);

        // the features' own actions come first (registered in the composition root), then the probe's, in More
        MainWindowFixture.clickToolbarAction(robot, "Probe…");
        MainWindowFixture.waitFor("the tool tab opens in front", () -> tabs.getTabs().size() == 3
                && tabs.getSelectionModel().getSelectedItem().getText().equals("Probe · " + container.getId()));
        assertThat(robot.lookup("#probeView").tryQuery()).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs()).hasSize(3);
        assertThat(closed).isFalse();

        mayClose.set(true);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        MainWindowFixture.waitFor("the tool tab closes", () -> tabs.getTabs().size() == 2);
        assertThat(closed).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        MainWindowFixture.waitFor("the accelerator opens it again on the front container",
                () -> tabs.getTabs().size() == 3);
    }
}
