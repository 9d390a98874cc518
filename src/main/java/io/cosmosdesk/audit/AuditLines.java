package io.cosmosdesk.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Audit log lines as bytes. An entry's item bodies (before, after) are most of its size; for a batch they are
 * written out as JSON while the batch is on the network ({@link #bodiesOf}, on the log's own thread), and once
 * the answers are in, each line is the entry's few small fields with those bytes spliced in ({@link #line}), so
 * the thread waiting for the batch only adds a little before the one append and sync of the batch's lines.
 */
final class AuditLines {

    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(AuditEntry.class);
    private static final byte[] BEFORE = ",\"before\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AFTER = ",\"after\":".getBytes(StandardCharsets.US_ASCII);

    /** A write's bodies as the log records them (without system properties); null parts are absent. */
    record Bodies(byte[] before, byte[] after) {
        static final Bodies NONE = new Bodies(null, null);
    }

    private AuditLines() {
    }

    /** The bodies of each write, in order: its {@code before} and what it writes ({@code body}). */
    static List<Bodies> bodiesOf(List<? extends Write<?>> writes) {
        List<Bodies> bodies = new ArrayList<>(writes.size());
        for (Write<?> write : writes) {
            bodies.add(write.kind() == Write.Kind.READ ? Bodies.NONE
                    : new Bodies(body(write.before()), body(write.body())));
        }
        return bodies;
    }

    /** {@code item} as JSON without its system properties (no copy of the tree is made); null for null. */
    static byte[] body(ObjectNode item) {
        if (item == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!ItemContent.SYSTEM_PROPERTIES.contains(field.getKey())) {
                    json.writeFieldName(field.getKey());
                    Json.MAPPER.writeTree(json, field.getValue());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Appends one line (ending in a newline) to {@code out}: {@code entry}, which holds no bodies itself, with
     * {@code before} and {@code after} (JSON, or null when absent) as its before and after.
     */
    static void line(ByteArrayOutputStream out, AuditEntry entry, byte[] before, byte[] after) throws IOException {
        byte[] fields = WRITER.writeValueAsBytes(entry);
        // the entry always has fields (time, user, …), so it ends in '}' after at least one of them
        out.write(fields, 0, fields.length - 1);
        if (before != null) {
            out.write(BEFORE);
            out.write(before);
        }
        if (after != null) {
            out.write(AFTER);
            out.write(after);
        }
        out.write('}');
        out.write('\n');
    }

    /** Appends {@code entry} (bodies as trees) as one line to {@code out}. */
    static void line(ByteArrayOutputStream out, AuditEntry entry) throws IOException {
        WRITER.writeValue(out, entry);
        out.write('\n');
    }
}
