package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;

/** Headless: a toolbar narrower than its buttons keeps its row inside its pane, the rest in a "more" menu. */
class ToolbarOverflowTest {

    private Button reload;
    private Button clone;
    private Button find;
    private Label state;
    private HBox bar;
    private final AtomicInteger reloads = new AtomicInteger();
    private final MenuButton[] more = new MenuButton[1];
    private Stage stage;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        // built here, on the FX thread once the toolkit runs
        reload = icon("Reload", "fth-refresh-cw");
        clone = icon("Clone", "fth-copy");
        find = icon("Find", "fth-search");
        state = new Label("Unsaved changes");
        bar = new HBox(4, fixed(new Button("New")), fixed(new Button("Save")), reload, clone, find, state);
        state.setMinWidth(0);
        reload.setTooltip(new Tooltip("Reload"));
        reload.setOnAction(event -> reloads.incrementAndGet());
        TooltipHolder.holdTooltipsOf(reload);
        more[0] = ToolbarOverflow.install(bar, reload, clone, find);
        StackPane pane = new StackPane(bar);
        shown.setScene(new Scene(pane, 600, 60));
        shown.show();
        stage = shown;
    });

    @Test
    void aWidePaneShowsEveryButtonAndNoMenu(FxRobot robot) {
        robot.interact(() -> { });
        assertThat(reload.isVisible() && clone.isVisible() && find.isVisible()).isTrue();
        assertThat(more[0].isVisible()).isFalse();
        assertThat(more[0].getItems()).noneMatch(MenuItem::isVisible);
    }

    @Test
    void aNarrowPaneMovesTheRightmostButtonsIntoTheMenuAndTheRowFits(FxRobot robot) {
        double all = widthWith(robot, 600);
        assertThat(all).isGreaterThan(0);
        // narrower than the whole row by a little: only the last icon goes
        robot.interact(() -> stage.setWidth(allButtons() - 4));
        robot.interact(() -> { });
        assertThat(reload.isVisible()).isTrue();
        assertThat(find.isVisible()).isFalse();
        assertThat(more[0].isVisible()).isTrue();
        assertThat(more[0].getItems()).filteredOn(MenuItem::isVisible).extracting(MenuItem::getText).contains("Find");
        assertRowInside();

        // as narrow as it gets: every icon in the menu, the row still inside the pane (the bar's minimum)
        robot.interact(() -> stage.setWidth(bar.minWidth(-1)));
        robot.interact(() -> { });
        assertThat(reload.isVisible() || clone.isVisible() || find.isVisible()).isFalse();
        assertThat(more[0].getItems()).filteredOn(MenuItem::isVisible).extracting(MenuItem::getText)
                .containsExactly("Reload", "Clone", "Find");
        assertRowInside();
        double icons = reload.getParent().prefWidth(-1) + clone.prefWidth(-1) + find.prefWidth(-1);
        assertThat(bar.minWidth(-1)).as("the minimum is the row with every icon in the menu (two gaps fewer)")
                .isCloseTo(allButtons() - icons + more[0].prefWidth(-1) - 2 * bar.getSpacing(),
                        org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void aMenuItemDoesWhatItsButtonDoesAndIsDisabledWhenItIs(FxRobot robot) {
        robot.interact(() -> stage.setWidth(bar.minWidth(-1)));
        robot.interact(() -> { });
        MenuItem reloadItem = more[0].getItems().get(0);
        assertThat(reloadItem.getGraphic()).isInstanceOf(FontIcon.class);
        robot.interact(reloadItem::fire);
        assertThat(reloads.get()).isEqualTo(1);
        robot.interact(() -> reload.setDisable(true));
        assertThat(reloadItem.isDisable()).isTrue();
    }

    @Test
    void aSettledBarStopsFittingOnEveryLayoutPassAndStillFitsANewWidth(FxRobot robot) throws Exception {
        robot.interact(() -> bar.getScene().getRoot().layout());
        robot.interact(() -> bar.getScene().getRoot().layout());
        int settled = ToolbarOverflow.fitsOf(bar);
        assertThat(settled).isPositive();
        // the state label's text changes on every edit and save: each a layout pass of the bar, none a new width
        for (String text : new String[] {"Saving…", "Saved", "Unsaved changes", "Read-only", ""}) {
            robot.interact(() -> {
                state.setText(text);
                bar.requestLayout(); // as the label's new text asks of its bar
                bar.getScene().getRoot().layout(); // the layout pass a pulse would run
            });
        }
        assertThat(ToolbarOverflow.fitsOf(bar)).as("fits after the width settled").isEqualTo(settled);

        robot.interact(() -> stage.setWidth(bar.minWidth(-1)));
        robot.interact(() -> { });
        assertThat(find.isVisible()).as("a new width is still fitted").isFalse();
        assertRowInside();
    }

    /**
     * A button on the row that grows after the fit settled (the editor's toolbar as an item loads; in clean-clone CI
     * the last icon ended at 433 px in a 409.5 px bar at 1152 px) makes the row fit again, with no new width and no
     * new child to say so.
     */
    @Test
    void aButtonThatGrowsAfterTheFitSettledStillLeavesTheRowInside(FxRobot robot) {
        robot.interact(() -> stage.setWidth(allButtons() + 2));
        robot.interact(() -> { });
        assertThat(find.isVisible()).as("every icon fits at first").isTrue();
        // layout passes (the state label's text changing) until the fit settles: a pass then fits nothing
        int settled = -1;
        for (int pass = 0; pass < 10 && settled != ToolbarOverflow.fitsOf(bar); pass++) {
            settled = ToolbarOverflow.fitsOf(bar);
            String text = pass % 2 == 0 ? "Saved" : "Unsaved changes";
            robot.interact(() -> {
                state.setText(text);
                bar.requestLayout();
                bar.getScene().getRoot().layout();
            });
        }
        assertThat(ToolbarOverflow.fitsOf(bar)).as("settled: a layout pass fits nothing").isEqualTo(settled);
        Button save = (Button) bar.getChildren().get(1);
        robot.interact(() -> save.setText("Save all changes"));
        robot.interact(() -> { });
        assertThat(find.isVisible()).as("the last icon left the row for the menu").isFalse();
        assertRowInside();
    }

    private double widthWith(FxRobot robot, double width) {
        robot.interact(() -> stage.setWidth(width));
        robot.interact(() -> { });
        return bar.getWidth();
    }

    /** The row's width with every button shown (the state label at nothing). */
    private double allButtons() {
        return bar.getChildren().stream().filter(node -> node != more[0] && node != state)
                .mapToDouble(node -> node.prefWidth(-1)).sum() + bar.getSpacing() * 5
                + bar.snappedLeftInset() + bar.snappedRightInset();
    }

    private void assertRowInside() {
        assertThat(bar.getChildren()).filteredOn(node -> node.isVisible() && node.isManaged() && node != state)
                .allSatisfy(node -> assertThat(node.getBoundsInParent().getMaxX()).as("%s", node)
                        .isLessThanOrEqualTo(bar.getWidth() - bar.snappedRightInset() + 0.5));
        assertThat(bar.getWidth()).isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
    }

    private static Button fixed(Button button) {
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static Button icon(String name, String literal) {
        Button button = fixed(new Button());
        button.setGraphic(new FontIcon(literal));
        button.setAccessibleText(name);
        return button;
    }
}
