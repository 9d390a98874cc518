package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.CompactJson;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One item as the grid holds it: id and partition key extracted, the JSON kept as compact UTF-8
 * bytes rather than a Jackson tree (a tree costs several times the item's size; 100,000 rows must fit
 * comfortably in memory). {@link #json()} parses a fresh, mutable copy on demand. The rows of one page share one
 * array ({@link #ofPage}), each at its own range of it.
 */
public final class ItemRow {

    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final String id;
    private final PartitionKeyValue partitionKey;
    /** The item's compact JSON is {@code length} bytes of this array from {@code offset} (a page's rows share it). */
    private final byte[] json;
    private final int offset;
    private final int length;
    /** Made once: the grid checks every page's rows against the loaded ones by it. */
    private final ItemRef ref;

    private ItemRow(String id, PartitionKeyValue partitionKey, byte[] json, int offset, int length) {
        this.id = id;
        this.partitionKey = partitionKey;
        this.json = json;
        this.offset = offset;
        this.length = length;
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

    /**
     * The rows of one page of {@code items}, their JSON written one after another into one array by the page's
     * converter: the same bytes {@link #of} keeps, without a mapper call, a generator and an array of its own per
     * item. What it saves is allocation, not CPU (s19: RowConversionBenchmark 0.87-1.41 against 0.97-1.32 us per
     * item, 110 against 78 MB per 100,000 items; a BrowseBenchmark 100k tab pass 50-55 MB less, its paging speed
     * unchanged within the noise). A row kept after the rest of its page is gone (deleted, or a new query) keeps the
     * page's array alive: at most a page's size, as the query tab's results do. An item that cannot be written leaves
     * the converter empty for the next page (its rows' offsets start at 0).
     */
    public static List<ItemRow> ofPage(List<ObjectNode> items, List<JsonPath> partitionKeyPaths, CompactJson page) {
        int[] ends = new int[items.size()];
        try {
            for (int i = 0; i < ends.length; i++) {
                ends[i] = page.append(Objects.requireNonNull(items.get(i), "item"));
            }
        } catch (RuntimeException e) {
            page.takeAll(); // what this page wrote so far must not shift the next page's rows (review s19 G-L3)
            throw e;
        }
        byte[] all = page.takeAll();
        ItemRow[] rows = new ItemRow[ends.length];
        for (int i = 0, start = 0; i < ends.length; start = ends[i], i++) {
            ObjectNode item = items.get(i);
            rows[i] = new ItemRow(idOf(item), PartitionKeyValue.fromItemAt(item, partitionKeyPaths), all, start,
                    ends[i] - start);
        }
        return Arrays.asList(rows);
    }

    /** A container's partition key paths ({@code /customer/id}) parsed, for {@link #ofParsed}. */
    public static List<JsonPath> parsePaths(List<String> partitionKeyPaths) {
        return partitionKeyPaths.stream().map(JsonPath::fromPointer).toList();
    }

    private static ItemRow withKey(ObjectNode item, PartitionKeyValue partitionKey) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(item);
            return new ItemRow(idOf(item), partitionKey, json, 0, json.length);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(ObjectNode item) {
        return item.hasNonNull("id") ? item.get("id").asText() : "";
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
            return (ObjectNode) MAPPER.readTree(json, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item as compact JSON text. */
    public String jsonText() {
        return new String(json, offset, length, StandardCharsets.UTF_8);
    }

    public int sizeInBytes() {
        return length;
    }

    @Override
    public String toString() {
        return "ItemRow" + ref();
    }
}
