package io.cosmosdesk.changes;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The reading loop of a Live changes tab: rounds of the change feed one after another on background threads. A
 * round's rows go straight into the tab's {@link RowHandOver} inbox and the next round is started from the
 * background thread, so reading never waits for the UI thread: a busy or stalled UI thread delays what is shown,
 * never what is read (the inbox keeps the newest rows within the tab's budget and counts the older ones).
 *
 * <p>The UI thread hears of each round ended ({@link RoundEnded}) and of a failure ({@link RoundFailed}), after which reading
 * stops until {@link #retryAfter} (passing failures) or a new {@link #start}. The cursors of the last round whose
 * rows were taken are the tab's position ({@link #cursors}): a round that ends after a stop or restart is dropped,
 * rows and cursors together, so the position never runs ahead of what was captured.
 */
final class ChangeReader {

    /** Rounds of pages read one after another, without the UI thread, while pages come back full. */
    static final int MAX_PAGES_PER_ROUND = 5;

    /** What the tab hears, on the UI thread, of a round of the reading started as {@code generation}. */
    @FunctionalInterface
    interface RoundEnded {
        void roundEnded(long generation);
    }

    /** A round of the reading started as {@code generation} failed (UI thread); reading waits for a retry. */
    @FunctionalInterface
    interface RoundFailed {
        void failed(long generation, Throwable error);
    }

    private final TaskRunner taskRunner;
    private final LiveChangesViewModel.Sleeper sleeper;
    private final PollingPace pace;
    private final PositionKeeper position;
    private final RowHandOver handOver;
    private final RoundEnded ended;
    private final RoundFailed failed;

    // guarded by this: which reading is current, its session and the position of the rows taken
    private long generation;
    private ChangeFeedSession session;
    private List<FeedCursor> cursors = List.of();
    private long started = -1;
    private TaskHandle round = TaskHandle.NONE;

    ChangeReader(TaskRunner taskRunner, LiveChangesViewModel.Sleeper sleeper, PollingPace pace,
            PositionKeeper position, RowHandOver handOver, RoundEnded ended, RoundFailed failed) {
        this.taskRunner = taskRunner;
        this.sleeper = sleeper;
        this.pace = pace;
        this.position = position;
        this.handOver = handOver;
        this.ended = ended;
        this.failed = failed;
    }

    /** Stops what was being read; the next {@link #start} or {@link #read} belongs to the returned generation. */
    synchronized long restart() {
        round.cancel();
        round = TaskHandle.NONE;
        return ++generation;
    }

    /** Reads {@code session} from {@code from} in rounds until stopped, as {@code current} (from {@link #restart}). */
    synchronized void start(long current, ChangeFeedSession reading, List<FeedCursor> from) {
        if (current != generation) {
            return;
        }
        session = reading;
        cursors = List.copyOf(from);
        started = current;
        schedule(current, Duration.ZERO);
    }

    /** Whether the reading {@code current} got as far as its first round (its cursors were opened). */
    synchronized boolean isReading(long current) {
        return started == current;
    }

    /** After a passing failure: the next round of the current reading, in {@code wait}. */
    synchronized void retryAfter(long current, Duration wait) {
        if (current == generation) {
            schedule(current, wait);
        }
    }

    /** Stops reading (the session and the position stay). */
    void stop() {
        restart();
    }

    synchronized ChangeFeedSession session() {
        return session;
    }

    /** Where the rows taken so far end: the position to save. */
    synchronized List<FeedCursor> cursors() {
        return cursors;
    }

    /** The session's mode, or {@code fallback} before the first start. */
    synchronized FeedMode mode(FeedMode fallback) {
        return session == null ? fallback : session.mode();
    }

    private void schedule(long current, Duration wait) {
        List<FeedCursor> from = cursors;
        ChangeFeedSession reading = session;
        try {
            round = taskRunner.start(BackgroundTask.of("Reading changes", ctx -> {
                if (!wait.isZero()) {
                    sleeper.sleep(wait);
                }
                ctx.throwIfCancelled();
                position.saveWhileReading(from, reading.mode());
                ChangeBatch batch = reading.readRound(from);
                // behind (a page came back full): read on before handing over, a round costs a thread hop or more
                for (int extra = 0; batch.moreWaiting() && extra < MAX_PAGES_PER_ROUND - 1 && !ctx.isCancelled();
                        extra++) {
                    batch = batch.followedBy(reading.readRound(batch.cursors()));
                }
                taken(current, batch, ctx.isCancelled());
                return batch;
            }).onSuccess(batch -> ended.roundEnded(current)).onFailure(error -> failed.failed(current, error)));
        } catch (RejectedExecutionException shuttingDown) {
            // the app is closing: its task runner takes no more work, and there is nothing left to read for
            round = TaskHandle.NONE;
        }
    }

    /** The round's rows go to the inbox and its cursors become the position, unless the reading moved on. */
    private synchronized void taken(long current, ChangeBatch batch, boolean cancelled) {
        if (current != generation || cancelled) {
            return;
        }
        cursors = batch.cursors();
        handOver.deposit(batch.rows());
        schedule(current, pace.afterRound(batch.rows().size(), batch.moreWaiting()));
    }
}
