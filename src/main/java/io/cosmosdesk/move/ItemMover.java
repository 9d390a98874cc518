package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.move.ItemOperations.Op;
import io.cosmosdesk.move.ItemOperations.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives planned items forward a batch at a time, keeping the journal ahead of the server: copies are
 * created (bulk) only for items whose PLANNED is synced, sources are deleted (bulk, If-Match on the
 * recorded ETag) only for items whose CREATED is synced. A source that changed meanwhile (412) gets its copy
 * deleted again and is reported as changed during the move.
 *
 * <p>Batches overlap, driven by the job thread: {@link #start} syncs the journal once, then starts deleting
 * the sources of the batch whose copies were just recorded and creating the copies of the next batch, both
 * as background calls; while they run it records the deletes started before, and the caller plans the batch
 * after; {@link #recordFinished} records the copies. Each item still goes PLANNED synced, create, CREATED synced, delete, in that order; only
 * different items' steps interleave, and recovery decides item by item. DONE and SOURCE_DELETED are synced
 * with the next batch's records: a lost one only makes recovery read the server (source gone, our copy
 * there: moved).
 */
final class ItemMover {

    /** Background calls started by {@link #start} and the items they are for. */
    private record Running(List<JobState.Item> items, BackgroundOperations.Call call) {
    }

    private final JobLog log;
    private final List<String> paths;
    private final ItemOperations ops;
    private final BackgroundOperations background;
    private final MoveStepListener steps;
    private Running creating;
    private Running deleting;
    /** Copies recorded by {@link #recordFinished}: their sources are deleted once the journal is synced. */
    private final List<JobState.Item> copied = new ArrayList<>();
    /** Copies not made by this job's create but found in the target with the same content (a 409). */
    private final java.util.Set<JobState.Item> foundInTarget = new java.util.HashSet<>();

    ItemMover(JobLog log, List<String> paths, ItemOperations ops, BackgroundOperations background,
            MoveStepListener steps) {
        this.log = log;
        this.paths = paths;
        this.ops = ops;
        this.background = background;
        this.steps = steps;
    }

    /**
     * Waits for the copies the last {@link #start} began and records them (CREATED, not synced): their sources
     * are deleted by the next start.
     */
    void recordFinished() {
        if (creating != null) {
            Running batch = creating;
            creating = null;
            copied.addAll(recordCopies(batch.items(), background.await(batch.call())));
        }
    }

    /**
     * Syncs the journal (PLANNED of {@code items}, and whatever was recorded since the last sync), then starts
     * deleting the sources of the copies recorded since the last start and of {@code items} already copied
     * (recovery), and creating the copies of the others. While those run it records the deletes the last
     * start began (not synced), then returns. Every item must have its PLANNED record written.
     */
    void start(List<JobState.Item> items) {
        log.sync();
        List<JobState.Item> toDelete = new ArrayList<>(copied);
        copied.clear();
        for (JobState.Item item : toDelete) {
            steps.reached(MoveStep.AFTER_CREATE_RECORDED, item.index, item.id);
        }
        List<JobState.Item> toCreate = new ArrayList<>();
        for (JobState.Item item : items) {
            if (item.finished()) {
                continue;
            }
            if (item.created) {
                toDelete.add(item);
            } else {
                steps.reached(MoveStep.AFTER_PLAN_RECORDED, item.index, item.id);
                toCreate.add(item);
            }
        }
        Running earlierDeletes = deleting;
        deleting = null;
        startDeletes(toDelete);
        if (!toCreate.isEmpty()) {
            creating = new Running(toCreate, background.start(createOps(toCreate)));
        }
        // recorded only now, so that the server is never idle between one batch's copies and the next's
        recordDeletes(earlierDeletes);
    }

    /** Lets everything started end: afterwards every item given to {@link #start} has ended, synced. */
    void finish() {
        recordFinished();
        start(List.of());
        Running lastDeletes = deleting;
        deleting = null;
        recordDeletes(lastDeletes);
        log.sync();
    }

    private List<Op> createOps(List<JobState.Item> items) {
        List<Op> creates = new ArrayList<>(items.size());
        for (JobState.Item item : items) {
            creates.add(Op.create(item.index, item.id, item.target, ItemBodies.underKey(item.body, item.target, paths),
                    AuditOperation.MOVE_COPY));
        }
        return creates;
    }

    /** Records the copies made (CREATED, not synced) and returns the items now copied. */
    private List<JobState.Item> recordCopies(List<JobState.Item> items, List<Result> results) {
        Map<Integer, JobState.Item> byIndex = index(items);
        List<JobState.Item> conflicts = new ArrayList<>();
        List<JobState.Item> created = new ArrayList<>();
        for (Result result : results) {
            JobState.Item item = byIndex.get(result.op().index());
            if (result.ok()) {
                steps.reached(MoveStep.AFTER_CREATE, item.index, item.id);
                log.created(item, result.etag());
                created.add(item);
            } else if (result.status() == 409) {
                conflicts.add(item);
            } else {
                log.finished(item, MoveOutcome.FAILED, "Could not create the copy: " + result.reason(), false);
            }
        }
        created.addAll(recogniseOwnCopies(conflicts));
        return created;
    }

    /**
     * A 409 is ours when the item in the target has the journal's content: a create whose answer was lost
     * (retried after a dropped connection, or before a crash). Anything else is someone else's item.
     */
    private List<JobState.Item> recogniseOwnCopies(List<JobState.Item> conflicts) {
        List<JobState.Item> ours = new ArrayList<>();
        if (conflicts.isEmpty()) {
            return ours;
        }
        List<Op> reads = conflicts.stream().map(i -> Op.read(i.index, i.id, i.target)).toList();
        Map<Integer, JobState.Item> byIndex = index(conflicts);
        List<String> etags = new ArrayList<>();
        for (Result read : ops.run(reads)) {
            JobState.Item item = byIndex.get(read.op().index());
            if (read.ok() && ItemBodies.sameContent(read.item(), item.body, paths)) {
                ours.add(item);
                etags.add(read.etag());
            } else {
                log.finished(item, MoveOutcome.CONFLICT, "An item with id \"" + item.id
                        + "\" already exists in the target partition; it was left as it is.", false);
            }
        }
        // our creates whose answers were lost: on record before the journal says they were made
        recordRecoveredCopies(ours, etags);
        for (int i = 0; i < ours.size(); i++) {
            JobState.Item item = ours.get(i);
            steps.reached(MoveStep.AFTER_CREATE, item.index, item.id);
            log.created(item, etags.get(i));
            foundInTarget.add(item);
        }
        return ours;
    }

    /**
     * Copies of this job found in the target with its content although no answer said so (a create whose answer
     * was lost): recorded in the audit log as made, once; {@code etags} are theirs as found.
     */
    void recordRecoveredCopies(List<JobState.Item> items, List<String> etags) {
        if (!items.isEmpty()) {
            ops.recordRecovered(createOps(items), java.util.Collections.nCopies(items.size(), 201), etags);
        }
    }

    /** Sources of this job found gone although no answer said so (a delete whose answer was lost): recorded, once. */
    void recordRecoveredDeletes(List<JobState.Item> items) {
        if (!items.isEmpty()) {
            ops.recordRecovered(items.stream().map(i -> Op.delete(i.index, i.id, i.source, i.sourceEtag, i.body,
                    AuditOperation.MOVE_DELETE_SOURCE)).toList(), java.util.Collections.nCopies(items.size(), 204),
                    java.util.Collections.nCopies(items.size(), (String) null));
        }
    }

    /** Items whose CREATED is synced: ends those whose source is gone already, starts deleting the others. */
    private void startDeletes(List<JobState.Item> items) {
        List<JobState.Item> toDelete = new ArrayList<>();
        for (JobState.Item item : items) {
            if (item.sourceDeleted) {
                steps.reached(MoveStep.BEFORE_DONE_MARK, item.index, item.id);
                log.finished(item, MoveOutcome.MOVED, null, false);
            } else {
                toDelete.add(item);
            }
        }
        if (!toDelete.isEmpty()) {
            List<Op> deletes = toDelete.stream().map(i -> Op.delete(i.index, i.id, i.source, i.sourceEtag,
                    i.body, AuditOperation.MOVE_DELETE_SOURCE)).toList(); // the journal's body: the source's own
            deleting = new Running(toDelete, background.start(deletes));
        }
    }

    /** Waits for {@code batch}'s deletes (none: nothing to do) and records how they ended, not synced. */
    private void recordDeletes(Running batch) {
        if (batch == null) {
            return;
        }
        Map<Integer, JobState.Item> byIndex = index(batch.items());
        Map<JobState.Item, String> compensate = new HashMap<>();
        List<JobState.Item> compensateOrder = new ArrayList<>();
        for (Result result : background.await(batch.call())) {
            JobState.Item item = byIndex.get(result.op().index());
            if (!result.ok() && result.status() == 404 && foundInTarget.remove(item)) {
                // the same content was in the target already and the source is gone: moved before, e.g. by an
                // earlier move of the same rows; reported as such, not as a move of ours
                steps.reached(MoveStep.AFTER_DELETE, item.index, item.id);
                steps.reached(MoveStep.BEFORE_DONE_MARK, item.index, item.id);
                log.finished(item, MoveOutcome.ALREADY_IN_TARGET, "It was moved before: it is in the target "
                        + "partition and no longer in its source. Nothing was changed.", false);
            } else if (result.ok() || result.status() == 404) {
                foundInTarget.remove(item);
                steps.reached(MoveStep.AFTER_DELETE, item.index, item.id);
                log.sourceDeleted(item);
                steps.reached(MoveStep.BEFORE_DONE_MARK, item.index, item.id);
                log.finished(item, MoveOutcome.MOVED, result.ok() ? null : "The source was already gone.", false);
            } else {
                compensate.put(item, result.status() == 412 ? null
                        : "Could not delete the source (" + result.reason() + "); the copy was removed again.");
                compensateOrder.add(item);
            }
        }
        removeCopies(compensateOrder, compensate);
    }

    /** Deletes our copies again (If-Match on the copy's ETag): the item stays where it was. */
    private void removeCopies(List<JobState.Item> items, Map<JobState.Item, String> reasons) {
        if (items.isEmpty()) {
            return;
        }
        List<Op> deletes = items.stream().map(i -> Op.delete(i.index, i.id, i.target, i.copyEtag,
                ItemBodies.underKey(i.body, i.target, paths), AuditOperation.MOVE_REMOVE_COPY)).toList();
        Map<Integer, JobState.Item> byIndex = index(items);
        for (Result result : ops.run(deletes)) {
            JobState.Item item = byIndex.get(result.op().index());
            String reason = reasons.get(item);
            if (result.ok() || result.status() == 404) {
                if (reason == null) {
                    log.finished(item, MoveOutcome.CHANGED,
                            "The source changed during the move; it was not moved and is unchanged.", true);
                } else {
                    log.finished(item, MoveOutcome.FAILED, reason, true);
                }
            } else {
                log.finished(item, MoveOutcome.FAILED, "The source changed during the move and so did the copy ("
                        + result.reason() + "): both versions were kept; compare and delete one.", false);
            }
        }
    }

    /** Removes a copy during recovery; used when the source changed before the copy was cleaned up. */
    void removeCopiesOfChanged(List<JobState.Item> items) {
        Map<JobState.Item, String> none = new HashMap<>();
        removeCopies(items, none);
    }

    static Map<Integer, JobState.Item> index(List<JobState.Item> items) {
        Map<Integer, JobState.Item> byIndex = new HashMap<>();
        items.forEach(i -> byIndex.put(i.index, i));
        return byIndex;
    }

    static ObjectNode bodyOrNull(Result result) {
        return result.ok() ? result.item() : null;
    }
}
