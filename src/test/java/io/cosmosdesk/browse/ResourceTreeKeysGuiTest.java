package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the containers' partition-key paths in the tree as wide as the main window gives it at its first-start
 * size (the tree pane's 280 px, less its padding): the sample data's single keys show whole, and every container
 * row's tooltip has the whole id and key, also the hierarchical one cut at the tree's edge.
 */
class ResourceTreeKeysGuiTest {

    /** The tree pane's preferred width (MainWindowView) less its left and right padding. */
    private static final double TREE_WIDTH = 280 - 8 - 6;

    private final ResourceService resources = mock(ResourceService.class);
    private final ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
    private ResourceTreeViewModel viewModel;
    private TreeView<ResourceNode> tree;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        CosmosConnection connection = mock(CosmosConnection.class);
        when(connection.profile()).thenReturn(ConnectionProfile.create("Local emulator", AuthKind.EMULATOR,
                "https://localhost:8081"));
        when(resources.readDatabases(connection)).thenReturn(List.of("retail", "iot"));
        when(resources.readContainers(eq(connection), any())).thenAnswer(call -> {
            String db = call.getArgument(1);
            return db.equals("retail")
                    ? List.of(info(db, "invoices", "/customer/id"), info(db, "orders", "/customerId"),
                            info(db, "products", "/category"))
                    : List.of(info(db, "telemetry", "/tenantId", "/deviceId", "/day"));
        });
        viewModel = new ResourceTreeViewModel(resources, runner);
        tree = new TreeView<>();
        ResourceTreeView.bind(tree, viewModel);
        viewModel.addConnection(connection);
        runner.runAllPending();
        FxAppExtension.showStyled(stage, tree, TREE_WIDTH, 500);
    }

    private static ContainerInfo info(String db, String id, String... paths) {
        return new ContainerInfo(new ContainerRef(db, id), List.of(paths), paths.length > 1, null);
    }

    @Test
    void keysShowWholeAtTheFirstStartWidthAndEveryContainerRowsTooltipHasTheWholeKey(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            tree.getRoot().getChildren().get(0).getChildren().forEach(db -> db.setExpanded(true));
            runner.runAllPending();
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String key : List.of("/customer/id", "/customerId", "/category")) {
            Label detail = robot.lookup(".resource-detail").match((Label l) -> l.getText().equals(key))
                    .queryAs(Label.class);
            String drawn = WaitForAsyncUtils.asyncFx(() -> ((Text) detail.lookup(".text")).getText()).get();
            assertThat(drawn).as("the key drawn in a %s px tree", TREE_WIDTH).isEqualTo(key);
        }
        for (String[] row : List.of(new String[] {"orders", "/customerId"},
                new String[] {"telemetry", "/tenantId › /deviceId › /day"})) {
            TreeCell<?> cell = robot.lookup(".tree-cell").match((TreeCell<?> c) -> c.getItem() instanceof ResourceNode n
                    && n.label().equals(row[0])).queryAs(TreeCell.class);
            robot.moveTo(cell);
            WaitForAsyncUtils.waitForFxEvents();
            Object tooltip = cell.getProperties().get("javafx.scene.control.Tooltip");
            assertThat(tooltip).as("%s's tooltip", row[0]).isInstanceOf(Tooltip.class);
            assertThat(((Tooltip) tooltip).getText()).isEqualTo(row[0] + "\nPartition key: " + row[1]);
        }
    }
}
