package io.cosmosdesk.ui;

/**
 * The only door from view-models to background threads and back.
 *
 * <p>Callbacks of a {@link BackgroundTask} run on the UI thread in the application (see
 * {@link FxTaskRunner}) and on the calling thread in tests (see {@code ImmediateTaskRunner}),
 * so view-models never touch threads themselves.
 */
public interface TaskRunner {

    /** Starts the task; its callbacks are delivered on the UI thread. */
    <T> TaskHandle start(BackgroundTask<T> task);

    /**
     * Runs {@code action} on the UI thread in a later frame (pulse), after the current one has been laid out
     * and shown: for spreading one large UI change over frames. Runs it at once where there are no frames
     * (tests).
     */
    default void inNextFrame(Runnable action) {
        action.run();
    }

    /**
     * Runs {@code action} on the UI thread in the first frame at least {@code delay} from now: for coalescing a
     * stream of small UI changes into a few a second. Runs it at once where there are no frames (tests).
     */
    default void inFrameAfter(java.time.Duration delay, Runnable action) {
        action.run();
    }

    /**
     * Runs {@code action} on the UI thread at least {@code delay} from now, as an event of its own between two frames
     * (not inside a pulse): for a change whose layout can wait for the next pulse, so the UI thread takes the events
     * queued meanwhile (input, other work) between the change and its layout instead of after both. Runs it at once
     * where there are no frames (tests).
     */
    default void betweenFramesAfter(java.time.Duration delay, Runnable action) {
        action.run();
    }

    /** Stops accepting work and interrupts running tasks; called on exit. */
    void shutdown();
}
