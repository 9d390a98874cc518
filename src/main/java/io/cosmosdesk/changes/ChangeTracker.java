package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the items the change feed returns into rows: remembers the last version of each item seen in this tab,
 * so the next version's row says which fields changed. The memory is bounded: the versions of the
 * {@link #DEFAULT_REMEMBERED} most recently changed items are kept, within {@link #DEFAULT_REMEMBERED_CHARS}; an
 * item changed again after its version was dropped says so instead of a diff. Thread-confined: one session's rounds use it one after the other.
 */
public final class ChangeTracker {

    public static final int DEFAULT_REMEMBERED = 20_000;
    /** About 50 MB of JSON text: large items are forgotten sooner than small ones. */
    public static final long DEFAULT_REMEMBERED_CHARS = 50_000_000L;
    static final String EARLIER_VERSION_DROPPED = "changed (its earlier version is no longer held)";

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

    /** The row for the next version of an item from the feed. */
    public ChangeRow track(ObjectNode item) {
        String id = item.path("id").asText("");
        PartitionKeyValue key = PartitionKeyValue.fromItem(item, partitionKeyPaths);
        ItemRef ref = new ItemRef(id, key);
        int chars = estimatedChars(item);
        Seen seen = lastSeen.put(ref, new Seen(item, chars));
        ObjectNode before = seen == null ? null : seen.version();
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
        } else {
            kind = ChangeRow.Kind.NEW;
            summary = "new";
        }
        JsonNode ts = item.get("_ts");
        Instant modified = ts != null && ts.canConvertToLong() ? Instant.ofEpochSecond(ts.longValue()) : null;
        sequence++;
        return new ChangeRow(sequence, modified, id, key, kind, summary, item, chars);
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
