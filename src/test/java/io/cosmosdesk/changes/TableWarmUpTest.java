package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ScrollToEvent;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: while the warm-up shows its made-up rows (unseen, but drawn), the table takes no clicks, so a
 * double-click on the blank-looking table cannot open "warm-up-0000000" in the editor; afterwards it does.
 */
class TableWarmUpTest {

    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private final List<Boolean> mouseTransparentWhileWarming = new ArrayList<>();
    /** The made-up rows scrolled to while the warm-up showed them, and how many there were then. */
    private final List<Integer> scrolledToWhileWarming = new ArrayList<>();
    /** The made-up rows' list (and what it is over) at each of those scrolls. */
    private final List<String> madeUpListTypes = new ArrayList<>();
    private TableView<ChangeRow> table;
    private TableWarmUp warmUp;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        table = idTable(rows);
        warmUp = TableWarmUp.install(table, rows);
        warmUp.warmingProperty().addListener((obs, was, warming) -> {
            if (warming) {
                mouseTransparentWhileWarming.add(table.isMouseTransparent());
            }
        });
        table.itemsProperty().addListener((obs, old, items) -> {
            if (items != rows) {
                // the made-up rows just went in
                mouseTransparentWhileWarming.add(table.isMouseTransparent());
            }
        });
        table.addEventHandler(ScrollToEvent.scrollToTopIndex(), event -> {
            if (table.getItems() != rows) {
                scrolledToWhileWarming.add(table.getItems().size());
                madeUpListTypes.add(table.getItems().getClass().getName() + (table.getItems() instanceof
                        javafx.collections.transformation.TransformationList<?, ?> transformed
                        ? " over " + transformed.getSource().getClass().getName() : ""));
            }
        });
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    /** A table of {@code rows} with one column, the id (also for {@link TableWarmUpHiddenWindowTest}). */
    static TableView<ChangeRow> idTable(ObservableList<ChangeRow> rows) {
        TableView<ChangeRow> table = new TableView<>(rows);
        TableColumn<ChangeRow, String> id = new TableColumn<>("id");
        id.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().id()));
        table.getColumns().add(id);
        return table;
    }

    /**
     * The first real hand-overs met the table's code cold (UI CPU of the first pulses with rows 21, 15, 12 ms against
     * 6-7 later): each scroll step now lays out more than one hand-over, and the made-up rows come in the list types
     * the tab's rows do (a RowRing through a FilteredList), so that code runs on the lists it will meet after Live.
     */
    @Test
    void eachScrollStepRehearsesMoreThanOneHandOverOnTheTabsListTypes() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scrolledToWhileWarming).as("hand-overs rehearsed (scrolls to the newest made-up row)")
                .hasSizeGreaterThanOrEqualTo(2 * TableWarmUp.SCROLL_STEPS);
        assertThat(madeUpListTypes).as("the made-up rows' list").containsOnly(
                "javafx.collections.transformation.FilteredList over io.cosmosdesk.changes.RowRing");
    }

    @Test
    void theMadeUpRowsTakeNoClicksAndTheTableDoesAfterwards(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mouseTransparentWhileWarming).as("the warm-up ran").isNotEmpty().containsOnly(true);
        assertThat(table.isMouseTransparent()).as("after the warm-up").isFalse();
        assertThat(table.getItems()).isSameAs(rows);
    }

    /**
     * Each hand-over after Live adds rows and scrolls the table to the newest, so every visible cell takes another
     * row and the whole table is drawn moved; the warm-up only ever filled an empty table, so the first hand-overs
     * ran that path cold. Now its last steps do as a hand-over does, more than a screenful of rows deep.
     */
    @Test
    void theWarmUpScrollsTheTableAsAHandOverDoes() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.isDone());
        WaitForAsyncUtils.waitForFxEvents();
        int screenful = (int) Math.ceil(300 / 24.0) + 1;
        assertThat(scrolledToWhileWarming).as("scrolls to the newest made-up row while warming").isNotEmpty();
        assertThat(scrolledToWhileWarming.get(scrolledToWhileWarming.size() - 1))
                .as("made-up rows when it last scrolled").isGreaterThanOrEqualTo(2 * screenful);
        assertThat(table.getItems()).isSameAs(rows);
    }
}
