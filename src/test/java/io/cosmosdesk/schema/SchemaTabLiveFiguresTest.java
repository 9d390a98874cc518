package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, a sample on a background thread: while the figures move on, the field tree's shown cells take the new
 * figures in place. A new value in a TreeItem made the tree rebuild every shown cell (each went empty and was filled
 * again: restyled and redrawn) at every snapshot. The rows take the newest figures when the sample ends.
 */
class SchemaTabLiveFiguresTest {

    private static final int FIELDS = 8;

    private final ContainerHandle orders = SchemaTabFixture.container("retail", "orders");
    private final CountDownLatch secondSnapshot = new CountDownLatch(1);
    private final CountDownLatch end = new CountDownLatch(1);
    private SchemaViewModel viewModel;
    private TreeTableView<FieldSummary> tree;

    /** {@code items} items; field f is in the items numbered below {@code f + 1 + extra}. */
    private static SchemaSummary figures(int items, int extra) {
        SchemaStatistics statistics = new SchemaStatistics();
        for (int i = 0; i < items; i++) {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            for (int f = 0; f < FIELDS; f++) {
                if (i < f + 1 + extra) {
                    item.put(String.format("field%02d", f), "value " + i);
                }
            }
            statistics.add(item);
        }
        return statistics.summary();
    }

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        SchemaService inSteps = new SchemaService() {
            @Override
            public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                    BooleanSupplier cancelled) {
                try {
                    progress.accept(new SampleProgress(10, 40, 1, figures(10, 0)));
                    secondSnapshot.await(30, TimeUnit.SECONDS);
                    progress.accept(new SampleProgress(20, 40, 2, figures(20, 4)));
                    end.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                SchemaSummary last = figures(40, 8);
                return new SampleResult(last, 40, 4, 1, "40 items", false);
            }
        };
        FxTaskRunner tasks = new FxTaskRunner();
        viewModel = SchemaTabFixture.viewModel(orders, inSteps, tasks, new SchemaTabFixture.GridHandOff());
        SchemaTab tab = new SchemaTab(viewModel, tasks);
        Scene scene = new Scene((Parent) tab.view(), 1000, 700);
        stage.setScene(scene);
        stage.show();
        @SuppressWarnings("unchecked")
        TreeTableView<FieldSummary> found = (TreeTableView<FieldSummary>) scene.lookup("#fieldTree");
        tree = found;
    }

    private List<TreeTableCell<?, ?>> filledCells(FxRobot robot) {
        return robot.lookup(".tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getItem() != null && cell.isVisible())
                .<TreeTableCell<?, ?>>map(cell -> cell).toList();
    }

    private boolean showsText(FxRobot robot, String text) {
        return filledCells(robot).stream().anyMatch(cell -> text.equals(cell.getText()));
    }

    @Test
    void theShownCellsTakeNewFiguresInPlaceAndTheRowsTakeThemAtTheEnd(FxRobot robot) throws Exception {
        robot.interact(viewModel::analyse);
        // field00 is in 1 of 10 items: 10%
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == FIELDS
                && showsText(robot, "10%"));
        WaitForAsyncUtils.waitForFxEvents();
        List<TreeTableCell<?, ?>> cells = filledCells(robot);
        List<String> emptied = new CopyOnWriteArrayList<>();
        robot.interact(() -> cells.forEach(cell -> cell.emptyProperty().addListener((obs, was, empty) -> {
            if (empty) {
                emptied.add(cell.getText() + "");
            }
        })));

        secondSnapshot.countDown();
        // field00 is now in 5 of 20 items: 25%
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showsText(robot, "25%"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(emptied).as("no shown cell was emptied and refilled while the figures moved on").isEmpty();
        assertThat(filledCells(robot)).as("the same cells show the new figures").containsAll(cells);

        end.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        SchemaSummary last = viewModel.summaryProperty().get();
        assertThat(last.itemsInspected()).isEqualTo(40);
        // the rows take a summary in the pulses after it arrives (SchemaTabController.addPendingRows), not at once
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> tree.getRoot()
                .getChildren().stream().allMatch(row -> row.getValue() == last.field(row.getValue().path())
                        .orElse(null))).get());
        robot.interact(() -> tree.getRoot().getChildren().forEach(row -> assertThat(row.getValue())
                .as("the row holds the last figures").isSameAs(last.field(row.getValue().path()).orElseThrow())));
        assertThat(tree.getRoot().getChildren()).extracting(row -> row.getValue().itemCount())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
}
