package io.cosmosdesk.jobs;

/**
 * Where a feature that runs a long job its own way (a move, a bulk delete, an import) registers it so that it
 * appears in the Jobs panel: {@link Jobs} in the app, {@link #NONE} where there is no panel (tests, the command
 * line). FX thread.
 */
@FunctionalInterface
public interface JobTracker {

    /** Shows nothing: the job still runs, it just is not listed anywhere. */
    JobTracker NONE = (kind, title, cancel) -> JobHandle.NONE;

    /**
     * @param kind "Import", "Move", "Delete" …
     * @param title what it works on, e.g. {@code orders.jsonl → retail/orders}
     * @param cancel what the panel's Cancel does (asks the work to stop)
     */
    JobHandle track(String kind, String title, Runnable cancel);

    /**
     * As {@link #track}, for a job whose progress is shown nowhere else (a database or container delete once its
     * confirmation closed): the Jobs panel comes to the front, as for a job {@link Jobs#start}ed there.
     */
    default JobHandle trackInFront(String kind, String title, Runnable cancel) {
        return track(kind, title, cancel);
    }
}
