package io.cosmosdesk.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
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

    /** Lines being put together, handed to the file without another copy of their bytes. */
    static final class Buffer extends ByteArrayOutputStream {

        Buffer(int size) {
            super(size);
        }

        java.nio.ByteBuffer bytes() {
            return java.nio.ByteBuffer.wrap(buf, 0, count);
        }
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
     * {@code after} (JSON, or null when absent). The answer's fields are written by hand, in the order and with
     * the escaping Jackson gives the record ({@link #answerFields}): an {@code ObjectWriter} call per line was most
     * of what a batch's lines cost the thread waiting for them.
     */
    static void line(ByteArrayOutputStream out, AuditEntry answer, byte[] head, byte[] before, byte[] after)
            throws IOException {
        answerFields(out, answer);
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

    /**
     * {@code answer}'s fields as {@code {"time":…,"outcome":…,…} } writes them, without the closing brace: the
     * fields an answer fills in (time, outcome, errorKind, status, message, etagAfter; null ones absent, status
     * always there), in the record's order. AuditLinesTest holds it to Jackson's bytes.
     */
    static void answerFields(ByteArrayOutputStream out, AuditEntry answer) throws IOException {
        out.write('{');
        boolean first = true;
        first = text(out, first, TIME, answer.time());
        first = text(out, first, OUTCOME, answer.outcome());
        first = text(out, first, ERROR_KIND, answer.errorKind());
        if (!first) {
            out.write(',');
        }
        out.write(STATUS);
        out.write(Integer.toString(answer.status()).getBytes(StandardCharsets.US_ASCII));
        text(out, false, MESSAGE, answer.message());
        text(out, false, ETAG_AFTER, answer.etagAfter());
    }

    private static final byte[] TIME = "\"time\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OUTCOME = "\"outcome\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_KIND = "\"errorKind\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS = "\"status\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "\"message\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ETAG_AFTER = "\"etagAfter\":".getBytes(StandardCharsets.US_ASCII);

    /** Writes {@code "name":"value"} (after a comma unless first) when value is not null; whether still first. */
    private static boolean text(ByteArrayOutputStream out, boolean first, byte[] name, String value)
            throws IOException {
        if (value == null) {
            return first;
        }
        if (!first) {
            out.write(',');
        }
        out.write(name);
        out.write('"');
        out.write(JsonStringEncoder.getInstance().quoteAsUTF8(value));
        out.write('"');
        return false;
    }

    /** Appends {@code entry} (bodies as trees) as one line to {@code out}. */
    static void line(ByteArrayOutputStream out, AuditEntry entry) throws IOException {
        WRITER.writeValue(out, entry);
        out.write('\n');
    }
}
