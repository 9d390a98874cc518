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
}
