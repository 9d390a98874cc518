package io.cosmosdesk.transfer;

/** Points in an import batch where a crash leaves a different state behind (tests stop the job at each). */
public enum ImportStep {
    /** The batch's rows are recorded as on their way; nothing sent yet. */
    AFTER_BATCH_RECORDED,
    /** The batch's writes have their answers; nothing of it in the report or the journal yet. */
    AFTER_WRITES,
    /** The batch's outcomes are in the report; the journal does not say the batch is done. */
    AFTER_REPORT_WRITTEN,
    /** Every batch done; the job's end not recorded yet. */
    BEFORE_END;

    /** Told at each step, on the job's thread; the app uses none, tests throw from it to simulate a crash. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (step, batch) -> { };

        void reached(ImportStep step, long batch);
    }
}
