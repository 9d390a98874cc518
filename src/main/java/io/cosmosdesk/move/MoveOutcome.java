package io.cosmosdesk.move;

/** How one item's move ended, in the words of the final report. */
public enum MoveOutcome {
    MOVED("Moved"),
    ALREADY_IN_TARGET("Skipped: it already has the target partition key value"),
    CONFLICT("Conflict: an item with this id already exists in the target partition; nothing was overwritten"),
    CHANGED("Changed during move, not moved"),
    NOT_FOUND("Not moved: it no longer exists (deleted by someone else)"),
    FAILED("Failed"),
    NOT_STARTED("Not started: the move was cancelled before this item"),
    ROLLED_BACK("Rolled back: it is in its source partition again"),
    KEPT_IN_TARGET("Changed after it was moved, so it was left in the target partition"),
    UNFINISHED("Unfinished: the job stopped before this item ended; Resume or Roll back the job"),
    /** Only in the report of a stopped job: never planned, so nothing was written for it; never journaled. */
    NEVER_STARTED("Not started: the job stopped before this item, nothing was written for it; Resume moves it");

    private final String label;

    MoveOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The journal record type that ends an item with this outcome. */
    String recordType(boolean copyRemoved) {
        return switch (this) {
            case MOVED -> "DONE";
            case ROLLED_BACK -> "ROLLED_BACK";
            case ALREADY_IN_TARGET, NOT_STARTED -> "SKIPPED";
            default -> copyRemoved ? "COMPENSATED" : "FAILED";
        };
    }
}
