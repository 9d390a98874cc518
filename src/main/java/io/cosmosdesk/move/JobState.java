package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A move job as its journal tells it: the header's items in job order, and for each how far it got.
 * Built by replaying the journal, then kept current as {@link JobLog} appends.
 */
final class JobState {

    /** One item of the job. */
    static final class Item {
        final int index;
        final String id;
        final PartitionKeyValue source;
        /** The ETag the caller loaded (may be null); the one recorded at PLANNED is {@link #sourceEtag}. */
        final String expectedEtag;
        boolean planned;
        String sourceEtag;
        /** Where this item moves: the job's target resolved against its own key (PLANNED records it again). */
        PartitionKeyValue target;
        ObjectNode body;
        boolean created;
        String copyEtag;
        boolean sourceDeleted;
        boolean sourceRestored;
        MoveOutcome outcome;
        String reason;

        Item(int index, String id, PartitionKeyValue source, String expectedEtag) {
            this.index = index;
            this.id = id;
            this.source = source;
            this.expectedEtag = expectedEtag;
        }

        boolean finished() {
            return outcome != null;
        }

        /** Planned and not yet ended: a write may be half-way. */
        boolean inFlight() {
            return planned && outcome == null;
        }
    }

    final String jobId;
    final Path file;
    final String connectionName;
    /** The account's endpoint; "" in journals written before it was recorded. */
    final String endpoint;
    final ContainerRef ref;
    final List<String> paths;
    final boolean hierarchical;
    /** The job's target as chosen; each item's own key is {@link Item#target}. */
    final MoveTarget target;
    final Instant created;
    final boolean editedBodies;
    final List<Item> items = new ArrayList<>();
    boolean rollbackStarted;
    String endStatus;
    final boolean tornTail;

    private JobState(MoveJournal.Contents contents) {
        ObjectNode header = contents.header();
        this.file = contents.file();
        this.tornTail = contents.tornTail();
        this.jobId = header.path("job").asText();
        this.connectionName = header.path("connection").asText("");
        this.endpoint = header.path("endpoint").asText("");
        this.ref = new ContainerRef(header.path("database").asText(), header.path("container").asText());
        List<String> keyPaths = new ArrayList<>();
        header.path("paths").forEach(p -> keyPaths.add(p.asText()));
        this.paths = List.copyOf(keyPaths);
        this.hierarchical = header.path("hierarchical").asBoolean();
        this.target = MoveTarget.fromJsonArray(header.path("target"));
        this.created = Instant.parse(header.path("created").asText());
        this.editedBodies = header.path("editedBodies").asBoolean();
        int index = 0;
        for (JsonNode item : header.path("items")) {
            Item entry = new Item(index++, item.path("id").asText(), PartitionKeyValue.fromJsonArray(item.path("pk")),
                    item.hasNonNull("etag") ? item.get("etag").asText() : null);
            // each item's own target, recorded when the job began (journals before "dst" resolve it the same way)
            entry.target = item.has("dst") ? PartitionKeyValue.fromJsonArray(item.get("dst")) : target.resolve(entry.source);
            items.add(entry);
        }
    }

    static JobState replay(MoveJournal.Contents contents) {
        JobState state = new JobState(contents);
        for (ObjectNode record : contents.records()) {
            state.apply(record);
        }
        return state;
    }

    void apply(ObjectNode record) {
        String type = record.path("t").asText();
        switch (type) {
            case "ROLLBACK_STARTED" -> rollbackStarted = true;
            case "END" -> endStatus = record.path("status").asText();
            default -> applyToItem(type, record);
        }
    }

    private void applyToItem(String type, ObjectNode record) {
        int index = record.path("n").asInt(-1);
        if (index < 0 || index >= items.size()) {
            return;
        }
        Item item = items.get(index);
        switch (type) {
            case "PLANNED" -> {
                item.planned = true;
                item.sourceEtag = record.path("etag").asText();
                item.target = PartitionKeyValue.fromJsonArray(record.path("dst"));
                item.body = (ObjectNode) record.get("body");
            }
            case "CREATED" -> {
                item.created = true;
                item.copyEtag = record.hasNonNull("etag") ? record.get("etag").asText() : null;
            }
            case "SOURCE_DELETED" -> item.sourceDeleted = true;
            case "SOURCE_RESTORED" -> item.sourceRestored = true;
            case "DONE", "COMPENSATED", "FAILED", "SKIPPED", "ROLLED_BACK" -> {
                item.outcome = MoveOutcome.valueOf(record.path("outcome").asText());
                item.reason = record.hasNonNull("reason") ? record.get("reason").asText() : null;
            }
            default -> {
                // an unknown record from a newer version: ignored
            }
        }
    }

    boolean ended() {
        return endStatus != null;
    }

    /** Items that were never planned and have no outcome: nothing was written for them. */
    List<Item> unstarted() {
        return items.stream().filter(i -> !i.planned && !i.finished()).toList();
    }

    List<Item> inFlight() {
        return items.stream().filter(Item::inFlight).toList();
    }
}
