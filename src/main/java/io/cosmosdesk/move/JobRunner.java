package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.ItemOperations.Op;
import io.cosmosdesk.move.ItemOperations.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one job on one thread: plans items a batch at a time (PLANNED synced before any write), hands them
 * to the {@link ItemMover}, reports progress, honours Cancel between batches, and turns the journal into the
 * final {@link MoveReport}. The server works on the previous batch's deletes while a batch is planned; only
 * this thread writes the journal. {@link #close} once the job returns or fails.
 */
final class JobRunner implements AutoCloseable {

    private final JobLog log;
    private final ContainerHandle handle;
    private final MoveTuning tuning;
    private final MoveControl control;
    private final MoveStepListener steps;
    private final ItemOperations ops;
    private final BackgroundOperations background;
    private final ItemMover mover;
    private final long startNanos = System.nanoTime();
    private final int processedAtStart;
    private volatile String status = "";

    JobRunner(JobLog log, ContainerHandle handle, MoveTuning tuning, MoveControl control, MoveStepListener steps,
            AuditedWrites writes) {
        this.log = log;
        this.handle = handle;
        this.tuning = tuning;
        this.control = control;
        this.steps = steps;
        this.ops = new ItemOperations(writes, handle, log.state().jobId, tuning, this::status);
        this.background = new BackgroundOperations(ops, this::status);
        this.mover = new ItemMover(log, handle.info().partitionKeyPaths(), ops, background, steps);
        this.processedAtStart = log.state().finishedCount();
    }

    JobLog log() {
        return log;
    }

    ItemOperations ops() {
        return ops;
    }

    ItemMover mover() {
        return mover;
    }

    /**
     * Moves every item not yet started, batch by batch, then, for a job over a query ({@code more} not null),
     * every further item the query selects as it reads it, a page at a time. {@code callerSources} holds the
     * bodies the caller gave, by job index; others are read from the server. Ends the job (COMPLETED or
     * CANCELLED).
     *
     * <p>A batch is planned while the server works on the one before (its copies) and the one before that
     * (its deletes); Cancel, once those copies are recorded, leaves the planned batch unstarted.
     */
    void moveUnstarted(Map<Integer, MoveSource> callerSources, QueryPages more) {
        List<JobState.Item> unstarted = log.state().unstarted();
        boolean cancelled = false;
        for (int from = 0; from < unstarted.size() && !cancelled; from += tuning.batchSize()) {
            cancelled = moveBatch(unstarted.subList(from, Math.min(unstarted.size(), from + tuning.batchSize())),
                    callerSources);
        }
        if (!cancelled && more != null) {
            cancelled = moveMatching(more);
        }
        mover.finish();
        reportProgress();
        for (JobState.Item item : log.state().unstarted()) {
            log.finished(item, MoveOutcome.NOT_STARTED, null, false);
            cancelled = true;
        }
        log.end(cancelled ? "CANCELLED" : "COMPLETED");
    }

    /** Plans and starts one batch; true when Cancel stopped the job before it (nothing written for it). */
    private boolean moveBatch(List<JobState.Item> batch, Map<Integer, MoveSource> sources) {
        if (control.isCancelRequested()) {
            return true;
        }
        List<JobState.Item> planned = plan(batch, sources);
        mover.recordFinished();
        if (control.isCancelRequested()) {
            // planned, but nothing was written to the server for them
            planned.forEach(item -> log.finished(item, MoveOutcome.NOT_STARTED, null, false));
            return true;
        }
        mover.start(planned);
        reportProgress();
        return false;
    }

    /**
     * Lists and moves the items the job's query selects, page by page. Items already under their target value
     * are passed over unlisted (also the copies this job made, which a query may meet again), and so are items
     * this job ended without moving (a resume reads the query again from its start). True when cancelled.
     */
    private boolean moveMatching(QueryPages pages) {
        JobState state = log.state();
        while (true) {
            if (control.isCancelRequested()) {
                return true;
            }
            List<MoveSource> page = pages.next();
            if (page == null) {
                break;
            }
            List<MoveSource> fresh = new ArrayList<>(page.size());
            for (MoveSource source : page) {
                if (!source.partitionKey().equals(state.target.resolve(source.partitionKey()))
                        && !state.endedInSource(source.id(), source.partitionKey())) {
                    fresh.add(source);
                }
            }
            for (int from = 0; from < fresh.size(); from += tuning.batchSize()) {
                List<MoveSource> part = fresh.subList(from, Math.min(fresh.size(), from + tuning.batchSize()));
                List<JobState.Item> batch = log.listed(part);
                Map<Integer, MoveSource> bodies = new HashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    bodies.put(batch.get(i).index, part.get(i));
                }
                if (moveBatch(batch, bodies)) {
                    return true;
                }
            }
        }
        log.listingComplete();
        return false;
    }

    /**
     * Waits for operations still running in the background (a job that failed half-way), retrying none of
     * them: nothing reaches the server after the job has returned.
     */
    @Override
    public void close() {
        background.close();
    }

    /** Reads what must be read, settles items that need no write, records PLANNED for the rest (not synced). */
    private List<JobState.Item> plan(List<JobState.Item> batch, Map<Integer, MoveSource> callerSources) {
        List<String> paths = handle.info().partitionKeyPaths();
        List<JobState.Item> toRead = new ArrayList<>();
        List<JobState.Item> planned = new ArrayList<>();
        for (JobState.Item item : batch) {
            String problem = addressProblem(item.source);
            if (problem != null) {
                log.finished(item, MoveOutcome.FAILED, problem, false);
            } else if (item.source.equals(item.target)) {
                log.finished(item, MoveOutcome.ALREADY_IN_TARGET, null, false);
            } else if (callerSources.containsKey(item.index) && callerSources.get(item.index).body() != null) {
                MoveSource source = callerSources.get(item.index);
                planIfValid(item, source.etag(), source.body(), planned);
            } else if (log.state().editedBodies) {
                // the edited text lived only in the editor that started the job: never move the stale server copy
                log.finished(item, MoveOutcome.NOT_STARTED, "The edited version was not saved; edit it again.", false);
            } else {
                toRead.add(item);
            }
        }
        if (!toRead.isEmpty()) {
            List<Op> reads = toRead.stream().map(i -> Op.read(i.index, i.id, i.source)).toList();
            Map<Integer, JobState.Item> byIndex = ItemMover.index(toRead);
            for (Result read : ops.run(reads)) {
                JobState.Item item = byIndex.get(read.op().index());
                if (read.status() == 404) {
                    log.finished(item, MoveOutcome.NOT_FOUND, null, false);
                } else if (!read.ok()) {
                    log.finished(item, MoveOutcome.FAILED, "Could not read it: " + read.reason(), false);
                } else if (item.expectedEtag != null && !item.expectedEtag.equals(read.etag())) {
                    log.finished(item, MoveOutcome.CHANGED,
                            "It changed since it was selected; it was not moved.", false);
                } else {
                    planIfValid(item, read.etag(), read.item(), planned);
                }
            }
        }
        planned.sort((a, b) -> Integer.compare(a.index, b.index));
        return planned;
    }

    private void planIfValid(JobState.Item item, String etag, ObjectNode body, List<JobState.Item> planned) {
        if (etag == null || body == null || !item.id.equals(body.path("id").asText(null))) {
            log.finished(item, MoveOutcome.FAILED, etag == null ? "Its ETag is not known; reload it and move again."
                    : "Its body does not carry the id \"" + item.id + "\".", false);
            return;
        }
        log.planned(item, etag, item.target, ItemContent.withoutSystemProperties(body));
        planned.add(item);
    }

    /** Why a partition key value cannot address an item (a hierarchical key with an absent or null level). */
    static String addressProblem(PartitionKeyValue key) {
        try {
            key.toPartitionKey();
            return null;
        } catch (CosmosDeskException e) {
            return e.userMessage();
        }
    }

    private void status(String line) {
        status = line;
        reportProgress();
    }

    void reportProgress() {
        JobState state = log.state();
        int processed = state.finishedCount();
        int moved = state.count(MoveOutcome.MOVED) + state.count(MoveOutcome.ROLLED_BACK);
        int conflicts = state.count(MoveOutcome.CONFLICT);
        int changed = state.count(MoveOutcome.CHANGED);
        int failed = state.count(MoveOutcome.FAILED) + state.count(MoveOutcome.UNFINISHED);
        int skipped = processed - moved - conflicts - changed - failed;
        int total = state.total();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        int doneThisRun = processed - processedAtStart;
        Duration remaining = doneThisRun <= 0 ? null
                : elapsed.multipliedBy(Math.max(0, total - processed)).dividedBy(doneThisRun);
        control.report(new MoveProgress(total, processed, moved, skipped, conflicts, changed, failed, elapsed,
                remaining, status));
        status = "";
    }

    /**
     * The report, from the journal: every item's outcome, UNFINISHED for those a stop left half-way, NEVER_STARTED
     * for those it stopped before planning (nothing was written for them).
     */
    MoveReport report(MoveReport.Status jobStatus, String message) {
        JobState state = log.state();
        Map<MoveOutcome, Long> counts = new EnumMap<>(MoveOutcome.class);
        for (MoveOutcome outcome : MoveOutcome.values()) {
            if (state.count(outcome) > 0) {
                counts.put(outcome, (long) state.count(outcome));
            }
        }
        TreeMap<Integer, MoveReport.ItemResult> results = new TreeMap<>(state.lines());
        for (JobState.Item item : state.open()) {
            MoveOutcome outcome = item.planned ? MoveOutcome.UNFINISHED : MoveOutcome.NEVER_STARTED;
            counts.merge(outcome, 1L, Long::sum);
            results.put(item.index, new MoveReport.ItemResult(item.id, item.source.display(), item.target.display(),
                    outcome, ""));
        }
        return new MoveReport(state.jobId, jobStatus, message, List.copyOf(results.values()), counts,
                Duration.ofNanos(System.nanoTime() - startNanos), ops.charge(), log.journal().file());
    }
}
