package io.cosmosdesk.move;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.SqlParameter;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    private static final int PREVIEW_IDS_PER_QUERY = 500;

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
     * Every item {@code query} selects, with bodies: the query the grid ran (typed filter or parameterised
     * conditions such as "Go to id"), sent as a {@link SqlQuerySpec}, never pasted together from display text.
     */
    public List<MoveSource> findItemsToMove(ContainerHandle handle, ItemQuery query) {
        try {
            List<ObjectNode> items = handle.container()
                    .queryItems(query.toSqlQuerySpec(), new CosmosQueryRequestOptions(), ObjectNode.class)
                    .collectList().block();
            List<String> paths = handle.info().partitionKeyPaths();
            return items.stream().map(i -> new MoveSource(i.path("id").asText(), PartitionKeyValue.fromItem(i, paths),
                    i.path("_etag").asText(null), i)).toList();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Finding the items to move", e);
        }
    }

    /** What moving {@code sources} to {@code target} would do; writes nothing. */
    public MovePreview previewMove(ContainerHandle handle, List<MoveSource> sources, PartitionKeyValue target) {
        return previewMoveTo(handle, sources, MoveTarget.of(target));
    }

    /** What moving {@code sources} to {@code target} would do, each item to its own resolved key; writes nothing. */
    public MovePreview previewMoveTo(ContainerHandle handle, List<MoveSource> sources, MoveTarget target) {
        handle.connection().requireWritable();
        requireValidTarget(handle, target);
        int same = 0;
        // ids to look for, by the key they would move to: one query per key (and per 500 ids)
        Map<PartitionKeyValue, LinkedHashSet<String>> idsByTarget = new LinkedHashMap<>();
        for (MoveSource source : sources) {
            PartitionKeyValue to = target.resolve(source.partitionKey());
            if (source.partitionKey().equals(to)) {
                same++;
            } else {
                idsByTarget.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(source.id());
            }
        }
        try {
            List<String> existing = new ArrayList<>();
            int toMove = 0;
            for (Map.Entry<PartitionKeyValue, LinkedHashSet<String>> group : idsByTarget.entrySet()) {
                List<String> ids = new ArrayList<>(group.getValue());
                toMove += ids.size();
                for (int from = 0; from < ids.size(); from += PREVIEW_IDS_PER_QUERY) {
                    existing.addAll(idsUnderKey(handle, ids.subList(from,
                            Math.min(ids.size(), from + PREVIEW_IDS_PER_QUERY)), group.getKey()));
                }
            }
            return new MovePreview(sources.size(), same, existing, estimateCharge(handle, sources, toMove));
        } catch (CosmosDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Previewing the move", e);
        }
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
        String jobId = LocalDateTime.now().format(JOB_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        JobLog log = JobLog.create(folder, jobId, handle, target, sources, editedBodies);
        Map<Integer, MoveSource> callerSources = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            callerSources.put(i, sources.get(i));
        }
        JobRunner runner = new JobRunner(log, handle, tuning, control, steps, writes);
        return run(runner, () -> runner.moveUnstarted(callerSources), "COMPLETED");
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
        return run(runner, () -> {
            recovery.resume();
            runner.moveUnstarted(Map.of());
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
            JobState state = JobState.replay(MoveJournal.read(file));
            if (state.ended()) {
                return null;
            }
            int finished = (int) state.items.stream().filter(JobState.Item::finished).count();
            return new MoveJobSummary(state.jobId, file, state.connectionName, state.endpoint, state.ref,
                    state.target.display(state.paths),
                    state.created, state.items.size(), finished, state.inFlight().size(), state.rollbackStarted, null);
        } catch (CosmosDeskException e) {
            return new MoveJobSummary(jobId, file, "", "", null, "", null, 0, 0, 0, false, e.userMessage());
        }
    }

    private MoveReport run(JobRunner runner, Runnable work, String expectedEnd) {
        JobLog log = runner.log();
        try {
            work.run();
            String end = log.state().endStatus;
            MoveReport.Status status = "CANCELLED".equals(end) ? MoveReport.Status.CANCELLED
                    : "ROLLED_BACK".equals(end) ? MoveReport.Status.ROLLED_BACK : MoveReport.Status.COMPLETED;
            MoveReport report = runner.report(status, null);
            return new MoveReport(report.jobId(), status, messageFor(report), report.items(), report.duration(),
                    report.requestCharge(), report.journal());
        } catch (ServerUnavailableException e) {
            return runner.report(MoveReport.Status.INTERRUPTED, e.last().userMessage()
                    + " The move stopped; nothing is lost: its journal is kept, and it can be resumed or rolled back.");
        } finally {
            try {
                runner.close();
            } finally {
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

    private static List<String> idsUnderKey(ContainerHandle handle, List<String> ids, PartitionKeyValue key) {
        SqlParameter idsParameter = new SqlParameter("@ids", ids);
        if (key.hasMissing()) {
            // a PartitionKey.NONE-scoped query reaches no partition; filter on the absent property instead
            String path = handle.info().partitionKeyPaths().get(0);
            SqlQuerySpec query = new SqlQuerySpec("SELECT c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id) AND NOT "
                    + "IS_DEFINED(" + JsonPath.fromPointer(path).toSqlExpression() + ")", idsParameter);
            return handle.container().queryItems(query, new CosmosQueryRequestOptions(), ObjectNode.class)
                    .map(n -> n.path("id").asText()).collectList().block();
        }
        SqlQuerySpec query = new SqlQuerySpec("SELECT c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id)", idsParameter);
        return handle.container().queryItems(query,
                        new CosmosQueryRequestOptions().setPartitionKey(key.toPartitionKey()), ObjectNode.class)
                .map(n -> n.path("id").asText()).collectList().block();
    }

    /**
     * A create and a conditional delete per item, scaled from a sample point read: writes of an item cost about
     * five times its read (Cosmos DB's rule of thumb for default indexing); items without a body add a read.
     */
    private static double estimateCharge(ContainerHandle handle, List<MoveSource> sources, int toMove) {
        if (toMove == 0) {
            return 0;
        }
        MoveSource sample = sources.get(0);
        double read = 1;
        if (JobRunner.addressProblem(sample.partitionKey()) == null) {
            try {
                read = Math.max(1, handle.container().readItem(sample.id(), sample.partitionKey().toPartitionKey(),
                        ObjectNode.class).block().getRequestCharge());
            } catch (RuntimeException e) {
                read = 1;
            }
        }
        long withoutBody = sources.stream().filter(s -> s.body() == null).count();
        return toMove * read * 10 + withoutBody * read;
    }
}
