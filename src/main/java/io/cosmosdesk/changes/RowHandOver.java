package io.cosmosdesk.changes;

import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the rows a Live changes tab reads to its table ({@link CapturedRows}) at most every {@link #SHOW_EVERY},
 * however many rounds end meanwhile. Under a stream of writes each hand-over scrolls the table and refreshes every
 * visible cell, so a few a second cost the UI thread (and the renderer) a fraction of once a frame, and add at most
 * that much to the time from a write to its row. UI thread only.
 */
final class RowHandOver {

    /** The shortest time between two hand-overs of arrived rows to the table. */
    static final Duration SHOW_EVERY = Duration.ofMillis(100);

    private final CapturedRows captured;
    private final TaskRunner taskRunner;
    private final List<ChangeRow> inbox = new ArrayList<>();
    private boolean scheduled;
    private long lastNanos = System.nanoTime() - SHOW_EVERY.toNanos();

    RowHandOver(CapturedRows captured, TaskRunner taskRunner) {
        this.captured = captured;
        this.taskRunner = taskRunner;
    }

    /** Rows from a round, in arrival order: shown with the next hand-over. */
    void receive(List<ChangeRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        inbox.addAll(rows);
        if (!scheduled) {
            scheduled = true;
            long sinceLast = System.nanoTime() - lastNanos;
            taskRunner.inFrameAfter(SHOW_EVERY.minusNanos(Math.min(sinceLast, SHOW_EVERY.toNanos())), this::handOver);
        }
    }

    private void handOver() {
        scheduled = false;
        lastNanos = System.nanoTime();
        List<ChangeRow> batch = List.copyOf(inbox);
        inbox.clear();
        captured.add(batch);
    }
}
