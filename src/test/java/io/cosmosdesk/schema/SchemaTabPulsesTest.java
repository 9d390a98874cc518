package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
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
 * Headless: the Schema tab's tree takes a summary of many fields a few rows per pulse (a first summary styled
 * all at once was a long UI stall), ends with every field in presence order, and makes a cell's tooltip only
 * when the mouse reaches it; the shown field's figures move on in the nodes already shown.
 */
class SchemaTabPulsesTest {

    private static final int FIELDS = 30;

    // made before the toolkit's setup (Mockito's first start takes long under load; TestFX allows @Start 30 s)
    private final ContainerHandle orders = SchemaTabFixture.container("retail", "orders");
    private SchemaViewModel viewModel;
    private int runs;
    private TreeTableView<FieldSummary> tree;
    private Scene scene;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        SchemaService manyFields = new SchemaService() {
            @Override
            public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                    BooleanSupplier cancelled) {
                SchemaStatistics statistics = new SchemaStatistics();
                int items = 10 + runs++; // each run one item more, so the figures move on
                for (int i = 0; i < items; i++) {
                    ObjectNode item = JsonNodeFactory.instance.objectNode();
                    for (int f = 0; f < FIELDS; f++) {
                        if (f <= i * 3 + 2) { // field f in a share of the items that falls with f
                            // 9 values, one or two of them repeated: top values are listed only when some repeat
                            item.put(String.format("field%02d", f), "value " + i % 9);
                        }
                    }
                    statistics.add(item);
                }
                return new SampleResult(statistics.summary(), items, 10, 1, items + " items", false);
            }
        };
        viewModel = SchemaTabFixture.viewModel(orders, manyFields, ImmediateTaskRunner.immediate(),
                new SchemaTabFixture.GridHandOff());
        SchemaTab tab = new SchemaTab(viewModel, ImmediateTaskRunner.immediate());
        scene = new Scene((Parent) tab.view(), 1000, 700);
        stage.setScene(scene);
        stage.show();
        tree = (TreeTableView<FieldSummary>) scene.lookup("#fieldTree");
    }

    @Test
    void manyFieldsJoinTheTreeAFewRowsPerPulseAndEndInPresenceOrder(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> rowsAfterEachPass = new ArrayList<>();
        Runnable count = () -> rowsAfterEachPass.add(tree.getRoot().getChildren().size());
        robot.interact(() -> {
            scene.addPostLayoutPulseListener(count);
            viewModel.analyse();
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> tree.getRoot().getChildren().size() == FIELDS && viewModel.finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scene.removePostLayoutPulseListener(count));

        assertThat(rowsAfterEachPass).as("rows after each pass").isNotEmpty();
        int before = 0;
        for (int rows : rowsAfterEachPass) {
            assertThat(rows - before).as("new rows in one pass, after %s", rowsAfterEachPass)
                    .isLessThanOrEqualTo(FieldTreeRows.NEW_SHOWN_ROWS_PER_PULSE);
            before = rows;
        }
        List<Long> counts = tree.getRoot().getChildren().stream().map(row -> row.getValue().itemCount()).toList();
        assertThat(counts).as("most present first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void aCellMakesItsTooltipWhenTheMouseReachesIt(FxRobot robot) throws Exception {
        robot.interact(viewModel::analyse);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> tree.getRoot().getChildren().size() == FIELDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<TreeTableCell<?, ?>> cells = robot.lookup(".tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getItem() != null)
                .<TreeTableCell<?, ?>>map(cell -> cell).toList();
        assertThat(cells).isNotEmpty();
        assertThat(cells).as("no tooltip made before a hover").allMatch(cell -> cell.getTooltip() == null
                && !hasInstalledTooltip(cell));

        TreeTableCell<?, ?> first = cells.stream().filter(cell -> cell.getTableColumn() == tree.getColumns().get(0))
                .findFirst().orElseThrow();
        robot.moveTo(first);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> hasInstalledTooltip(first));
        assertThat(((javafx.scene.control.Tooltip) first.getProperties().get("javafx.scene.control.Tooltip"))
                .getText()).startsWith(((FieldSummary) first.getItem()).path().toString());
    }

    @Test
    void theShownFieldsFiguresMoveOnInTheNodesAlreadyShown(FxRobot robot) throws Exception {
        robot.interact(viewModel::analyse);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> tree.getRoot().getChildren().size() == FIELDS && viewModel.finishedProperty().get());
        robot.interact(() -> viewModel.selectedPathProperty().set(FieldPath.ROOT.child("field00")));
        javafx.scene.layout.VBox detail = (javafx.scene.layout.VBox) scene.lookup("#detailBox");
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> texts(detail).contains(
                    "In 10 of 10 items (100%) · missing in 0") && links(detail).size() >= 9);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("detail shows " + texts(detail), e);
        }
        List<Node> before = links(detail);

        robot.interact(viewModel::analyse);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> texts(detail).contains(
                "In 11 of 11 items (100%) · missing in 0"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(links(detail)).as("the value links shown before, with the new figures")
                .containsExactlyElementsOf(before);
    }

    private static List<Node> links(Node root) {
        return root.lookupAll(".hyperlink").stream().toList();
    }

    private static List<String> texts(Node root) {
        return java.util.stream.Stream.concat(root.lookupAll(".label").stream(), root.lookupAll(".hyperlink").stream())
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList();
    }

    /** Tooltip.install keeps the tooltip in the node's properties under this key (JavaFX 21). */
    private static boolean hasInstalledTooltip(Node node) {
        return node.getProperties().get("javafx.scene.control.Tooltip") != null;
    }
}
