package io.cosmosdesk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One value a query returned: an item, a projection, a number, a string... Kept as compact UTF-8 JSON (a tree costs
 * several times its size; a Load all of 100,000 results must fit); {@link #json()} parses a fresh copy.
 */
public final class QueryResult {

    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = Json.MAPPER.writer();

    private final byte[] json;
    private final ItemRef itemRef;

    private QueryResult(byte[] json, ItemRef itemRef) {
        this.json = json;
        this.itemRef = itemRef;
    }

    /**
     * @param keyPaths the container's partition key paths, to tell which item an object with an {@code id} is
     */
    public static QueryResult of(JsonNode value, List<String> keyPaths) {
        return ofParsed(value, keyPaths.stream().map(io.cosmosdesk.cosmos.JsonPath::fromPointer).toList());
    }

    /**
     * As {@link #of(JsonNode, List)} with the key paths parsed once per page (parsing them for every result cost
     * about a tenth of the conversion in a profile of Load all).
     */
    static QueryResult ofParsed(JsonNode value, List<io.cosmosdesk.cosmos.JsonPath> keyPaths) {
        try {
            return of(value, WRITER.writeValueAsBytes(value), keyPaths);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #ofParsed(JsonNode, List)}, written by the page's converter (see {@link CompactJson}). */
    static QueryResult ofParsed(JsonNode value, List<io.cosmosdesk.cosmos.JsonPath> keyPaths, CompactJson page) {
        return of(value, page.bytes(value), keyPaths);
    }

    private static QueryResult of(JsonNode value, byte[] bytes, List<io.cosmosdesk.cosmos.JsonPath> keyPaths) {
        ItemRef ref = null;
        if (value != null && value.isObject() && value.path("id").isTextual()) {
            ref = new ItemRef(value.get("id").textValue(), PartitionKeyValue.fromItemAt(value, keyPaths));
        }
        return new QueryResult(bytes, ref);
    }

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    public int sizeInBytes() {
        return json.length;
    }

    /** Which item this is, when it is an object with a string id (whether it is a whole item is the query's call). */
    public Optional<ItemRef> itemRef() {
        return Optional.ofNullable(itemRef);
    }

    @Override
    public String toString() {
        return jsonText();
    }
}
