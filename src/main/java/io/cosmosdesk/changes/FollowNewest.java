package io.cosmosdesk.changes;

import io.cosmosdesk.ui.FxTaskRunner;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Follow newest for the Live changes table: while asked to, the newest row is kept in view as rows arrive. One
 * scroll per change, after every listener of the change (run inside one, the scroll met the table's old row count, so
 * a first batch was not followed and, with the table full, the view ended a row short) and before the next pulse's
 * layout, so one hand-over of rows is one frame. Deferred to the next pulse, as it was, each hand-over made two frames
 * 16 ms apart (the rows, then the scroll), and the second pulse waited for the renderer to finish drawing the first:
 * in the first seconds of a stream, while the renderer is slow, that wait was the UI thread's longest stall.
 *
 * <p>A change made in an event of its own (the hand-over of rows, {@link RowHandOver}) is followed in the event queued
 * right after it, before the next pulse: the scroll is work of its own on the UI thread, not added to the pulse that
 * lays the rows out (the first scroll after Live took 5 ms of UI CPU, the pulse 9-13 more; one block of both, on a
 * core shared with the feed's first pages and the JIT, was a stall over 50 ms). A change made inside a pulse (its
 * animation timers) is followed before that pulse's layout. UI thread only.
 */
final class FollowNewest {

    private final TableView<ChangeRow> table;
    private final ObservableList<ChangeRow> rows;
    private final ObservableBooleanValue following;
    private boolean pending;
    private boolean queued;

    private FollowNewest(TableView<ChangeRow> table, ObservableList<ChangeRow> rows,
            ObservableBooleanValue following) {
        this.table = table;
        this.rows = rows;
        this.following = following;
    }

    /** Keeps the newest of {@code rows} (the table's items) in view of {@code table} while {@code following}. */
    static void install(TableView<ChangeRow> table, ObservableList<ChangeRow> rows,
            ObservableBooleanValue following) {
        FollowNewest follow = new FollowNewest(table, rows, following);
        Runnable beforeLayout = follow::scrollIfPending;
        rows.addListener((ListChangeListener<ChangeRow>) change -> follow.changed());
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(beforeLayout);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(beforeLayout);
            }
        });
        if (table.getScene() != null) {
            table.getScene().addPreLayoutPulseListener(beforeLayout);
        }
    }

    private void changed() {
        pending = true;
        if (!queued) {
            queued = true;
            FxTaskRunner.afterThisEvent(() -> {
                queued = false;
                scrollIfPending();
            });
        }
    }

    /**
     * After the event that changed the rows, and at each pulse after its animation timers and before its layout
     * (whichever comes first: a change in a pulse's animation timer is followed in that pulse).
     */
    private void scrollIfPending() {
        // while the table's warm-up shows its made-up rows, the scroll waits for the tab's own
        if (!pending || table.getItems() != rows) {
            return;
        }
        pending = false;
        if (following.get() && !rows.isEmpty()) {
            table.scrollTo(rows.size() - 1);
        }
    }
}
