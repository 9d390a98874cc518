package io.cosmosdesk.move;

/**
 * The points in an item's move (and roll back) where a {@link MoveStepListener} is told, in order. Tests
 * crash the mover at each of them; each is a boundary between a durable journal record and a server write.
 */
public enum MoveStep {
    /** PLANNED is on disk; nothing written to the server yet. */
    AFTER_PLAN_RECORDED,
    /** The copy exists in the target; CREATED is not yet recorded. */
    AFTER_CREATE,
    /** CREATED is recorded; the source is not yet deleted. */
    AFTER_CREATE_RECORDED,
    /** The source is deleted on the server; SOURCE_DELETED is not yet recorded. */
    AFTER_DELETE,
    /** SOURCE_DELETED is recorded; DONE is not. */
    BEFORE_DONE_MARK,
    /** Roll back: the source was re-created; the copy still exists. */
    AFTER_SOURCE_RESTORED,
    /** Roll back: the copy was removed; ROLLED_BACK is not yet recorded. */
    AFTER_COPY_REMOVED
}
