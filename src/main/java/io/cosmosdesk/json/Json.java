package io.cosmosdesk.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one configured Jackson mapper, shared by every part of the app (a mapper is thread-safe once configured,
 * and each one costs start-up time and memory). Variants are {@link ObjectReader}/{@link ObjectWriter} views of
 * it, never mappers of their own, so a setting cannot differ by accident between two files or two screens.
 */
public final class Json {

    /**
     * Properties this version does not know are ignored, so a file written by a newer CosmosDesk still reads.
     * Everything else is Jackson's default: numbers as doubles, compact output.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectReader EXACT_DECIMALS = MAPPER.reader()
            .with(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {
    }

    /** Indented output, for files people may open. */
    public static ObjectWriter pretty() {
        return PRETTY;
    }

    /** Reads trees keeping decimals exactly as written ({@code 14.50} stays {@code 14.50}): the item editor's view. */
    public static ObjectReader exactDecimals() {
        return EXACT_DECIMALS;
    }
}
