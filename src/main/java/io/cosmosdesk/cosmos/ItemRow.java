package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One item as the grid holds it: id and partition key extracted, the JSON kept as compact UTF-8
 * bytes rather than a Jackson tree (a tree costs several times the item's size; 100,000 rows must fit
 * comfortably in memory). {@link #json()} parses a fresh, mutable copy on demand.
 */
public final class ItemRow {

    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final String id;
    private final PartitionKeyValue partitionKey;
    private final byte[] json;
    /** Made once: the grid checks every page's rows against the loaded ones by it. */
    private final ItemRef ref;

    private ItemRow(String id, PartitionKeyValue partitionKey, byte[] json) {
        this.id = id;
        this.partitionKey = partitionKey;
        this.json = json;
        this.ref = new ItemRef(id, partitionKey);
        // the id's hash is kept by the String once worked out: here, off the UI thread, which checks every page's
        // rows against the loaded ones by it
        ref.hashCode();
    }

    /** Builds a row from an item as the SDK returned it; {@code partitionKeyPaths} are the container's. */
    public static ItemRow of(ObjectNode item, List<String> partitionKeyPaths) {
        Objects.requireNonNull(item, "item");
        return withKey(item, PartitionKeyValue.fromItem(item, partitionKeyPaths));
    }

    /**
     * As {@link #of(ObjectNode, List)} with the container's key paths parsed once ({@link #parsePaths}), for the
     * many items of one query: the Items tab's page stream parses them once per query, not once per item.
     */
    public static ItemRow ofParsed(ObjectNode item, List<JsonPath> partitionKeyPaths) {
        Objects.requireNonNull(item, "item");
        return withKey(item, PartitionKeyValue.fromItemAt(item, partitionKeyPaths));
    }

    /** A container's partition key paths ({@code /customer/id}) parsed, for {@link #ofParsed}. */
    public static List<JsonPath> parsePaths(List<String> partitionKeyPaths) {
        return partitionKeyPaths.stream().map(JsonPath::fromPointer).toList();
    }

    private static ItemRow withKey(ObjectNode item, PartitionKeyValue partitionKey) {
        String id = item.hasNonNull("id") ? item.get("id").asText() : "";
        try {
            return new ItemRow(id, partitionKey, MAPPER.writeValueAsBytes(item));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String id() {
        return id;
    }

    public PartitionKeyValue partitionKey() {
        return partitionKey;
    }

    public ItemRef ref() {
        return ref;
    }

    /** The item, parsed anew each call: callers may change it freely. */
    public ObjectNode json() {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item as compact JSON text. */
    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    public int sizeInBytes() {
        return json.length;
    }

    @Override
    public String toString() {
        return "ItemRow" + ref();
    }
}
