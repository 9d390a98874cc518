package io.cosmosdesk.move;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a job's records to its {@link MoveJournal} and keeps its {@link JobState} current. Appends are
 * durable only after {@link #sync()}; the mover syncs before the server writes they describe.
 *
 * <pre>
 * {"t":"JOB","v":1,"job":..,"connection":..,"endpoint":..,"database":..,"container":..,"paths":[..],"hierarchical":..,
 *  "target":[..],"created":..,"editedBodies":..,"items":[{"id":..,"pk":[..],"etag":..,"dst":[..]}, ...]}
 *   a streamed job (every item a query selects) has no "items" but "streamed":true,"expected":n,
 *   "query":{"sql":..,"parameters":[{"name":..,"value":..}]}, and lists its items a batch at a time:
 * {"t":"ITEMS","from":500,"items":[{"id":..,"pk":[..],"etag":..,"dst":[..]}, ...]}   {"t":"LISTED"} (query read to its end)
 * {"t":"PLANNED","n":7,"id":..,"src":[..],"etag":..,"dst":[..],"body":{..}}
 * {"t":"CREATED","n":7,"etag":..}
 * {"t":"SOURCE_DELETED","n":7}
 * {"t":"DONE"|"COMPENSATED"|"FAILED"|"SKIPPED"|"ROLLED_BACK","n":7,"outcome":..,"reason":..}
 * {"t":"ROLLBACK_STARTED"}   {"t":"SOURCE_RESTORED","n":7,"etag":..}   {"t":"END","status":..}
 * </pre>
 * Partition key values are arrays with one element per level; {@code {"missing":true}} marks MISSING. The
 * header's target may hold {@code {"keep":true}} levels; each item's {@code dst} is its own resolved target.
 */
final class JobLog implements AutoCloseable {

    static final int VERSION = 1;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MoveJournal journal;
    private final JobState state;

    private JobLog(MoveJournal journal, JobState state) {
        this.journal = journal;
        this.state = state;
    }

    static JobLog create(Path folder, String jobId, ContainerHandle handle, MoveTarget target,
            List<MoveSource> sources, boolean editedBodies) {
        ObjectNode header = header(jobId, handle, target, editedBodies);
        ArrayNode items = header.putArray("items");
        for (MoveSource source : sources) {
            items.add(listing(source, target));
        }
        return create(folder, jobId, header);
    }

    /**
     * A job over every item {@code query} selects: the header holds the query and its count ({@code expected}),
     * the items are {@link #listed} a batch at a time as the query is read.
     */
    static JobLog createStreamed(Path folder, String jobId, ContainerHandle handle, MoveTarget target,
            SqlQuerySpec query, long expected) {
        ObjectNode header = header(jobId, handle, target, false).put("streamed", true).put("expected", expected);
        ObjectNode spec = header.putObject("query").put("sql", query.getQueryText());
        ArrayNode parameters = spec.putArray("parameters");
        for (SqlParameter parameter : query.getParameters()) {
            parameters.addObject().put("name", parameter.getName())
                    .set("value", Json.MAPPER.valueToTree(parameter.getValue(Object.class)));
        }
        return create(folder, jobId, header);
    }

    private static JobLog create(Path folder, String jobId, ObjectNode header) {
        MoveJournal journal = MoveJournal.create(folder, jobId, header);
        return new JobLog(journal, JobState.replay(journal.file()));
    }

    private static ObjectNode header(String jobId, ContainerHandle handle, MoveTarget target, boolean editedBodies) {
        ObjectNode header = JSON.objectNode();
        header.put("t", "JOB").put("v", VERSION).put("job", jobId)
                .put("connection", handle.connection().profile().name())
                .put("endpoint", handle.connection().profile().endpoint())
                .put("database", handle.ref().databaseId()).put("container", handle.ref().containerId());
        ArrayNode paths = header.putArray("paths");
        handle.info().partitionKeyPaths().forEach(paths::add);
        header.put("hierarchical", handle.info().hierarchical());
        header.set("target", target.toJsonArray());
        header.put("created", Instant.now().toString());
        header.put("editedBodies", editedBodies);
        return header;
    }

    private static ObjectNode listing(MoveSource source, MoveTarget target) {
        ObjectNode item = JSON.objectNode().put("id", source.id());
        item.set("pk", source.partitionKey().toJsonArray());
        item.put("etag", source.etag());
        item.set("dst", target.resolve(source.partitionKey()).toJsonArray());
        return item;
    }

    /** The query of a streamed job, as {@link #createStreamed} recorded it. */
    static SqlQuerySpec query(ObjectNode spec) {
        List<SqlParameter> parameters = new ArrayList<>();
        for (JsonNode parameter : spec.path("parameters")) {
            parameters.add(new SqlParameter(parameter.path("name").asText(),
                    Json.MAPPER.convertValue(parameter.get("value"), Object.class)));
        }
        return new SqlQuerySpec(spec.path("sql").asText(), parameters);
    }

    /**
     * Adds {@code sources} to a streamed job (an ITEMS record, durable with the next sync, which comes before any
     * write for them) and returns them as the job's items, in order.
     */
    List<JobState.Item> listed(List<MoveSource> sources) {
        int first = state.listed();
        ObjectNode record = JSON.objectNode().put("t", "ITEMS").put("from", first);
        ArrayNode items = record.putArray("items");
        sources.forEach(source -> items.add(listing(source, state.target)));
        write(record);
        List<JobState.Item> listed = new ArrayList<>(sources.size());
        for (int index = first; index < state.listed(); index++) {
            listed.add(state.item(index));
        }
        return listed;
    }

    /** The streamed job's query was read to its end: every item it selects is listed. */
    void listingComplete() {
        write(JSON.objectNode().put("t", "LISTED"));
    }

    /** Continues an existing job: cuts a torn tail, locks the journal, replays it. */
    static JobLog open(Path file) {
        MoveJournal journal = MoveJournal.openForAppend(file);
        try {
            return new JobLog(journal, JobState.replay(file));
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    JobState state() {
        return state;
    }

    MoveJournal journal() {
        return journal;
    }

    void planned(JobState.Item item, String sourceEtag, PartitionKeyValue target, ObjectNode body) {
        ObjectNode record = record("PLANNED", item).put("id", item.id);
        record.set("src", item.source.toJsonArray());
        record.put("etag", sourceEtag);
        record.set("dst", target.toJsonArray());
        record.set("body", body);
        write(record);
    }

    void created(JobState.Item item, String copyEtag) {
        write(record("CREATED", item).put("etag", copyEtag));
    }

    void sourceDeleted(JobState.Item item) {
        write(record("SOURCE_DELETED", item));
    }

    void sourceRestored(JobState.Item item, String etag) {
        write(record("SOURCE_RESTORED", item).put("etag", etag));
    }

    /** Ends the item; {@code copyRemoved} marks a compensated move (the copy was deleted again). */
    void finished(JobState.Item item, MoveOutcome outcome, String reason, boolean copyRemoved) {
        write(record(outcome.recordType(copyRemoved), item).put("outcome", outcome.name()).put("reason", reason));
    }

    void rollbackStarted() {
        write(JSON.objectNode().put("t", "ROLLBACK_STARTED").put("at", Instant.now().toString()));
        sync();
    }

    /** Writes END, syncs and files the journal under done/. */
    void end(String status) {
        write(JSON.objectNode().put("t", "END").put("status", status).put("at", Instant.now().toString()));
        sync();
        journal.closeAsFinished();
    }

    void sync() {
        journal.sync();
    }

    private void write(ObjectNode record) {
        journal.append(record);
        state.apply(record);
    }

    private static ObjectNode record(String type, JobState.Item item) {
        return JSON.objectNode().put("t", type).put("n", item.index);
    }

    @Override
    public void close() {
        journal.close();
    }
}
