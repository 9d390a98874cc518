package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.TableView;

/**
 * Builds the Live changes table's rows and cells before the first changes arrive, and has the renderer draw them,
 * a few more each step, so the first hand-overs only fill cells that exist and draw what has been drawn before.
 * Built by the first hand-over instead, on a JVM that had not yet run that code, the table's first rows and cells
 * (classes loaded, CSS matched, text laid out for the first time) held the UI thread for over a second at 2,000
 * changes a second; and drawn for the first time by the first hand-overs (glyphs rasterised, the software renderer's
 * code run cold), the table's first frames took the renderer hundreds of milliseconds each while the next pulse
 * waited for it.
 *
 * <p>While it works the table shows made-up rows of typical length at an opacity no one can see (a blank area for
 * a moment as the tab opens; hidden instead, the renderer skipped them and the first real rows paid for that drawing),
 * one step at most every {@link #STEP_EVERY_NANOS}, so the renderer finishes a step's frame before the next step
 * makes another and the UI thread never waits for it. Its last steps move the table as each hand-over after Live
 * does ({@link #SCROLL_STEPS}). Then it goes back to the tab's rows; the table keeps the cells
 * it built and reuses them for those. It gives up as soon as real rows arrive or the table is no longer shown: it
 * never holds anything back.
 */
final class TableWarmUp extends AnimationTimer {

    /** Rows added by the first step; each step doubles them, up to a screenful. */
    private static final int FIRST_STEP = 2;
    /** The shortest time between two steps: time for the renderer to draw the last step before the next. */
    static final long STEP_EVERY_NANOS = 80_000_000L;
    /**
     * The table's opacity while it shows made-up rows: drawn (at 0 the renderer skips a node), but at about one
     * level of 255 from the background, which no one can see.
     */
    static final double UNSEEN_OPACITY = 0.005;
    /**
     * Steps after the first screenful, each as a hand-over of rows after Live is: a screenful more made-up rows, then
     * the follow-newest scroll to the last, so every visible cell takes another row and the renderer draws the whole
     * table moved. Filling an empty table never ran that path; the first hand-overs after Live did, cold.
     */
    static final int SCROLL_STEPS = Integer.getInteger("cosmosdesk.warmup.scrollSteps", 2);
    /**
     * Hand-overs each scroll step rehearses, laid out one after another in its pulse (the renderer draws the last):
     * with one per step (two in all) the UI thread's CPU in the first pulses that showed real rows was 21, 15, 12,
     * 9 ms, down to 6-7 ms only by the sixth (ChangesBenchmark, 2,000 changes a second): the table's code still ran
     * cold, on a core shared with the feed's first pages and the JIT, and those pulses were the stalls over 50 ms in
     * the first 0.35 s after Live. More steps would make Live later (one step every {@link #STEP_EVERY_NANOS}); more
     * hand-overs in a step cost UI-thread CPU before Live, in a step's pulse. Two per step is the set-up measured
     * against main (session 19); against one per step (with the rest of that session's changes) two pairs showed no
     * difference, and three per step held a step's pulse for 57 ms of UI CPU.
     */
    static final int HAND_OVERS_PER_SCROLL_STEP = Integer.getInteger("cosmosdesk.warmup.handOversPerStep", 2);
    /** At most this many made-up rows (the oldest leave first, as the tab's do once it holds its budget). */
    private static final int MADE_UP_CAPACITY = 1_000;
    /** The theme's fixed row height when CSS has not given it yet. */
    private static final double ROW_HEIGHT_GUESS = 24;

    private final TableView<ChangeRow> table;
    private final ObservableList<ChangeRow> rows;
    /**
     * The made-up rows, in the list types the tab's rows come in (a {@link RowRing} seen through a
     * {@link FilteredList}, as {@link LiveChangesViewModel#visibleRows}): the table's code learns the lists it will
     * meet after Live.
     */
    private final RowRing madeUpRing = new RowRing(MADE_UP_CAPACITY);
    private final FilteredList<ChangeRow> madeUp = new FilteredList<>(madeUpRing);
    private int scrolled;
    private int made;
    private boolean started;
    private boolean done;
    private long lastStep;
    private double opacity;
    private boolean mouseTransparent;
    private final ReadOnlyBooleanWrapper warming = new ReadOnlyBooleanWrapper();

