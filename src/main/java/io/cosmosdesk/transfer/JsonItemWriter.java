package io.cosmosdesk.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON array ({@code [}, one compact item per line, {@code ]}) or JSON Lines (one compact item per line), UTF-8,
 * straight from the tree to the stream.
 */
final class JsonItemWriter implements ItemWriter {

    /**
     * The shared mapper flushes the generator after every value it writes (FLUSH_AFTER_WRITE_VALUE, Jackson's
     * default), which passed each ~400-byte item through the 64 KB buffer to the file: one write system call per
     * item (seen in a profile of ExportBenchmark). Items go to the buffer; the stream is flushed when it fills.
     */
    private static final ObjectWriter ITEMS = Json.MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final boolean array;
    private final boolean systemProperties;
    private final JsonGenerator generator;
    private long items;

    JsonItemWriter(OutputStream out, boolean array, boolean systemProperties) throws IOException {
        this.array = array;
        this.systemProperties = systemProperties;
        this.generator = Json.MAPPER.getFactory().createGenerator(out);
        generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
        if (array) {
            generator.writeRaw('[');
        }
    }

    @Override
    public void write(ObjectNode item) throws IOException {
        if (!systemProperties) {
            item.remove(ItemContent.SYSTEM_PROPERTIES);
        }
        if (array) {
            generator.writeRaw(items == 0 ? "\n" : ",\n");
        }
        ITEMS.writeValue(generator, item);
        if (!array) {
            generator.writeRaw('\n');
        }
        items++;
    }

    @Override
    public long items() {
        return items;
    }

    @Override
    public void finish() throws IOException {
        if (array) {
            generator.writeRaw(items == 0 ? "]\n" : "\n]\n");
        }
        generator.close();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
