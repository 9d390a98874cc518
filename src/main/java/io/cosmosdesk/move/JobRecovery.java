package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.move.ItemOperations.Op;
import io.cosmosdesk.move.ItemOperations.Result;
import io.cosmosdesk.move.RecoveryDecisions.Copy;
import io.cosmosdesk.move.RecoveryDecisions.Source;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Finishes an interrupted job either way, deciding each item from its journal and from what the server
 * holds now (see {@link RecoveryDecisions}), so that every item ends up existing exactly once with its
 * content unchanged apart from the partition key value and system properties. Both directions are
 * idempotent: a crash during recovery is recovered the same way.
 */
final class JobRecovery {

    private final JobRunner runner;
    private final JobLog log;
    private final List<String> paths;
    private final MoveTuning tuning;
    private final MoveStepListener steps;

    JobRecovery(JobRunner runner, List<String> paths, MoveTuning tuning, MoveStepListener steps) {
        this.runner = runner;
        this.log = runner.log();
        this.paths = paths;
        this.tuning = tuning;
        this.steps = steps;
    }

    /** What the server holds for one item: its source and the item with its id under the target value. */
    private record Found(JobState.Item item, Result source, Result copy) {
    }

    // ---- Resume

    /** Settles the items a stop left half-way, then moves the ones never started. */
    void resume() {
        List<JobState.Item> inFlight = log.state().inFlight();
        for (int from = 0; from < inFlight.size(); from += tuning.batchSize()) {
            List<JobState.Item> batch = inFlight.subList(from, Math.min(inFlight.size(), from + tuning.batchSize()));
            List<JobState.Item> forward = new ArrayList<>();
            List<JobState.Item> removeCopies = new ArrayList<>();
            List<Found> looked = look(batch);
            recordLostAnswers(looked);
            for (Found found : looked) {
                JobState.Item item = found.item();
                Copy copy = copyState(item, found.copy());
                switch (RecoveryDecisions.resume(sourceState(item, found.source()), copy)) {
                    case CREATE_THEN_DELETE -> {
                        item.created = false; // the copy we may have recorded is gone: make it again
                        forward.add(item);
                    }
                    case DELETE_SOURCE -> {
                        if (!item.created || !found.copy().etag().equals(item.copyEtag)) {
                            log.created(item, found.copy().etag());
                        }
                        forward.add(item);
                    }
                    case MARK_MOVED -> {
                        if (!item.sourceDeleted) {
                            log.sourceDeleted(item);
                        }
                        log.finished(item, MoveOutcome.MOVED, null, false);
                    }
                    case REMOVE_COPY_CHANGED -> {
                        item.copyEtag = found.copy().etag();
                        removeCopies.add(item);
                    }
                    case REPORT_CHANGED -> log.finished(item, MoveOutcome.CHANGED,
                            "The source changed during the move; it was not moved and is unchanged.", false);
                    case REPORT_CONFLICT -> log.finished(item, MoveOutcome.CONFLICT, "An item with id \"" + item.id
                            + "\" already exists in the target partition; it was left as it is.", false);
                    case REPORT_NOT_FOUND -> log.finished(item, MoveOutcome.NOT_FOUND, null, false);
                }
            }
            log.sync();
            runner.mover().removeCopiesOfChanged(removeCopies);
            runner.mover().recordFinished();
            runner.mover().start(forward);
            runner.reportProgress();
        }
        runner.mover().finish();
        runner.reportProgress();
    }