    private TableWarmUp(TableView<ChangeRow> table, ObservableList<ChangeRow> rows) {
        this.table = table;
        this.rows = rows;
    }

    /** Warms {@code table} (whose items are {@code rows}) once it is first shown with a size and no rows. */
    static TableWarmUp install(TableView<ChangeRow> table, ObservableList<ChangeRow> rows) {
        TableWarmUp warmUp = new TableWarmUp(table, rows);
        table.heightProperty().addListener((obs, old, height) -> warmUp.startIfReady());
        table.sceneProperty().addListener((obs, old, scene) -> warmUp.startIfReady());
        return warmUp;
    }

    /** True from its first step until it has finished or given up: the tab waits to say Live meanwhile. */
    ReadOnlyBooleanProperty warmingProperty() {
        return warming.getReadOnlyProperty();
    }

    /** Whether it has finished (or given up): the table shows the tab's rows. */
    boolean isDone() {
        return done;
    }

    private void startIfReady() {
        if (!started && !done && table.getScene() != null && table.getHeight() > 0) {
            started = true;
            if (!rows.isEmpty()) {
                done = true;
                return;
            }
            opacity = table.getOpacity();
            mouseTransparent = table.isMouseTransparent();
            // unseen is not absent: without this a double-click on the blank-looking table opened a made-up row
            table.setMouseTransparent(true);
            table.setOpacity(UNSEEN_OPACITY);
            table.setItems(madeUp);
            warming.set(true);
            start();
        }
    }

    @Override
    public void handle(long now) {
        // runs at the start of a pulse: the rows added here get their cells in this pulse's layout
        int screenful = (int) Math.ceil(table.getHeight() / rowHeight()) + 1;
        // a hidden window keeps its scene, and a step there still styled the rows it made (a scroll applies CSS from
        // the topmost node that needs it): in the test suite, after a test's window was hidden and the theme reset,
        // that styled the whole tab without the theme's colours (24 CSS lookup warnings in CI during
        // ChangesTabViewGuiTest, whose short tests ended while their tab still warmed up)
        if (!rows.isEmpty() || !io.cosmosdesk.ui.Nodes.inShowingWindow(table)) {
            finish();
            return;
        }
        if (now - lastStep < STEP_EVERY_NANOS) {
            return;
        }
        lastStep = now;
        if (madeUp.size() >= screenful) {
            if (scrolled >= SCROLL_STEPS) { // drawn: the last step's frame had its time too
                finish();
                return;
            }
            scrolled++;
            for (int handOver = 0; handOver < HAND_OVERS_PER_SCROLL_STEP; handOver++) {
                if (handOver > 0) {
                    // the last hand-over laid out now, as its own pulse would: each one refreshes every visible cell
                    table.applyCss();
                    table.layout();
                }
                addMadeUp(screenful);
                table.scrollTo(madeUp.size() - 1); // as FollowNewest does after a hand-over, in the same pulse
            }
            return;
        }
        addMadeUp(Math.min(screenful, Math.max(FIRST_STEP, madeUp.size() * 2)) - madeUp.size());
    }

    /** {@code count} more made-up rows at the end, in one change, the oldest dropped beyond the capacity. */
    private void addMadeUp(int count) {
        if (count <= 0) {
            return;
        }
        List<ChangeRow> added = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            added.add(madeUpRow(made++));
        }
        madeUpRing.dropAndAdd(Math.max(0, madeUpRing.size() + count - madeUpRing.capacity()), added);
    }

    private double rowHeight() {
        double fixed = table.getFixedCellSize();
        return fixed > 0 ? fixed : ROW_HEIGHT_GUESS;
    }

    private void finish() {
        stop();
        done = true;
        table.setItems(rows);
        table.setOpacity(opacity);
        table.setMouseTransparent(mouseTransparent);
        warming.set(false);
    }

    /** A row as long as the benchmark's and most real ones: every column's cell lays out text. */
    private static ChangeRow madeUpRow(int n) {
        String id = String.format("warm-up-%07d", n);
        return new ChangeRow(-1 - n, Instant.now(), id, PartitionKeyValue.of("customer-" + n % 10),
                n % 2 == 0 ? ChangeRow.Kind.NEW : ChangeRow.Kind.UPDATED,
                n % 2 == 0 ? "new" : "status: \"open\" → \"paid\", total: 10 → 12",
                JsonNodeFactory.instance.objectNode().put("id", id), 20);
    }
}
