package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the tree view keeps its rows openable across a filter typed and cleared. */
class ResourceTreeViewTest {

    private ResourceTreeFixture fixture;
    private ResourceTreeViewModel viewModel;
    private ImmediateTaskRunner runner;
    private TreeView<ResourceNode> tree;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        fixture = new ResourceTreeFixture("Local", List.of("retail", "iot", "scratch", "support"), db -> switch (db) {
            case "retail" -> List.of(info(db, "orders"), info(db, "products"));
            case "iot" -> List.of(info(db, "telemetry"));
            case "scratch" -> List.of();
            default -> List.of(info(db, "tickets"));
        });
        viewModel = fixture.viewModel;
        runner = fixture.runner;
        tree = fixture.tree;
        stage.setScene(new Scene(tree, 400, 500));
        stage.show();
    }

    private static ContainerInfo info(String db, String id) {
        return ResourceTreeFixture.container(db, id, "/pk");
    }

    private TreeItem<ResourceNode> database(String name) {
        return tree.getRoot().getChildren().get(0).getChildren().stream()
                .filter(item -> item.getValue().label().equals(name)).findFirst().orElseThrow();
    }

    private List<String> rows() {
        return java.util.stream.IntStream.range(0, tree.getExpandedItemCount())
                .mapToObj(row -> tree.getTreeItem(row).getValue().label()).toList();
    }

    @Test
    void typingAFilterShowsMatchesInUnopenedDatabasesAndClearingItLeavesEveryDatabaseOpenable(FxRobot robot) {
        robot.interact(() -> {
            viewModel.filterTextProperty().set("tel");
            runner.runAllPending();
        });
        assertThat(rows()).containsExactly("Local", "iot", "telemetry");

        robot.interact(() -> viewModel.filterTextProperty().set(""));

        // back as before: databases collapsed, each with its expand arrow
        assertThat(rows()).containsExactly("Local", "retail", "iot", "scratch", "support");
        assertEveryDatabaseHasItsArrow(robot);

        robot.interact(() -> database("support").setExpanded(true));
        assertThat(rows()).containsExactly("Local", "retail", "iot", "scratch", "support", "tickets");
    }

    @Test
    void aFilterClearedBeforeItsSearchAnswersLeavesEveryDatabaseOpenable(FxRobot robot) {
        robot.interact(() -> viewModel.filterTextProperty().set("tel"));
        robot.interact(() -> {
            viewModel.filterTextProperty().set("");
            runner.runAllPending(); // the late answers are dropped
        });

        assertThat(rows()).containsExactly("Local", "retail", "iot", "scratch", "support");
        assertEveryDatabaseHasItsArrow(robot);

        robot.interact(() -> {
            database("scratch").setExpanded(true);
            runner.runAllPending();
        });
        assertThat(rows()).containsExactly("Local", "retail", "iot", "scratch", "No containers", "support");
    }

    private void assertEveryDatabaseHasItsArrow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String name : List.of("retail", "iot", "scratch", "support")) {
            assertThat(database(name).isLeaf()).as(name + " has an expand arrow").isFalse();
            TreeCell<?> cell = robot.lookup(".tree-cell").match((TreeCell<?> c) -> c.getItem() instanceof ResourceNode node
                    && node.label().equals(name)).queryAs(TreeCell.class);
            Node arrow = cell.getDisclosureNode();
            assertThat(arrow != null && arrow.isVisible()).as(name + "'s arrow is drawn").isTrue();
        }
    }

    @Test
    void hidingAndShowingADatabaseKeepsItsExpandedRowAndChildren(FxRobot robot) {
        robot.interact(() -> {
            database("retail").setExpanded(true);
            runner.runAllPending();
        });
        TreeItem<ResourceNode> before = database("retail");

        robot.interact(() -> {
            viewModel.filterTextProperty().set("tick");
            runner.runAllPending();
        });
        robot.interact(() -> viewModel.filterTextProperty().set(""));

        assertThat(database("retail")).isSameAs(before);
        assertThat(rows()).containsExactly("Local", "retail", "orders", "products", "iot", "scratch", "support");
    }
}
