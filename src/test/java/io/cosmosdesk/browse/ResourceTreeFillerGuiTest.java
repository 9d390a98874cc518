package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the connection tree's height below its last row is held by one empty cell, not by a column of them
 * (cosmosdesk.css, {@code #resourceTree .tree-cell:empty}): JavaFX's virtual flow fills a tree's height with empty
 * cells, each with a skin and styles, and in the first frame's empty tree those 20 cells were a fifth of the UI
 * thread's start (s19). The rows keep their height, the scroll bar shows only when the rows need it, and the last row
 * of a long tree scrolls into view. Seen failing without the rule: 21 cells in the empty tree.
 */
class ResourceTreeFillerGuiTest {

    private static final double WIDTH = 266;
    private static final double HEIGHT = 600;

    private TreeView<ResourceNode> tree;
    private ResourceTreeFixture fixture;
    private final List<String> databases = IntStream.rangeClosed(1, 40).mapToObj(i -> "db" + i).toList();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        fixture = new ResourceTreeFixture("Local emulator", databases, db -> List.of());
        tree = new TreeView<>();
        tree.setId("resourceTree");
        FxAppExtension.showStyled(stage, tree, WIDTH, HEIGHT);
    }

    @Test
    void theEmptyTreeHasOneFillerCellAndNoScrollBar(FxRobot robot) throws Exception {
        robot.interact(() -> ResourceTreeView.bind(tree,
                new ResourceTreeViewModel(mock(ResourceService.class), ImmediateTaskRunner.deferred())));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cells(robot)).as("cells of the empty tree").hasSizeLessThanOrEqualTo(1)
                .allMatch(TreeCell::isEmpty);
        assertThat(verticalBarShows(robot)).as("vertical scroll bar").isFalse();
    }

    @Test
    void rowsKeepTheirHeightAndOneEmptyCellFillsTheRest(FxRobot robot) throws Exception {
        robot.interact(() -> ResourceTreeView.bind(tree,
                new ResourceTreeFixture("Local emulator", List.of("retail"), db -> List.of()).viewModel));
        WaitForAsyncUtils.waitForFxEvents();

        List<TreeCell<?>> cells = cells(robot);
        assertThat(cells.stream().filter(cell -> !cell.isEmpty())).as("the connection's and its database's rows")
                .hasSize(2).allMatch(cell -> cell.getHeight() > 10 && cell.getHeight() < 60);
        assertThat(cells.stream().filter(TreeCell::isEmpty)).as("filler cells").hasSizeLessThanOrEqualTo(1);
        assertThat(verticalBarShows(robot)).as("vertical scroll bar").isFalse();
    }

    @Test
    void aLongTreeScrollsAndItsLastRowComesIntoView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ResourceTreeView.bind(tree, fixture.viewModel);
            tree.getRoot().getChildren().get(0).setExpanded(true);
            fixture.runAllPending();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(verticalBarShows(robot)).as("vertical scroll bar of 41 rows").isTrue();

        robot.interact(() -> tree.scrollTo(tree.getExpandedItemCount() - 1));
        WaitForAsyncUtils.waitForFxEvents();

        TreeCell<?> last = cells(robot).stream().filter(cell -> !cell.isEmpty()
                && cell.getItem() instanceof ResourceNode node && node.label().equals("db40")).findFirst().orElseThrow();
        double bottom = WaitForAsyncUtils.asyncFx(() -> tree.sceneToLocal(
                last.localToScene(last.getLayoutBounds())).getMaxY()).get();
        assertThat(bottom).as("the last row's bottom in the tree").isLessThanOrEqualTo(HEIGHT + 0.5);
        assertThat(last.getHeight()).as("the last row's height").isBetween(10.0, 60.0);
    }

    private List<TreeCell<?>> cells(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> tree.lookupAll(".tree-cell").stream().filter(Node::isVisible)
                .<TreeCell<?>>map(node -> (TreeCell<?>) node).toList()).get();
    }

    private boolean verticalBarShows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> tree.lookupAll(".scroll-bar").stream()
                .anyMatch(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL
                        && bar.isVisible())).get();
    }
}
