package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import io.cosmosdesk.ui.UncachedViewport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: while the Schema tab opens (no figures yet), the field tree builds and styles a screenful of rows and
 * the detail pane every kind of section, hidden; then both show the tab's own state, fully opaque, and the first
 * figures reuse the rows built (the first styling of rows, cells and links was the long stall of filling in).
 */
class SchemaTabWarmUpTest {

    private final ContainerHandle orders = SchemaTabFixture.container("retail", "orders");
    private SchemaViewModel viewModel;
    private TreeTableView<FieldSummary> tree;
    private VBox detail;
    private final List<Node> detailSections = new ArrayList<>();
    /** Opacities the tree and the detail pane took while the tab opened. */
    private final List<Double> treeOpacities = new ArrayList<>();
    private final List<Double> detailOpacities = new ArrayList<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        SchemaService threeFields = new SchemaService() {
            @Override
            public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                    BooleanSupplier cancelled) {
                SchemaStatistics statistics = new SchemaStatistics();
                for (int i = 0; i < 5; i++) {
                    statistics.add(JsonNodeFactory.instance.objectNode().put("id", "o" + i).put("total", i)
                            .put("status", "paid"));
                }
                return new SampleResult(statistics.summary(), 5, 5, 1, "5 items", false);
            }
        };
        viewModel = SchemaTabFixture.viewModel(orders, threeFields, ImmediateTaskRunner.immediate(),
                new SchemaTabFixture.GridHandOff());
        Parent view = (Parent) new SchemaTab(viewModel, ImmediateTaskRunner.immediate()).view();
        Scene scene = new Scene(view, 1000, 700);
        stage.setScene(scene);
        stage.show();
        // the stand-ins join in the pulses after this (an animation timer), so nothing is missed
        detail = (VBox) scene.lookup("#detailBox");
        detail.getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                detailSections.addAll(change.getAddedSubList());
            }
        });
        tree = (TreeTableView<FieldSummary>) scene.lookup("#fieldTree");
        treeOpacities.add(tree.getOpacity());
        tree.opacityProperty().addListener((obs, old, now) -> treeOpacities.add(now.doubleValue()));
        detailOpacities.add(detail.getOpacity());
        detail.opacityProperty().addListener((obs, old, now) -> detailOpacities.add(now.doubleValue()));
    }

    @Test
    void rowsAndDetailSectionsAreStyledBeforeTheFirstFiguresAndTheTabThenShowsItsOwnState(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getOpacity() == 1 && detail.getOpacity() == 1
                && tree.getRoot().getChildren().isEmpty() && detail.getChildren().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        List<TreeTableRow<?>> built = tree.lookupAll(".tree-table-row-cell").stream()
                .filter(node -> node instanceof TreeTableRow<?> row && row.getSkin() != null)
                .<TreeTableRow<?>>map(node -> (TreeTableRow<?>) node).toList();
        assertThat(built).as("rows (with their cells) built and styled before any figure").hasSizeGreaterThan(10);
        List<Node> standIn = detailSections.stream().flatMap(section -> all(section).stream()).toList();
        assertThat(standIn).as("links styled in the hidden stand-in detail").anyMatch(Hyperlink.class::isInstance);
        assertThat(standIn).as("a histogram").anyMatch(node -> node.getStyleClass().contains("schema-histogram"));
        assertThat(standIn).as("top values").anyMatch(TopValuesView.class::isInstance);
        assertThat(((Label) detail.getChildren().get(0)).getText()).isEqualTo("Figures for each field appear here.");
        // the renderer skips a node of opacity 0: the stand-ins must be drawn (unseen) to pay its first time too
        assertThat(treeOpacities).as("the stand-in rows drawn, unseen").anyMatch(o -> o > 0 && o < 0.05);
        assertThat(treeOpacities).as("never skipped by the renderer").doesNotContain(0.0);
        assertThat(detailOpacities).as("the stand-in detail drawn, unseen").anyMatch(o -> o > 0 && o < 0.05);
        assertThat(detailOpacities).as("never skipped by the renderer").doesNotContain(0.0);

        robot.interact(viewModel::analyse);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.finishedProperty().get()
                && tree.getRoot().getChildren().size() == 3);
        assertThat(tree.getRoot().getChildren().stream().map(row -> row.getValue().path().toString()))
                .containsExactlyInAnyOrder("id", "total", "status");
        assertThat(tree.getOpacity()).isEqualTo(1);
    }

    @Test
    void theDetailPaneIsDrawnDirectlyNotThroughACachedImageOfTheWholeViewport(FxRobot robot) throws Exception {
        ScrollPane scroll = (ScrollPane) detail.getScene().lookup("#detailScroll");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scroll.getSkin() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Node viewport = WaitForAsyncUtils.asyncFx(() -> scroll.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains("viewport")).findFirst().orElse(null))
                .get(10, TimeUnit.SECONDS);
        assertThat(viewport).as("the scroll pane's viewport").isNotNull();
        // a cached viewport is drawn again whole into its cache at every change of the figures inside
        assertThat(viewport.isCache()).as("the viewport cached").isFalse();
        assertThat(UncachedViewport.cached(scroll)).isFalse();
    }

    private static List<Node> all(Node root) {
        List<Node> nodes = new ArrayList<>(List.of(root));
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> nodes.addAll(all(child)));
        }
        return nodes;
    }
}
