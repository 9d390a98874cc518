package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the items the change feed returns into rows: remembers the last version of each item seen in this tab,
 * so the next version's row says which fields changed. The memory is bounded: the versions of the
 * {@link #DEFAULT_REMEMBERED} most recently changed items are kept, within {@link #DEFAULT_REMEMBERED_CHARS}; an
 * item changed again after its version was dropped says so instead of a diff. In the all-versions-and-deletes
 * mode a delete forgets the item, and its row says what was deleted. Thread-confined: one session's rounds use it one after the other.
 */
public final class ChangeTracker {

    public static final int DEFAULT_REMEMBERED = 20_000;
    /** About 50 MB of JSON text: large items are forgotten sooner than small ones. */
    public static final long DEFAULT_REMEMBERED_CHARS = 50_000_000L;
    static final String EARLIER_VERSION_DROPPED = "changed (its earlier version is no longer held)";
    static final String EARLIER_VERSION_NOT_SEEN = "replaced (its earlier version was not seen in this tab)";

    /** The last version seen of an item, and its size. */
    private record Seen(ObjectNode version, int chars) {
    }

    private final List<String> partitionKeyPaths;
    private final int remembered;
    private final long rememberedChars;
    private final Map<ItemRef, Seen> lastSeen;
    private long heldChars;
    private final Map<ItemRef, Boolean> forgotten;
    private long sequence;

    public ChangeTracker(List<String> partitionKeyPaths) {
        this(partitionKeyPaths, DEFAULT_REMEMBERED, DEFAULT_REMEMBERED_CHARS);
    }

    ChangeTracker(List<String> partitionKeyPaths, int remembered, long rememberedChars) {
        this.partitionKeyPaths = List.copyOf(partitionKeyPaths);
        this.remembered = remembered;
        this.rememberedChars = rememberedChars;
        this.lastSeen = new LinkedHashMap<>(16, 0.75f, true);
        this.forgotten = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ItemRef, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Drops the versions of the items changed longest ago while over the count or the size budget. */
    private void forgetOldest() {
        var eldest = lastSeen.entrySet().iterator();
        while ((lastSeen.size() > remembered || heldChars > rememberedChars) && lastSeen.size() > 1) {
            Map.Entry<ItemRef, Seen> entry = eldest.next();
            heldChars -= entry.getValue().chars();
            rememberForgotten(entry.getKey());
            eldest.remove();
        }
    }

    private void rememberForgotten(ItemRef ref) {
        forgotten.put(ref, Boolean.TRUE);
    }

    /** The row for the next version of an item from the latest-version feed. */
    public ChangeRow track(ObjectNode item) {
        return trackWritten(item, null, null);
    }

    /**
     * The row for the next change from the all-versions-and-deletes feed, as the SDK returns it:
     * {@code {current, previous, metadata: {operationType, lsn, crts, timeToLiveExpired, id, partitionKey}}}. A
     * delete forgets the item (its next create is "new"); a replace is compared with the version seen before in
     * this tab, or with the feed's previous image when the account gives one.
     */
    public ChangeRow trackVersion(ObjectNode change) {
        JsonNode metadata = change.path("metadata");
        ChangeOperation.Type type = ChangeOperation.typeOf(metadata.path("operationType").asText(null));
        ChangeOperation operation = new ChangeOperation(type == null ? ChangeOperation.Type.REPLACE : type,
                metadata.path("lsn").asLong(), metadata.path("timeToLiveExpired").asBoolean(false));
        ObjectNode previous = nonEmptyObject(change.get("previous"));
        if (operation.type() == ChangeOperation.Type.DELETE) {
            return trackDelete(metadata, previous, operation);
        }
        ObjectNode current = nonEmptyObject(change.get("current"));
        if (current == null) {
            current = Json.MAPPER.createObjectNode();
        }
        if (operation.type() == ChangeOperation.Type.CREATE) {
            ItemRef ref = refOf(current);
            forget(ref);
            forgotten.remove(ref);
        }
        return trackWritten(current, previous, operation);
    }

    private ChangeRow trackWritten(ObjectNode item, ObjectNode feedPrevious, ChangeOperation operation) {
        ItemRef ref = refOf(item);
        int chars = estimatedChars(item);
        Seen seen = lastSeen.put(ref, new Seen(item, chars));
        ObjectNode before = seen != null ? seen.version() : feedPrevious;
        heldChars += chars - (seen == null ? 0 : seen.chars());
        forgetOldest();
        ChangeRow.Kind kind;
        String summary;
        if (before != null) {
            kind = ChangeRow.Kind.UPDATED;
            summary = FieldDiff.summary(FieldDiff.between(before, item));
        } else if (forgotten.remove(ref) != null) {
            kind = ChangeRow.Kind.UPDATED;
            summary = EARLIER_VERSION_DROPPED;
        } else if (operation != null && operation.type() == ChangeOperation.Type.REPLACE) {
            kind = ChangeRow.Kind.UPDATED;
            summary = EARLIER_VERSION_NOT_SEEN;
        } else {
            kind = ChangeRow.Kind.NEW;
            summary = "new";
        }
        sequence++;
        return new ChangeRow(sequence, secondsAt(item.get("_ts")), ref.id(), ref.partitionKey(), kind, summary, item,
                chars, operation);
    }

    private ChangeRow trackDelete(JsonNode metadata, ObjectNode previous, ChangeOperation operation) {
        ObjectNode deleted = previous != null ? previous : identityOf(metadata);
        ItemRef ref = refOf(deleted);
        forget(ref);
        forgotten.remove(ref);
        String summary = (operation.timeToLiveExpired() ? "deleted (time to live expired)" : "deleted")
                + (previous != null ? ": " + FieldDiff.describe(previous) : "");
        sequence++;
        Instant at = secondsAt(metadata.get("crts"));
        return new ChangeRow(sequence, at != null ? at : secondsAt(deleted.get("_ts")), ref.id(), ref.partitionKey(),
                ChangeRow.Kind.DELETED, summary, deleted, estimatedChars(deleted), operation);
    }

    /** A delete without its previous image: the id and key from the metadata, as an item with only those. */
    private ObjectNode identityOf(JsonNode metadata) {
        ObjectNode identity = Json.MAPPER.createObjectNode().put("id", metadata.path("id").asText(""));
        JsonNode keys = metadata.path("partitionKey");
        if (keys.isObject()) {
            for (String path : partitionKeyPaths) {
                JsonNode value = keys.has(path.substring(1)) ? keys.get(path.substring(1))
                        : PartitionKeyValue.at(keys, path);
                List<String> steps = io.cosmosdesk.cosmos.JsonPath.fromPointer(path).segments();
                ObjectNode parent = identity;
                for (String step : steps.subList(0, steps.size() - 1)) {
                    parent = parent.get(step) instanceof ObjectNode child ? child : parent.putObject(step);
                }
                if (value != null) {
                    parent.set(steps.get(steps.size() - 1), value);
                }
            }
        }
        return identity;
    }

    private ItemRef refOf(ObjectNode item) {
        return new ItemRef(item.path("id").asText(""), PartitionKeyValue.fromItem(item, partitionKeyPaths));
    }

    private void forget(ItemRef ref) {
        Seen seen = lastSeen.remove(ref);
        if (seen != null) {
            heldChars -= seen.chars();
        }
    }

    private static ObjectNode nonEmptyObject(JsonNode node) {
        return node instanceof ObjectNode object && !object.isEmpty() ? object : null;
    }

    private static Instant secondsAt(JsonNode seconds) {
        return seconds != null && seconds.canConvertToLong() && seconds.longValue() > 0
                ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    /** The item's size as JSON text, near enough for a memory budget without writing it out. */
    static int estimatedChars(JsonNode node) {
        if (node.isObject()) {
            int size = 2;
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                size += field.getKey().length() + 4 + estimatedChars(field.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            int size = 2;
            for (JsonNode element : node) {
                size += estimatedChars(element) + 1;
            }
            return size;
        }
        return node.isTextual() ? node.textValue().length() + 2 : node.asText().length();
    }
}
