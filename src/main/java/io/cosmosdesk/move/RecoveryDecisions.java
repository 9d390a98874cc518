package io.cosmosdesk.move;

/**
 * What to do with an item whose move was interrupted, from what the journal says and what the server
 * holds now. Pure: the decision table of the design, tested on its own.
 */
final class RecoveryDecisions {

    /** The source item as the server holds it now. */
    enum Source {
        /** Exists with the ETag recorded at PLANNED: nobody touched it. */
        ORIGINAL,
        /** Exists with another ETag: changed during the move (or restored by a roll back). */
        CHANGED,
        GONE
    }

    /** The item with the same id under the target partition key. */
    enum Copy {
        /** Ours: its ETag is the one recorded at CREATED, or its content is the journal's body. */
        OURS,
        /** Someone else's: other content. */
        FOREIGN,
        NONE
    }

    enum ResumeAction {
        /** Nothing was written: create the copy, then delete the source. */
        CREATE_THEN_DELETE,
        /** The copy is there (maybe its answer was lost): delete the source. */
        DELETE_SOURCE,
        /** The source was deleted after the copy was made: only the DONE mark was missing. */
        MARK_MOVED,
        /** The source changed: remove our copy, report "changed during move". */
        REMOVE_COPY_CHANGED,
        /** The source changed and no copy of ours exists: report "changed during move". */
        REPORT_CHANGED,
        /** Someone else's item holds the id in the target: report the conflict, touch nothing. */
        REPORT_CONFLICT,
        /** The source is gone and no copy of ours exists: deleted by someone else. */
        REPORT_NOT_FOUND
    }

    enum RollBackAction {
        /** The source exists and the copy is ours: delete the copy. */
        REMOVE_COPY,
        /** The source is gone and the copy is ours: re-create the source, then delete the copy. */
        RESTORE_SOURCE_THEN_REMOVE_COPY,
        /** The source exists and there is no copy of ours: nothing to undo. */
        NOTHING_TO_UNDO,
        /** The source is gone and our copy was changed after the move: leave it where it is. */
        KEEP_IN_TARGET,
        /** Neither exists: deleted by someone else. */
        REPORT_NOT_FOUND
    }

    private RecoveryDecisions() {
    }

    static ResumeAction resume(Source source, Copy copy) {
        return switch (source) {
            case ORIGINAL -> switch (copy) {
                case NONE -> ResumeAction.CREATE_THEN_DELETE;
                case OURS -> ResumeAction.DELETE_SOURCE;
                case FOREIGN -> ResumeAction.REPORT_CONFLICT;
            };
            case CHANGED -> copy == Copy.OURS ? ResumeAction.REMOVE_COPY_CHANGED : ResumeAction.REPORT_CHANGED;
            case GONE -> copy == Copy.OURS ? ResumeAction.MARK_MOVED : ResumeAction.REPORT_NOT_FOUND;
        };
    }

    /** {@code copyWasOurs}: the journal says we created the copy (CREATED recorded). */
    static RollBackAction rollBack(Source source, Copy copy, boolean copyWasOurs) {
        if (source != Source.GONE) {
            return copy == Copy.OURS ? RollBackAction.REMOVE_COPY : RollBackAction.NOTHING_TO_UNDO;
        }
        return switch (copy) {
            case OURS -> RollBackAction.RESTORE_SOURCE_THEN_REMOVE_COPY;
            case FOREIGN -> copyWasOurs ? RollBackAction.KEEP_IN_TARGET : RollBackAction.REPORT_NOT_FOUND;
            case NONE -> RollBackAction.REPORT_NOT_FOUND;
        };
    }
}
