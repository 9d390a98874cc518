package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
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
 * row's tooltip has the whole id and key, also the hierarchical one cut at the tree's edge; a container's RU/s
 * shows whole on a line of its own (beside the key it was cut).
 */
class ResourceTreeKeysGuiTest {

    /** The tree pane's preferred width (MainWindowView) less its left and right padding. */
    private static final double TREE_WIDTH = 280 - 8 - 6;

    private ResourceTreeFixture fixture;
    private TreeView<ResourceNode> tree;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        fixture = new ResourceTreeFixture("Local emulator", List.of("retail", "iot"), db -> db.equals("retail")
                ? List.of(ResourceTreeFixture.container(db, "invoices", "/customer/id"),
                        ResourceTreeFixture.container(db, "orders", 400, "/customerId"),
                        ResourceTreeFixture.container(db, "products", "/category"))
                : List.of(ResourceTreeFixture.container(db, "telemetry", "/tenantId", "/deviceId", "/day")));
        tree = fixture.tree;
        FxAppExtension.showStyled(stage, tree, TREE_WIDTH, 500);
    }

    @Test
    void keysShowWholeAtTheFirstStartWidthAndEveryContainerRowsTooltipHasTheWholeKey(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            tree.getRoot().getChildren().get(0).getChildren().forEach(db -> db.setExpanded(true));
            fixture.runAllPending();
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String key : List.of("/customer/id", "/customerId", "/category")) {
            Label detail = robot.lookup(".resource-detail").match((Label l) -> l.getText().equals(key))
                    .queryAs(Label.class);
            String drawn = WaitForAsyncUtils.asyncFx(() -> ((Text) detail.lookup(".text")).getText()).get();
            assertThat(drawn).as("the key drawn in a %s px tree", TREE_WIDTH).isEqualTo(key);
        }
        Label units = robot.lookup(".resource-throughput").queryAs(Label.class);
        String drawnUnits = WaitForAsyncUtils.asyncFx(() -> ((Text) units.lookup(".text")).getText()).get();
        assertThat(drawnUnits).as("orders' throughput drawn in a %s px tree", TREE_WIDTH).isEqualTo("400 RU/s");
        for (String[] row : List.of(new String[] {"orders", "/customerId\n400 RU/s"},
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
