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
import java.util.Iterator;
import java.util.Map;

/**
 * Audit log lines as bytes. Most of an entry is known before its write is sent: its item bodies (before, after;
 * most of its size) and who, where and what. For a batch these are written out as JSON while the batch is on the
 * network (on the log's own thread, see {@link BatchRecorder}), and once the answers are in, each line is the few
 * fields the answer decides with those bytes spliced in ({@link #line}), so the thread waiting for the batch only
 * adds a little before the one append and sync of the batch's lines.
 */
final class AuditLines {

    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(AuditEntry.class);
    private static final byte[] BEFORE = ",\"before\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AFTER = ",\"after\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * What of a write's entry is known before it is sent, as JSON: {@code head} its fields that do not depend on
     * the answer (who, where, which item, operation, ETag before, job; object members without the braces), its
     * {@code before} and what it writes ({@code after}); null parts are absent.
     */
    record Ahead(byte[] head, byte[] before, byte[] after) {
    }

    private AuditLines() {
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

    /** The members of {@code fields} (a JSON object) without its braces: a line's head. */
    static byte[] members(byte[] fields) {
        return java.util.Arrays.copyOfRange(fields, 1, fields.length - 1);
    }

    /**
     * Appends one line (ending in a newline) to {@code out}: {@code answer} (the entry's fields that depend on the
     * answer: time, outcome, status, error, ETag after) followed by {@code head} and the bodies {@code before} and
     * {@code after} (JSON, or null when absent).
     */
    static void line(ByteArrayOutputStream out, AuditEntry answer, byte[] head, byte[] before, byte[] after)
            throws IOException {
        byte[] fields = WRITER.writeValueAsBytes(answer);
        // the answer always has fields (time, outcome, status), so it ends in '}' after at least one of them
        out.write(fields, 0, fields.length - 1);
        if (head.length > 0) {
            out.write(',');
            out.write(head);
        }
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
