package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the Schema tab's toolbar stays one row while a sample is read (beside the tree of a 1152 px window) and
 * while the charge of All is estimated (1280 px): the status takes the space left, cut, with its full text in a
 * tooltip, so the field tree below does not move. Walk fault: the toolbar wrapped onto a second row.
 */
class SchemaToolbarGuiTest {

    private final ContainerHandle orders = SchemaTabFixture.container("retail", "orders");
    private final CountDownLatch release = new CountDownLatch(1);
    private SchemaViewModel viewModel;
    private Stage stage;
    private Parent root;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        stage = shown;
        SchemaService waiting = new SchemaService() {
            @Override
            public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                    BooleanSupplier cancelled) {
                progress.accept(new SampleProgress(123_456, 1_000_000, 12_345.6, new SchemaStatistics().summary()));
                await();
                return new SampleResult(new SchemaStatistics().summary(), 0, 0, 1, "0 items", true);
            }

            @Override
            public FullReadEstimate estimateFullRead(ContainerHandle container, BooleanSupplier cancelled) {
                await();
                return new FullReadEstimate(0, 0, 0);
            }
        };
        FxTaskRunner tasks = new FxTaskRunner();
        viewModel = SchemaTabFixture.viewModel(orders, waiting, tasks, new SchemaTabFixture.GridHandOff());
        root = (Parent) new SchemaTab(viewModel, tasks).view();
    });

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void release() {
        release.countDown();
    }

    @Test
    void theToolbarStaysOneRowWhileASampleIsReadBesideTheTreeOfA1152PxWindow(FxRobot robot) throws Exception {
        stayOneRow(robot, 1152 - 330, SampleSize.TEN_THOUSAND, "Read 123,456 of");
    }

    @Test
    void theToolbarStaysOneRowWhileTheChargeOfAllIsEstimatedBesideTheTreeOfA1280PxWindow(FxRobot robot) throws Exception {
        stayOneRow(robot, 1280 - 330, SampleSize.ALL, "Estimating");
    }

    private void stayOneRow(FxRobot robot, double width, SampleSize size, String statusStart) throws Exception {
        robot.interact(() -> {
            Scene scene = new Scene(root, width, 700);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
            viewModel.sampleSizeProperty().set(size);
        });
        Node toolbar = MainWindowFixture.shown(robot, "#schemaToolbar");
        Node tree = robot.lookup("#fieldTree").query();
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        double toolbarHeight = fx(() -> toolbar.getLayoutBounds().getHeight());
        double treeY = fx(() -> tree.localToScene(tree.getBoundsInLocal()).getMinY());

        robot.interact(viewModel::analyse);
        MainWindowFixture.waitFor("the status says " + statusStart, () -> status.getText() != null
                && status.getText().startsWith(statusStart));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> toolbar.getLayoutBounds().getHeight())).as("the toolbar's height at %s px", width)
                .isEqualTo(toolbarHeight);
        assertThat(fx(() -> tree.localToScene(tree.getBoundsInLocal()).getMinY())).as("the tree's y")
                .isEqualTo(treeY);
        Node analyse = robot.lookup("#analyseButton").query();
        Node export = robot.lookup("#exportButton").query();
        Bounds statusBounds = fx(() -> status.localToScene(status.getBoundsInLocal()));
        Bounds analyseBounds = fx(() -> analyse.localToScene(analyse.getBoundsInLocal()));
        Bounds exportBounds = fx(() -> export.localToScene(export.getBoundsInLocal()));
        assertThat(statusBounds.getCenterY()).as("the status on the buttons' row")
                .isCloseTo(analyseBounds.getCenterY(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(exportBounds.getMaxX()).as("Export inside the tab").isLessThanOrEqualTo(width);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
