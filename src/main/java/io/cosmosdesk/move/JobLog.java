package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a job's records to its {@link MoveJournal} and keeps its {@link JobState} current. Appends are
 * durable only after {@link #sync()}; the mover syncs before the server writes they describe.
 *
 * <pre>
 * {"t":"JOB","v":1,"job":..,"connection":..,"endpoint":..,"database":..,"container":..,"paths":[..],"hierarchical":..,
 *  "target":[..],"created":..,"editedBodies":..,"items":[{"id":..,"pk":[..],"etag":..,"dst":[..]}, ...]}
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
        ArrayNode items = header.putArray("items");
        for (MoveSource source : sources) {
            ObjectNode item = items.addObject().put("id", source.id());
            item.set("pk", source.partitionKey().toJsonArray());
            item.put("etag", source.etag());
            item.set("dst", target.resolve(source.partitionKey()).toJsonArray());
        }
        MoveJournal journal = MoveJournal.create(folder, jobId, header);
        return new JobLog(journal, JobState.replay(MoveJournal.read(journal.file())));
    }

    /** Continues an existing job: cuts a torn tail, locks the journal, replays it. */
    static JobLog open(Path file) {
        MoveJournal journal = MoveJournal.openForAppend(file);
        try {
            return new JobLog(journal, JobState.replay(MoveJournal.read(file)));
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
