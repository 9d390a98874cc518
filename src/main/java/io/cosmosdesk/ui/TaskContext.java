package io.cosmosdesk.ui;

/** What a running piece of background work may ask of, and tell, its runner. */
public interface TaskContext {

    boolean isCancelled();

    /** Throws {@link java.util.concurrent.CancellationException} when the task was cancelled. */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException();
        }
    }

    /**
     * Reports progress; {@code fraction} in [0, 1] or negative for "indeterminate". Safe to call often:
     * runners coalesce updates so the UI thread sees at most one pending update.
     */
    void progress(double fraction, String message);

    /**
     * Hands a typed value to the task's {@link BackgroundTask#onUpdate} listener on the UI thread (a stage
     * reached, a code to show): every update arrives, in order, unlike coalesced progress. Never encode such
     * values in a progress message for the other side to parse.
     */
    void publish(Object update);
}
