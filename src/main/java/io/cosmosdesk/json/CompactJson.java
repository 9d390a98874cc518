package io.cosmosdesk.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact UTF-8 JSON of the results of one page, written by walking each tree into one generator kept for the
 * page (the query tab's results and the Items tab's rows: the one home of this rule). The same bytes as {@code Json.MAPPER.writeValueAsBytes(node)}, without what that costs per call (a
 * serializer provider, a generator and its buffers for every result: about half the conversion of a result in a
 * profile of Load all). Not thread-safe: one per page being converted, or one per stream of pages converted one at a
 * time (its array is then kept from page to page).
 */
public final class CompactJson implements AutoCloseable {

    private final PageBuffer buffer = new PageBuffer();
    private final JsonGenerator generator;

    /**
     * The bytes written since the last {@link #takeAll}, in one array kept from page to page (up to
     * {@value #KEPT_CAPACITY} bytes): a page's bytes are copied out once, and the next page writes into the same
     * array. Jackson's ByteArrayBuilder let go of its blocks on every reset, so each page allocated its size twice.
     */
    private static final class PageBuffer extends OutputStream {
        private static final int FIRST_CAPACITY = 8 * 1024;
        private static final int KEPT_CAPACITY = 1024 * 1024;
        private byte[] bytes = new byte[FIRST_CAPACITY];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (more > bytes.length - size) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, size);
            size = 0;
            if (bytes.length > KEPT_CAPACITY) {
                bytes = new byte[FIRST_CAPACITY]; // a page of large items: not kept for the next one
            }
            return taken;
        }
    }

    public CompactJson() {
        try {
            generator = Json.MAPPER.getFactory().createGenerator(buffer);
            generator.setRootValueSeparator(null); // each result is a document of its own: no space before it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code node} after what this page has written so far ({@link #takeAll}) and answers where it ends: the
     * results of a page in one array, each at its own range.
     */
    public int append(JsonNode node) {
        try {
            write(node);
            generator.flush();
            return buffer.size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything {@link #append} wrote since the last call, in one array; the page's writer starts again empty. */
    public byte[] takeAll() {
        return buffer.take();
    }

    /** The compact JSON of {@code node} alone (tests and the retention benchmark compare it with Jackson's). */
    public byte[] bytes(JsonNode node) {
        append(node);
        return takeAll();
    }

    private void write(JsonNode node) throws IOException {
        if (node == null) {
            generator.writeNull();
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    write(field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            default -> Json.MAPPER.writeTree(generator, node); // binary, POJO: rare; Jackson's own way
        }
    }

    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
