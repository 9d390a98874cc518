package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, the item editor alone with the app's stylesheet (the item from a mocked service), as wide as its pane is
 * beside the grid: its toolbar and its state as an item turns dirty, pulse by pulse.
 */
class ItemEditorToolbarGuiTest {

    /** The editor's pane beside the grid: in the default window (1150 px) and at 1280x800 maximized. */
    private static final double DEFAULT_WINDOW = 468;
    private static final double MAXIMIZED_1280 = 530;

    private ItemEditorViewModel viewModel;
    private Stage stage;
    /** What a pulse drew wrong (FX thread only while recording). */
    private final List<String> faults = new ArrayList<>();
    private boolean recording;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        stage = shown;
        ItemService items = mock(ItemService.class);
        ObjectNode item = Json.MAPPER.createObjectNode().put("id", "order-1042").put("customerId", "c-77")
                .put("status", "shipped").put("total", 129.95);
        when(items.readItem(any(), any(), any())).thenReturn(new ItemVersion(item, "\"e1\""));
        FxTaskRunner tasks = new FxTaskRunner();
        viewModel = new ItemEditorViewModel(items, tasks, mock(DialogService.class));
        ItemEditorView view = ItemEditorView.load(viewModel, tasks);
        FxAppExtension.showStyled(shown, (javafx.scene.Parent) view.root(), DEFAULT_WINDOW, 600);
        viewModel.open(OfflineContainer.handle("shop", "orders"), "order-1042", PartitionKeyValue.of("c-77"));
    });

    /**
     * When the item turned dirty the state label at the toolbar's end got "● Unsaved changes" with no room left: it
     * showed as an orange "…" (and under openbox the find icon was cut at the pane's edge for a moment until the
     * overflow guard refitted the row). In every pulse from the edit on, everything on the toolbar's row is inside
     * the bar and the state is drawn whole, with a tooltip that says what to do.
     */
    @Test
    void theDirtyMarkerIsReadableAndNothingIsCutAtAnyPulse(FxRobot robot) throws Exception {
        for (double width : new double[] {DEFAULT_WINDOW, MAXIMIZED_1280}) {
            robot.interact(() -> stage.setWidth(width));
            Region bar = robot.lookup(".editor-toolbar").queryAs(Region.class);
            Label state = robot.lookup(".editor-state").queryAs(Label.class);
            MainWindowFixture.waitFor("the item is open at " + width + " px", () -> viewModel.getText()
                    .contains("order-1042") && bar.getWidth() > 0 && bar.getWidth() <= width);
            WaitForAsyncUtils.waitForFxEvents();
            Scene scene = bar.getScene();
            Runnable check = () -> {
                if (recording) {
                    faults.addAll(cutIn(bar, state));
                }
            };
            robot.interact(() -> {
                scene.addPostLayoutPulseListener(check);
                recording = true;
                viewModel.textProperty().set(viewModel.getText().replace("shipped", "delivered"));
            });
            MainWindowFixture.waitFor("the item is dirty", () -> viewModel.dirtyProperty().get());
            for (int pulse = 0; pulse < 8; pulse++) {
                robot.interact(() -> bar.requestLayout()); // a pulse, laid out
                WaitForAsyncUtils.waitForFxEvents();
            }
            robot.interact(() -> {
                recording = false;
                scene.removePostLayoutPulseListener(check);
                faults.addAll(cutIn(bar, state)); // settled
            });
            assertThat(faults).as("cut at %s px (bar %.1f px)", width, bar.getWidth()).isEmpty();
            assertThat(state.getText()).as("the state at %s px", width).contains("Unsaved");
            assertThat(state.getTooltip()).as("the state's tooltip").isNotNull();
            assertThat(state.getTooltip().getText()).contains("Save (Ctrl+S)");
            robot.interact(() -> viewModel.textProperty().set(viewModel.getText().replace("delivered", "shipped")));
            MainWindowFixture.waitFor("the item is clean again", () -> !viewModel.dirtyProperty().get());
        }
    }

    /** The shown parts of the row that end past the bar, and the state label when drawn cut. */
    private static List<String> cutIn(Region bar, Label state) {
        List<String> cut = new ArrayList<>();
        for (Node child : bar.getChildrenUnmodifiable()) {
            if (child.isVisible() && child.isManaged() && child.getLayoutBounds().getWidth() >= 1
                    && child.getBoundsInParent().getMaxX() > bar.getWidth() - bar.snappedRightInset() + 0.5) {
                cut.add(String.format(java.util.Locale.ROOT, "%s ends at %.1f in %.1f", child.getId() != null
                        ? child.getId() : child, child.getBoundsInParent().getMaxX(), bar.getWidth()));
            }
        }
        Node drawn = state.lookup(".text");
        if (state.getText() != null && !state.getText().isEmpty() && drawn instanceof Text text
                && !text.getText().equals(state.getText())) {
            StringBuilder row = new StringBuilder();
            for (Node child : bar.getChildrenUnmodifiable()) {
                if (child.isVisible() && child.isManaged()) {
                    row.append(String.format(java.util.Locale.ROOT, " %s:%.0f", child.getId() != null ? child.getId()
                            : child.getClass().getSimpleName(), child.getLayoutBounds().getWidth()));
                }
            }
            cut.add(String.format(java.util.Locale.ROOT, "\"%s\" drawn as \"%s\" (%.1f of its %.1f px; row:%s)",
                    state.getText(), text.getText(), state.getWidth(), state.prefWidth(-1), row));
        }
        return cut;
    }
}