    /**
     * Writes the server applied whose answers the stop lost, as the server now shows them: a copy with the job's
     * content the journal never heard of, a source gone whose delete the journal never heard of. They go into the
     * audit log now (once: not when their entry was written before the stop), before the journal records them.
     */
    private void recordLostAnswers(List<Found> looked) {
        List<JobState.Item> copies = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        List<JobState.Item> deletes = new ArrayList<>();
        for (Found found : looked) {
            JobState.Item item = found.item();
            Copy copy = copyState(item, found.copy());
            RecoveryDecisions.ResumeAction action = RecoveryDecisions.resume(sourceState(item, found.source()), copy);
            if ((action == RecoveryDecisions.ResumeAction.DELETE_SOURCE
                    || action == RecoveryDecisions.ResumeAction.MARK_MOVED) && !item.created && found.copy().ok()) {
                copies.add(item);
                etags.add(found.copy().etag());
            }
            if (action == RecoveryDecisions.ResumeAction.MARK_MOVED && !item.sourceDeleted) {
                deletes.add(item);
            }
        }
        runner.mover().recordRecoveredCopies(copies, etags);
        runner.mover().recordRecoveredDeletes(deletes);
    }

    // ---- Roll back

    /**
     * Puts every item the job touched back under its source value, then ends the job as ROLLED_BACK. Items in
     * flight go first; the moved ones are read back from their PLANNED records in the journal a batch at a time,
     * so a roll back of any size holds one batch of bodies.
     */
    void rollBack() {
        if (!log.state().rollbackStarted) {
            log.rollbackStarted();
        }
        List<JobState.Item> inFlight = log.state().inFlight();
        for (int from = 0; from < inFlight.size(); from += tuning.batchSize()) {
            rollBackBatch(inFlight.subList(from, Math.min(inFlight.size(), from + tuning.batchSize())));
            runner.reportProgress();
        }
        BitSet moved = log.state().movedItems();
        if (!moved.isEmpty()) {
            log.sync();
            Path file = log.journal().file();
            List<JobState.Item> batch = new ArrayList<>();
            // only what is in the file now: the records this roll back appends meanwhile are not read back
            MoveJournal.scan(file, sizeOf(file), record -> {
                int index = record.path("n").asInt(-1);
                if ("PLANNED".equals(record.path("t").asText()) && index >= 0 && moved.get(index)
                        && log.state().item(index) == null) {
                    batch.add(movedItem(record));
                    if (batch.size() == tuning.batchSize()) {
                        rollBackBatch(List.copyOf(batch));
                        batch.clear();
                        runner.reportProgress();
                    }
                }
            });
            if (!batch.isEmpty()) {
                rollBackBatch(batch);
                runner.reportProgress();
            }
        }
        for (JobState.Item item : log.state().unstarted()) {
            log.finished(item, MoveOutcome.NOT_STARTED, "The job was rolled back before this item.", false);
        }
        log.end("ROLLED_BACK");
    }

