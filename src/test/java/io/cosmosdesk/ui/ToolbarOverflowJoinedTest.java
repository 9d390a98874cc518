package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: a wrapping toolbar with a More menu of its own keeps to one row by lending it its less used buttons. */
class ToolbarOverflowJoinedTest {

    private FlowPane bar;
    private Button move;
    private Button count;
    private MenuButton more;
    private final AtomicInteger counts = new AtomicInteger();
    private Stage stage;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        move = fixed(new Button("Move…"));
        count = fixed(new Button("Count"));
        count.setOnAction(event -> counts.incrementAndGet());
        more = new MenuButton("More");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.getItems().add(new MenuItem("Schema"));
        TextField column = new TextField();
        column.setPromptText("+ column");
        column.setPrefColumnCount(5);
        bar = new FlowPane(4, 4, fixed(new Button("New item")), fixed(new Button("Refresh")), move, more, count,
                column);
        ToolbarOverflow.installInto(bar, more, move, count);
        shown.setScene(new Scene(bar, 900, 80));
        shown.show();
        stage = shown;
    });

    @Test
    void aShortRowLendsCountThenMoveToMoreAboveItsOwnItemsAndTakesThemBack(FxRobot robot) {
        robot.interact(() -> { });
        assertThat(count.isVisible() && move.isVisible()).isTrue();
        assertThat(shownItems()).containsExactly("Schema");
        double all = rowWidth();

        robot.interact(() -> stage.setWidth(all - 10));
        robot.interact(() -> { });
        assertThat(count.isVisible()).as("Count leaves first").isFalse();
        assertThat(move.isVisible()).isTrue();
        assertThat(shownItems()).containsExactly("Count", "—", "Schema");
        assertOneRow();
        robot.interact(() -> more.getItems().stream().filter(item -> "Count".equals(item.getText())).findFirst()
                .orElseThrow().fire());
        assertThat(counts.get()).as("the item does what Count does").isEqualTo(1);

        robot.interact(() -> stage.setWidth(all - count.prefWidth(-1) - move.prefWidth(-1)));
        robot.interact(() -> { });
        assertThat(move.isVisible() || count.isVisible()).isFalse();
        assertThat(shownItems()).containsExactly("Move…", "Count", "—", "Schema");
        assertOneRow();

        robot.interact(() -> stage.setWidth(all + 20));
        robot.interact(() -> { });
        assertThat(count.isVisible() && move.isVisible()).as("both back on a wide row").isTrue();
        assertThat(shownItems()).containsExactly("Schema");
    }

    /** The menu's shown entries, a divider as "—". */
    private java.util.List<String> shownItems() {
        return more.getItems().stream().filter(MenuItem::isVisible)
                .map(item -> item instanceof SeparatorMenuItem ? "—" : item.getText()).toList();
    }

    /** The row's width with every control on it at its preferred width. */
    private double rowWidth() {
        return bar.getChildren().stream().mapToDouble(node -> node.prefWidth(-1)).sum()
                + bar.getHgap() * (bar.getChildren().size() - 1) + bar.snappedLeftInset() + bar.snappedRightInset();
    }

    private void assertOneRow() {
        double top = bar.getChildren().get(0).getBoundsInParent().getMinY();
        assertThat(bar.getChildren()).filteredOn(node -> node.isVisible() && node.isManaged())
                .allSatisfy(node -> assertThat(node.getBoundsInParent().getMinY()).as("%s", node)
                        .isCloseTo(top, org.assertj.core.data.Offset.offset(6.0)));
    }

    private static Button fixed(Button button) {
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
