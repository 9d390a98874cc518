package io.cosmosdesk.patch;

/** How one item of a bulk patch (or of its undo) ended, as the report and the job's summary count them. */
public enum PatchOutcome {
    PATCHED("patched"),
    /** Its ETag changed after it was read: someone else changed it, so it was left as it is. */
    CHANGED("changed since it was read, left as it is"),
    CONDITION_NOT_MET("the condition did not match, left as it is"),
    NOT_FOUND("deleted since it was read"),
    /** An operation cannot apply to it (a missing path, not a number ...): Cosmos DB answered 400. */
    NOT_APPLICABLE("the operations do not apply to it"),
    FAILED("failed"),
    /** Cancelled (or the app stopped) before it was sent. */
    NOT_STARTED("not started"),
    RESTORED("restored"),
    /** Undo: changed after the patch, so its before-image was not put back. */
    CHANGED_SINCE_PATCH("changed after the patch, not restored"),
    /** Undo: the patch never reached it. */
    NOTHING_TO_UNDO("not patched, nothing to undo");

    private final String words;

    PatchOutcome(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
