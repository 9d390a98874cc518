package io.cosmosdesk.changes;

import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the rows a Live changes tab reads to its table ({@link CapturedRows}). The reading loop deposits rows from
 * its background threads at any pace; the UI thread takes them at most every {@link #SHOW_EVERY}, however many
 * rounds ended meanwhile, in one change to the table. Each hand-over scrolls the table and refreshes every visible
 * cell, and the renderer then draws the whole table again (in software rendering the larger cost), so five a second
 * cost both threads a fraction of once a frame and add at most 0.2 s to the time from a write to its row.
 *
 * <p>A hand-over is an event of its own between two frames, not part of a pulse: the rows change, the table's
 * listeners and Follow newest's scroll run ({@link FollowNewest}, the event after), and the next pulse lays them out.
 * Run inside the pulse (an animation timer), all of it was one block of UI work: 21-25 ms of UI CPU for the first
 * hand-over after Live, most of it code run cold, on a core shared with the feed's first pages, the JIT and the
 * writer, so the first hand-overs were the stalls over 50 ms in the first 0.35 s after Live. Split, the events queued
 * meanwhile (input) are taken between the parts, unless the next pulse was queued while the hand-over still ran
 * (with the UI thread getting a fraction of a core it often is: then the parts run back to back, as before). The
 * rows are laid out by the next pulse: at most a frame later than in the pulse itself.
 *
 * <p>The inbox holds at most the table's row budget: when the UI thread falls behind (busy elsewhere, or starved of
 * a core), older rows that could never be among the newest kept are dropped here and counted
 * ({@link CapturedRows#droppedBeforeShown}), so reading never waits for the UI thread and memory stays bounded.
 */
final class RowHandOver {

    /** The shortest time between two hand-overs of arrived rows to the table. */
    static final Duration SHOW_EVERY = Duration.ofMillis(200);

    private final CapturedRows captured;
    private final TaskRunner taskRunner;
    private final int capacity;

    // guarded by this (deposited from reading threads, taken on the UI thread)
    private ArrayDeque<ChangeRow> inbox = new ArrayDeque<>();
    private long droppedHere;

    // UI thread only
    private boolean scheduled;
    private long lastNanos = System.nanoTime() - SHOW_EVERY.toNanos();

    RowHandOver(CapturedRows captured, TaskRunner taskRunner) {
        this(captured, taskRunner, CapturedRows.MAX_ROWS);
    }

    RowHandOver(CapturedRows captured, TaskRunner taskRunner, int capacity) {
        this.captured = captured;
        this.taskRunner = taskRunner;
        this.capacity = capacity;
    }

    /** Rows from a round, in arrival order (any thread): shown with the next hand-over. */
    synchronized void deposit(List<ChangeRow> rows) {
        inbox.addAll(rows);
        while (inbox.size() > capacity) {
            inbox.removeFirst();
            droppedHere++;
        }
    }

    /** A round ended (UI thread): what it deposited is shown at the next hand-over. */
    void roundEnded() {
        if (!scheduled && hasWaiting()) {
            scheduled = true;
            long sinceLast = System.nanoTime() - lastNanos;
            taskRunner.betweenFramesAfter(SHOW_EVERY.minusNanos(Math.min(sinceLast, SHOW_EVERY.toNanos())),
                    this::handOver);
        }
    }

    /** Shows whatever waits now (UI thread): before a stop, so the rows taken match the position saved. */
    void handOverNow() {
        List<ChangeRow> batch;
        long dropped;
        synchronized (this) {
            batch = new ArrayList<>(inbox);
            inbox = new ArrayDeque<>();
            dropped = droppedHere;
            droppedHere = 0;
        }
        captured.add(batch, dropped);
    }

    private synchronized boolean hasWaiting() {
        return !inbox.isEmpty() || droppedHere > 0;
    }

    private void handOver() {
        scheduled = false;
        lastNanos = System.nanoTime();
        handOverNow();
    }
}
