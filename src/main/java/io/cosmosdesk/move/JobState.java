package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A move job as its journal tells it, built by replaying the journal, then kept current as {@link JobLog}
 * appends. Its memory does not grow with the job: it holds the items not yet ended (with the bodies of those
 * in flight), counts per outcome, and a bounded number of report lines; an ended item lives on in the journal
 * only (a roll back reads the moved ones back from there).
 */
final class JobState {

    /** Every item's report line is kept up to this many items; beyond, only lines of items that did not move. */
    static final int REPORT_LINES = 10_000;

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
    /**
     * A job over every item a query selects, listed a batch at a time as the query is read (ITEMS records)
     * rather than all in the header; {@link #query} is that query, {@link #expected} its count when the job began.
     */
    final boolean streamed;
    final ObjectNode query;
    final long expected;
    boolean listingComplete;
    boolean rollbackStarted;
    String endStatus;

    /** Items not ended yet, by index: for a streamed job a few batches, for a listed one those still to do. */
    private final TreeMap<Integer, Item> open = new TreeMap<>();
    private int listed;
    private int finished;
    private final Map<MoveOutcome, Integer> counts = new EnumMap<>(MoveOutcome.class);
    /** Items ended as MOVED, by index: their bodies are in the journal's PLANNED records. */
    private final BitSet moved = new BitSet();
    private final TreeMap<Integer, MoveReport.ItemResult> lines = new TreeMap<>();
    /** Streamed jobs: items that ended without leaving their source (id and key), so a resume does not list them again. */
    private final Set<String> endedInSource = new HashSet<>();

    private JobState(Path file, ObjectNode header) {
        this.file = file;
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
        this.streamed = header.path("streamed").asBoolean();
        this.query = header.get("query") instanceof ObjectNode spec ? spec : null;
        this.expected = header.path("expected").asLong(0);
        list(header.path("items"));
    }

    /** Replays a journal as {@link MoveJournal#read} returned it. */
    static JobState replay(MoveJournal.Contents contents) {
        JobState state = new JobState(contents.file(), contents.header());
        for (ObjectNode record : contents.records()) {
            state.apply(record);
        }
        return state;
    }

    /** Replays a journal of any length, reading it line by line. */
    static JobState replay(Path file) {
        JobState[] state = new JobState[1];
        MoveJournal.scan(file, record -> {
            if (state[0] == null) {
                state[0] = new JobState(file, record);
            } else {
                state[0].apply(record);
            }
        });
        return state[0];
    }

    void apply(ObjectNode record) {
        String type = record.path("t").asText();
        switch (type) {
            case "ITEMS" -> list(record.path("items"));
            case "LISTED" -> listingComplete = true;
            case "ROLLBACK_STARTED" -> rollbackStarted = true;
            case "END" -> endStatus = record.path("status").asText();
            default -> applyToItem(type, record);
        }
    }

    private void list(JsonNode items) {
        for (JsonNode item : items) {
            PartitionKeyValue source = PartitionKeyValue.fromJsonArray(item.path("pk"));
            Item entry = new Item(listed++, item.path("id").asText(), source,
                    item.hasNonNull("etag") ? item.get("etag").asText() : null);
            // each item's own target, recorded when it was listed (journals before "dst" resolve it the same way)
            entry.target = item.has("dst") ? PartitionKeyValue.fromJsonArray(item.get("dst")) : target.resolve(source);
            open.put(entry.index, entry);
        }
    }

    private void applyToItem(String type, ObjectNode record) {
        Item item = open.get(record.path("n").asInt(-1));
        if (item == null) {
            return; // ended already (a record of a newer version, or a replayed tail)
        }
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
            case "DONE", "COMPENSATED", "FAILED", "SKIPPED", "ROLLED_BACK" -> end(item,
                    MoveOutcome.valueOf(record.path("outcome").asText()),
                    record.hasNonNull("reason") ? record.get("reason").asText() : null);
            default -> {
                // an unknown record from a newer version: ignored
            }
        }
    }

    /** Counts the item's outcome, keeps its report line while there is room, and lets go of it. */
    private void end(Item item, MoveOutcome outcome, String reason) {
        if (item.outcome == null) {
            finished++;
        } else {
            counts.merge(item.outcome, -1, Integer::sum);
        }
        item.outcome = outcome;
        item.reason = reason;
        counts.merge(outcome, 1, Integer::sum);
        moved.set(item.index, outcome == MoveOutcome.MOVED);
        if (lines.containsKey(item.index) || lines.size() < REPORT_LINES
                || (outcome != MoveOutcome.MOVED && lines.size() < 2 * REPORT_LINES)) {
            lines.put(item.index, line(item, outcome));
        }
        if (streamed && outcome != MoveOutcome.MOVED && outcome != MoveOutcome.ALREADY_IN_TARGET
                && outcome != MoveOutcome.NOT_FOUND) {
            endedInSource.add(key(item.id, item.source));
        }
        open.remove(item.index);
        item.body = null;
    }

    private static MoveReport.ItemResult line(Item item, MoveOutcome outcome) {
        return new MoveReport.ItemResult(item.id, item.source.display(), item.target.display(), outcome,
                Objects.requireNonNullElse(item.reason, ""));
    }

    private static String key(String id, PartitionKeyValue source) {
        return id + '\u0000' + source.display();
    }

    /**
     * Takes an ended item back (a roll back of a moved item, read back from its PLANNED record): its next
     * outcome replaces the one counted.
     */
    void reopen(Item item) {
        open.put(item.index, item);
    }

    boolean ended() {
        return endStatus != null;
    }

    /** Items known to the job so far: the header's, and for a streamed job those listed since. */
    int listed() {
        return listed;
    }

    /** How many items the job has in all, as far as it knows: a streamed job's count until its query is read. */
    int total() {
        return streamed && !listingComplete ? (int) Math.max(listed, expected) : listed;
    }

    int finishedCount() {
        return finished;
    }

    int count(MoveOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** Items ended as MOVED, by index (a copy: the state changes as a roll back goes). */
    BitSet movedItems() {
        return (BitSet) moved.clone();
    }

    /** The item {@code index} if it has not ended (or was {@link #reopen reopened}); null otherwise. */
    Item item(int index) {
        return open.get(index);
    }

    /** Items that were never planned and have no outcome: nothing was written for them. */
    List<Item> unstarted() {
        return open.values().stream().filter(i -> !i.planned).toList();
    }

    List<Item> inFlight() {
        return open.values().stream().filter(Item::inFlight).toList();
    }

    /** Items not ended, in job order. */
    List<Item> open() {
        return List.copyOf(open.values());
    }

    /** True when this streamed job ended the item {@code id} under {@code source} without moving it. */
    boolean endedInSource(String id, PartitionKeyValue source) {
        return endedInSource.contains(key(id, source));
    }

    /** The kept report lines of ended items, by index. */
    Map<Integer, MoveReport.ItemResult> lines() {
        return lines;
    }

    /** Ended items whose line was not kept (a large job's moved items beyond {@link #REPORT_LINES}). */
    int linesLeftOut() {
        return finished - lines.size();
    }
}