    /** A moved item as its PLANNED record describes it, taken back into the job's state to be rolled back. */
    private JobState.Item movedItem(ObjectNode planned) {
        JobState.Item item = new JobState.Item(planned.path("n").asInt(), planned.path("id").asText(),
                PartitionKeyValue.fromJsonArray(planned.path("src")), null);
        item.planned = true;
        item.sourceEtag = planned.path("etag").asText();
        item.target = PartitionKeyValue.fromJsonArray(planned.path("dst"));
        item.body = (ObjectNode) planned.get("body");
        item.created = true;
        item.sourceDeleted = true;
        item.outcome = MoveOutcome.MOVED;
        log.state().reopen(item);
        return item;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the move journal " + file, e);
        }
    }

    private void rollBackBatch(List<JobState.Item> batch) {
        List<JobState.Item> restore = new ArrayList<>();
        List<JobState.Item> removeCopy = new ArrayList<>();
        for (Found found : look(batch)) {
            JobState.Item item = found.item();
            Source source = sourceState(item, found.source());
            Copy copy = copyState(item, found.copy());
            switch (RecoveryDecisions.rollBack(source, copy, item.created)) {
                case REMOVE_COPY -> {
                    item.copyEtag = found.copy().etag();
                    removeCopy.add(item);
                }
                case RESTORE_SOURCE_THEN_REMOVE_COPY -> {
                    item.copyEtag = found.copy().etag();
                    restore.add(item);
                }
                case NOTHING_TO_UNDO -> log.finished(item, MoveOutcome.ROLLED_BACK, null, false);
                case KEEP_IN_TARGET -> log.finished(item, MoveOutcome.KEPT_IN_TARGET, null, false);
                case REPORT_NOT_FOUND -> log.finished(item, MoveOutcome.NOT_FOUND, null, false);
            }
        }
        ItemOperations ops = runner.ops();
        if (!restore.isEmpty()) {
            List<Op> creates = restore.stream()
                    .map(i -> Op.create(i.index, i.id, i.source, ItemBodies.underKey(i.body, i.source, paths),
                            AuditOperation.MOVE_RESTORE_SOURCE))
                    .toList();
            Map<Integer, JobState.Item> byIndex = ItemMover.index(restore);
            for (Result result : ops.run(creates)) {
                JobState.Item item = byIndex.get(result.op().index());
                if (result.ok() || result.status() == 409) {
                    // 409: restored already (an answer lost) or re-created by someone: either way it exists
                    steps.reached(MoveStep.AFTER_SOURCE_RESTORED, item.index, item.id);
                    log.sourceRestored(item, result.etag());
                    removeCopy.add(item);
                } else {
                    log.finished(item, MoveOutcome.FAILED, "Could not restore the source (" + result.reason()
                            + "); the item stays in the target partition.", false);
                }
            }
            log.sync();
        }
        List<Op> deletes = removeCopy.stream().map(i -> Op.delete(i.index, i.id, i.target, i.copyEtag,
                ItemBodies.underKey(i.body, i.target, paths), AuditOperation.MOVE_REMOVE_COPY)).toList();
        Map<Integer, JobState.Item> byIndex = ItemMover.index(removeCopy);
        for (Result result : ops.run(deletes)) {
            JobState.Item item = byIndex.get(result.op().index());
            if (result.ok() || result.status() == 404) {
                steps.reached(MoveStep.AFTER_COPY_REMOVED, item.index, item.id);
                log.finished(item, MoveOutcome.ROLLED_BACK, null, false);
            } else {
                log.finished(item, MoveOutcome.FAILED, "The copy in the target changed during the roll back ("
                        + result.reason() + "): both versions were kept; compare and delete one.", false);
            }
        }
        log.sync();
    }

    // ---- What the server holds

    /** Reads each item's source and its id under the target value. */
    private List<Found> look(List<JobState.Item> items) {
        List<Op> reads = new ArrayList<>(items.size() * 2);
        for (JobState.Item item : items) {
            reads.add(Op.read(item.index * 2, item.id, item.source));
            reads.add(Op.read(item.index * 2 + 1, item.id, item.target));
        }
        List<Result> results = runner.ops().run(reads);
        List<Found> found = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Result source = results.get(i * 2);
            Result copy = results.get(i * 2 + 1);
            requireAnswer(source);
            requireAnswer(copy);
            found.add(new Found(items.get(i), source, copy));
        }
        return found;
    }

    /** Recovery never guesses: an answer other than found / not found stops it, journal intact. */
    private static void requireAnswer(Result read) {
        if (!read.ok() && read.status() != 404) {
            throw read.error() != null ? read.error()
                    : new CosmosDeskException(ErrorKind.UNKNOWN, "Could not read an item to recover it: " + read.reason());
        }
    }

    private static Source sourceState(JobState.Item item, Result read) {
        if (!read.ok()) {
            return Source.GONE;
        }
        return read.etag().equals(item.sourceEtag) ? Source.ORIGINAL : Source.CHANGED;
    }

    private Copy copyState(JobState.Item item, Result read) {
        if (!read.ok()) {
            return Copy.NONE;
        }
        ObjectNode copy = read.item();
        boolean ours = (item.copyEtag != null && item.copyEtag.equals(read.etag()))
                || ItemBodies.sameContent(copy, item.body, paths);
        return ours ? Copy.OURS : Copy.FOREIGN;
    }
}
