package io.cosmosdesk.move;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Moves items to another partition key value without ever losing or duplicating one: per item, PLANNED is
 * journaled (and synced) before the copy is created with {@code createItem} (never upsert), the source is
 * deleted with If-Match on the recorded ETag, and a source that changed meanwhile gets its copy removed again.
 * Jobs interrupted by a crash are found by {@link #findUnfinishedJobs} and finished by {@link #resumeJob} or
 * undone by {@link #rollBackJob}. All methods block: call them through the TaskRunner.
 */
public class MoveService {

    private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private static final int QUERY_PAGE = 1_000;

    private final Path folder;
    private final MoveTuning tuning;
    private final MoveStepListener steps;
    private final AuditedWrites writes;

    /**
     * {@code folder}: where journals live, {@code AppDirectories.data()/moves}; {@code writes}: the audited door
     * every copy and delete goes through.
     */
    public MoveService(Path folder, AuditedWrites writes) {
        this(folder, MoveTuning.defaults(), MoveStepListener.NONE, writes);
    }

    /** For tests and benchmarks: other pacing, and a listener told at every step (crash injection). */
    public MoveService(Path folder, MoveTuning tuning, MoveStepListener steps, AuditedWrites writes) {
        this.folder = folder;
        this.tuning = tuning;
        this.steps = steps;
        this.writes = java.util.Objects.requireNonNull(writes);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Records in the audit log that moving {@code sources} was refused because the connection is read-only (the
     * move dialog says so when it opens and never sends anything); returns how many entries were recorded. Does
     * nothing on a writable connection.
     */
    public int recordRefusedMove(ContainerHandle handle, List<MoveSource> sources) {
        try {
            handle.connection().requireWritable();
            return 0;
        } catch (CosmosDeskException why) {
            List<io.cosmosdesk.audit.Write<Void>> attempted = sources.stream()
                    .map(source -> io.cosmosdesk.audit.Write.<Void>create(io.cosmosdesk.audit.AuditOperation.MOVE_COPY,
                            source.id(), source.partitionKey(), source.body(), null))
                    .toList();
            writes.refusedAll(handle, attempted, why);
            return attempted.size();
        }
    }

    /**
     * Every item {@code query} selects, as a move's sources: the query the grid ran (typed filter or
     * parameterised conditions such as "Go to id"), sent as a {@link SqlQuerySpec}, never pasted together from
     * display text. Reads its count and its first {@link MatchingItems#SAMPLE} items only: the preview and the
     * move read the rest a page at a time.
     */
    public MatchingItems findItemsToMove(ContainerHandle handle, ItemQuery query) {
        try {
            Long count = handle.container().queryItems(query.toCountSpec(), new CosmosQueryRequestOptions(), Long.class)
                    .blockFirst();
            QueryPages pages = new QueryPages(handle, query.toSqlQuerySpec(), MatchingItems.SAMPLE, tuning);
            List<MoveSource> first = pages.next();
            return new MatchingItems(query, count == null ? 0 : count, first == null ? List.of() : first);
        } catch (CosmosDeskException e) {
            throw e;
        } catch (ServerUnavailableException e) {
            throw e.last();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Finding the items to move", e);
        }
    }

    /**
     * What moving every item {@code matching} selects to {@code target} would do, read a page at a time
     * (conflicts looked up per page); writes nothing.
     */
    public MovePreview previewMoveTo(ContainerHandle handle, MatchingItems matching, MoveTarget target) {
        handle.connection().requireWritable();
        requireValidTarget(handle, target);
        QueryPages pages = new QueryPages(handle, matching.query().toSqlQuerySpec(), tuning.batchSize(), tuning);
        MovePreviewer counts = new MovePreviewer();
        try {
            List<MoveSource> page;
            while ((page = pages.next()) != null) {
                counts.add(handle, page, target);
            }
        } catch (ServerUnavailableException e) {
            throw e.last();
        }
        return counts.preview(handle, matching.firstItems(), 0);
    }

    /** What moving {@code sources} to {@code target} would do; writes nothing. */
    public MovePreview previewMove(ContainerHandle handle, List<MoveSource> sources, PartitionKeyValue target) {
        return previewMoveTo(handle, sources, MoveTarget.of(target));
    }

    /** What moving {@code sources} to {@code target} would do, each item to its own resolved key; writes nothing. */
    public MovePreview previewMoveTo(ContainerHandle handle, List<MoveSource> sources, MoveTarget target) {
        handle.connection().requireWritable();
        requireValidTarget(handle, target);
        MovePreviewer counts = new MovePreviewer();
        counts.add(handle, sources, target);
        return counts.preview(handle, sources, sources.stream().filter(s -> s.body() == null).count());
    }

    /**
     * Up to {@code limit} distinct values of the partition key level {@code path} in the container, as
     * suggestions for a move target (strings, numbers, booleans).
     */
    public List<Object> suggestTargetValues(ContainerHandle handle, String path, int limit) {
        SqlQuerySpec query = new SqlQuerySpec("SELECT DISTINCT VALUE " + JsonPath.fromPointer(path).toSqlExpression() + " FROM c");
        try {
            List<com.fasterxml.jackson.databind.JsonNode> values = handle.container()
                    .queryItems(query, new CosmosQueryRequestOptions(), com.fasterxml.jackson.databind.JsonNode.class)
                    .take(limit).collectList().block();
            List<Object> suggestions = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode value : values) {
                if (value.isTextual()) {
                    suggestions.add(value.textValue());
                } else if (value.isBoolean()) {
                    suggestions.add(value.booleanValue());
                } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                    suggestions.add(value.longValue());
                } else if (value.isNumber()) {
                    suggestions.add(value.doubleValue());
                }
            }
            return suggestions;
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the partition key values", e);
        }
    }

    /** Moves {@code sources} to {@code target}; returns the report (also when the server stayed unreachable). */
    public MoveReport moveItems(ContainerHandle handle, List<MoveSource> sources, PartitionKeyValue target,
            MoveControl control) {
        return moveItems(handle, sources, MoveTarget.of(target), false, control);
    }

    /**
     * Moves each of {@code sources} to {@code target} resolved against its own key (levels marked
     * {@link MoveTarget#KEEP} keep the item's value); the journal records each item's own target.
     */
    public MoveReport moveItemsTo(ContainerHandle handle, List<MoveSource> sources, MoveTarget target,
            MoveControl control) {
        return moveItems(handle, sources, target, false, control);
    }

    /**
     * Moves every item {@code matching}'s query selects when the move runs, each to {@code target} resolved
     * against its own key, reading the query a page at a time: the journal lists the items a batch at a time, so
     * neither memory nor the journal's header grows with the selection. Items already under their target value
     * are passed over (not listed).
     */
    public MoveReport moveItemsTo(ContainerHandle handle, MatchingItems matching, MoveTarget target,
            MoveControl control) {
        handle.connection().requireWritable();
        requireValidTarget(handle, target);
        SqlQuerySpec query = matching.query().toSqlQuerySpec();
        JobLog log = JobLog.createStreamed(folder, newJobId(), handle, target, query, matching.count());
        JobRunner runner = new JobRunner(log, handle, tuning, control, steps, writes);
        return run(runner, () -> runner.moveUnstarted(Map.of(), new QueryPages(handle, query, pageSize(), tuning)),
                "COMPLETED");
    }

    /**
     * Moves the editor's item: {@code edited} is the edited body (its partition key value is taken from
     * {@code target}), {@code sourceEtag} the ETag the editor loaded. If the item changed on the server since,
     * nothing moves and the report says "changed during move".
     */
    public MoveReport moveEditedItem(ContainerHandle handle, String id, PartitionKeyValue source, String sourceEtag,
            ObjectNode edited, PartitionKeyValue target, MoveControl control) {
        return moveItems(handle, List.of(new MoveSource(id, source, sourceEtag, edited)), MoveTarget.of(target), true,
                control);
    }

    private MoveReport moveItems(ContainerHandle handle, List<MoveSource> sources, MoveTarget target,
            boolean editedBodies, MoveControl control) {
        handle.connection().requireWritable();
        requireValidTarget(handle, target);
        JobLog log = JobLog.create(folder, newJobId(), handle, target, sources, editedBodies);
        Map<Integer, MoveSource> callerSources = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            callerSources.put(i, sources.get(i));
        }
        JobRunner runner = new JobRunner(log, handle, tuning, control, steps, writes);
        return run(runner, () -> runner.moveUnstarted(callerSources, null), "COMPLETED");
    }

    /**
     * Items per query page when a move reads its query: at least a batch, and no fewer than a thousand (each page
     * is a query execution of its own; the move splits pages into batches).
     */
    private int pageSize() {
        return Math.max(tuning.batchSize(), QUERY_PAGE);
    }

    private static String newJobId() {
        return LocalDateTime.now().format(JOB_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Finishes an unfinished job: settles the items in flight, then moves the ones never started. */
    public MoveReport resumeJob(ContainerHandle handle, String jobId, MoveControl control) {
        handle.connection().requireWritable();
        JobLog log = openJob(handle, jobId);
        if (log.state().rollbackStarted) {
            log.close();
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST,
                    "A roll back of this move was started; it can only be rolled back.");
        }
        JobRunner runner = new JobRunner(log, handle, tuning, control, steps, writes);
        JobRecovery recovery = new JobRecovery(runner, handle.info().partitionKeyPaths(), tuning, steps);
        JobState state = log.state();
        QueryPages more = state.streamed && !state.listingComplete
                ? new QueryPages(handle, JobLog.query(state.query), pageSize(), tuning) : null;
        return run(runner, () -> {
            recovery.resume();
            // a streamed job reads its query again from the start: what moved is under its target now
            runner.moveUnstarted(Map.of(), more);
        }, "COMPLETED");
    }

    /** Undoes an unfinished job: every item it touched goes back under its source value. */
    public MoveReport rollBackJob(ContainerHandle handle, String jobId, MoveControl control) {
        handle.connection().requireWritable();
        JobLog log = openJob(handle, jobId);
        JobRunner runner = new JobRunner(log, handle, tuning, control, steps, writes);
        JobRecovery recovery = new JobRecovery(runner, handle.info().partitionKeyPaths(), tuning, steps);
        return run(runner, recovery::rollBack, "ROLLED_BACK");
    }

    /** Jobs that did not end (a crash, a lost server), oldest first; damaged journals are listed with the problem. */
    public List<MoveJobSummary> findUnfinishedJobs() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<MoveJobSummary> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(MoveJournal.EXTENSION)).sorted()
                    .toList()) {
                jobs.add(summarise(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the move journals in " + folder, e);
        }
        return jobs.stream().filter(j -> j != null).toList();
    }

    private static MoveJobSummary summarise(Path file) {
        String name = file.getFileName().toString();
        String jobId = name.substring(0, name.length() - MoveJournal.EXTENSION.length());
        try {
            JobState state = JobState.replay(file);
            if (state.ended()) {
                return null;
            }
            return new MoveJobSummary(state.jobId, file, state.connectionName, state.endpoint, state.ref,
                    state.target.display(state.paths), state.created, state.total(), state.finishedCount(),
                    state.inFlight().size(), state.rollbackStarted, null);
        } catch (CosmosDeskException e) {
            return new MoveJobSummary(jobId, file, "", "", null, "", null, 0, 0, 0, false, e.userMessage());
        }
    }

    private MoveReport run(JobRunner runner, Runnable work, String expectedEnd) {
        JobLog log = runner.log();
        try {
            work.run();
            // the audit entries of the job's writes are on disk before it reports
            writes.flush();
            String end = log.state().endStatus;
            MoveReport.Status status = "CANCELLED".equals(end) ? MoveReport.Status.CANCELLED
                    : "ROLLED_BACK".equals(end) ? MoveReport.Status.ROLLED_BACK : MoveReport.Status.COMPLETED;
            MoveReport report = runner.report(status, null);
            return new MoveReport(report.jobId(), status, messageFor(report), report.items(), report.counts(),
                    report.duration(), report.requestCharge(), report.journal());
        } catch (ServerUnavailableException e) {
            return runner.report(MoveReport.Status.INTERRUPTED, e.last().userMessage()
                    + " The move stopped; nothing is lost: its journal is kept, and it can be resumed or rolled back.");
        } finally {
            try {
                runner.close();
            } finally {
                writes.flush();
                log.close();
            }
        }
    }

    private static String messageFor(MoveReport report) {
        return switch (report.status()) {
            case CANCELLED -> "Cancelled: " + report.summary() + ".";
            case ROLLED_BACK -> "Rolled back: " + report.summary() + ".";
            default -> "Done: " + report.summary() + ".";
        };
    }

    private JobLog openJob(ContainerHandle handle, String jobId) {
        Path file = folder.resolve(jobId + MoveJournal.EXTENSION);
        if (!Files.isRegularFile(file)) {
            throw new CosmosDeskException(ErrorKind.NOT_FOUND, "No unfinished move job " + jobId + ".");
        }
        JobLog log = JobLog.open(file);
        if (!log.state().ref.equals(handle.ref())) {
            log.close();
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST,
                    "This move job belongs to " + log.state().ref + ", not " + handle.ref() + ".");
        }
        return log;
    }

    /** One value (or keep) per level; hierarchical keys cannot have a missing (or null) level. */
    static void requireValidTarget(ContainerHandle handle, MoveTarget target) {
        int levels = handle.info().partitionKeyPaths().size();
        if (target.levels().size() != levels) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST,
                    "The target needs one value per partition key level (" + levels + ").");
        }
        if (levels > 1 && (target.levels().contains(PartitionKeyValue.MISSING) || target.levels().contains(null))) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST,
                    "A hierarchical partition key cannot have a missing or null level.");
        }
        if (levels == 1 && target.keepsAny()) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "Choose the value to move to.");
        }
    }

}
