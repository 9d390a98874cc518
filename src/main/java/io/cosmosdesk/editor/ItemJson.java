package io.cosmosdesk.editor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.IOException;

/**
 * How the editor reads and writes item text: strict (duplicate keys are errors, numbers kept exactly as
 * typed) and printed the way people write JSON ({@code "key": value}, two-space indent, {@code \n}).
 */
public final class ItemJson {

    // 1.50 stays 1.50: what the user typed is what is saved
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(EXACT);

    /** As STRICT, for one value inside a text being streamed: what follows it is the rest of the text. */
    private static final ObjectReader STRICT_PART = STRICT.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = Json.MAPPER.writer(printer);
    }

    private ItemJson() {
    }

    /** Parses text; throws Jackson's exception (with its location) when it is not valid JSON. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return STRICT.readTree(text);
    }

    /** A parser with the same rules as {@link #parse}, for reading a long text without building its tree. */
    static JsonParser strictParser(String text) throws IOException {
        return STRICT.createParser(text);
    }

    /** Reads the value at the parser into a tree as {@link #parse} would, leaving the parser after it. */
    static JsonNode readValue(JsonParser parser) throws IOException {
        return STRICT_PART.readTree(parser);
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print JSON", e);
        }
    }

    public static ObjectNode newObject() {
        return EXACT.objectNode();
    }
}
