package io.cosmosdesk.transfer;

/** How one row of an import ended; the report has one per row. */
public enum RowOutcome {
    CREATED(true),
    /** Upsert mode: written (created or replaced). */
    UPSERTED(true),
    /** An item with the same id, key and content was already there (a replay after a lost answer or a crash). */
    IDENTICAL(true),
    /** Skip-existing mode: a different item with this id was there and was left as it is. */
    SKIPPED(true),
    /** Create-only mode: a different item with this id was there; it was not overwritten. */
    CONFLICT(false),
    /** The row broke a rule and was not sent (see the reason). */
    INVALID(false),
    /** Sent, and the service refused it (see the reason). */
    FAILED(false);

    private final boolean fine;

    RowOutcome(boolean fine) {
        this.fine = fine;
    }

    /** False for outcomes the user must look at (they go to the failed-items file). */
    public boolean fine() {
        return fine;
    }
}
