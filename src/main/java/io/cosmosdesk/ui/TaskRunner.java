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

    /** Stops accepting work and interrupts running tasks; called on exit. */
    void shutdown();
}
