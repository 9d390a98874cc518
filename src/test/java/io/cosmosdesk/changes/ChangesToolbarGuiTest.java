package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, the Live changes tab alone with the app's stylesheet, as wide as it is in the default window (1152 px
 * on a 1280 px screen, beside the tree): what its toolbar and headers say.
 */
class ChangesToolbarGuiTest {

    /** The tab's width beside the tree in the default window (1150 px wide under openbox on a 1280 px screen). */
    private static final double TAB_WIDTH = 820;

    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred(); // nothing is read: no round runs
    private ChangesTab tab;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        try {
            ContainerHandle handle = OfflineContainer.handle("shop", "orders");
            tab = SyntheticChanges.tab(handle, Files.createTempDirectory("toolbar"), tasks, 1).tab();
            FxAppExtension.showStyled(stage, (Parent) tab.view(), TAB_WIDTH, 500);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * While the tab reads, Start said Start, accented, beside Pause and Stop, as if nothing were read yet; pressing it
     * starts the reading again from the chosen point: it says Restart then, and is the accented step only when
     * stopped.
     */
    @Test
    void startSaysRestartWhileTheTabReads(FxRobot robot) {
        Button start = robot.lookup("#startButton").queryButton();
        assertThat(start.getText()).as("not reading yet").isEqualTo("Start");
        assertThat(start.getStyleClass()).contains("accent");

        robot.interact(() -> tab.viewModel().start(ChangeFeedStart.now()));
        assertThat(tab.viewModel().stateProperty().get()).isEqualTo(LiveChangesViewModel.State.STARTING);
        assertThat(start.getText()).as("reading").isEqualTo("Restart");
        assertThat(start.getTooltip().getText()).startsWith("Stop this reading and read the change feed again");
        assertThat(start.getStyleClass()).doesNotContain("accent");

        robot.interact(() -> tab.viewModel().stop());
        assertThat(start.getText()).as("stopped").isEqualTo("Start");
        assertThat(start.getStyleClass()).containsOnlyOnce("accent");
        assertThat(start.getTooltip().getText()).startsWith("Read the change feed");
    }

    /** Stop turns disabled once pressed: the focus went on to the Feed box; it goes to Start, the next step. */
    @Test
    void afterStopTheFocusIsOnStart(FxRobot robot) throws Exception {
        Button stop = robot.lookup("#stopButton").queryButton();
        Button start = robot.lookup("#startButton").queryButton();
        robot.interact(() -> tab.viewModel().start(ChangeFeedStart.now()));
        robot.interact(stop::requestFocus);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stop::isFocused);
        robot.type(KeyCode.SPACE); // a keyboard user presses the focused Stop
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.viewModel().stateProperty().get()
                == LiveChangesViewModel.State.STOPPED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stop.isFocused()); // the scene moves it in a pulse
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = WaitForAsyncUtils.asyncFx(() -> stop.getScene().getFocusOwner()).get(10, TimeUnit.SECONDS);
        assertThat(owner).as("focus after Stop: %s", owner == null ? null : owner.getId()).isSameAs(start);
    }

    /** At the default window's width the toolbar is one row (it wrapped: Clear and Export… on a second). */
    @Test
    void theToolbarIsOneRowAtTheDefaultWindowsWidth(FxRobot robot) throws Exception {
        Parent toolbar = robot.lookup("#changesToolbar").queryAs(Parent.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toolbar.getLayoutBounds().getWidth() > 0);
        for (boolean reading : new boolean[] {false, true}) {
            if (reading) {
                robot.interact(() -> tab.viewModel().start(ChangeFeedStart.now())); // Restart, wider than Start
            }
            WaitForAsyncUtils.waitForFxEvents();
            StringBuilder row = new StringBuilder();
            double[] tops = {Double.MAX_VALUE, -1};
            robot.interact(() -> {
                for (Node child : toolbar.getChildrenUnmodifiable()) {
                    if (child.isManaged()) {
                        double top = child.getBoundsInParent().getMinY();
                        tops[0] = Math.min(tops[0], top);
                        tops[1] = Math.max(tops[1], top);
                        row.append(String.format(java.util.Locale.ROOT, " %s@(%.0f,%.0f)", child.getId() != null
                                ? child.getId() : child.getClass().getSimpleName(), child.getBoundsInParent()
                                .getMinX(), top));
                    }
                }
            });
            assertThat(tops[1] - tops[0]).as("one row (reading %s) in %.0f px:%s", reading,
                    toolbar.getLayoutBounds().getWidth(), row).isLessThan(20);
        }
    }

    /** The columns' headers are whole at this width: "Partition key" was cut to "Partitio…". */
    @Test
    void theHeadersAreWholeAtTheDefaultWindowsWidth(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ChangeRow> table = robot.lookup("#changesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.lookupAll(".column-header").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder drawn = new StringBuilder();
        robot.interact(() -> {
            for (Node node : table.lookupAll(".column-header")) {
                if (node instanceof TableColumnHeader header && header.lookup(".label") instanceof Label label) {
                    Text text = (Text) label.lookup(".text");
                    if (!label.getText().equals(text.getText())) {
                        drawn.append(" \"").append(label.getText()).append("\" drawn as \"").append(text.getText())
                                .append('"');
                    }
                }
            }
        });
        assertThat(drawn.toString()).as("headers cut at %.0f px", table.getWidth()).isEmpty();
    }
}
