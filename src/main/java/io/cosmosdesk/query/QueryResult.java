package io.cosmosdesk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.CompactJson;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One value a query returned: an item, a projection, a number, a string... Kept as compact UTF-8 JSON (a tree costs
 * several times its size; a Load all of 100,000 results must fit); {@link #json()} parses a fresh copy. The results
 * of one page share one array of bytes, and which item a result is ({@link #itemRef()}) is read from its bytes when
 * first asked: a Load all keeps 100,000 results, and each object a result kept alive (its own array, its id, its
 * partition key value and their lists: about nine) was copied by every young collection of the run (JFR of
 * QueryBenchmark: the Load all pass spent about half again as long in GC as the raw SDK pass beside it).
 */
public final class QueryResult {

    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = Json.MAPPER.writer();

    private final byte[] buffer;
    private final int offset;
    private final int length;
    /** The container's key paths, to read {@link #itemRef()} from the bytes (null when it was known at once). */
    private final List<io.cosmosdesk.cosmos.JsonPath> keyPaths;
    /** Which item this is; null until first asked (then read from the bytes with {@link #keyPaths}). */
    private volatile Optional<ItemRef> itemRef;
    /** The hash of its string {@code id} (no object kept): most results are told apart from a deleted item by it. */
    private final int idHash;

    private QueryResult(byte[] buffer, int offset, int length, List<io.cosmosdesk.cosmos.JsonPath> keyPaths,
            Optional<ItemRef> itemRef, int idHash) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.keyPaths = keyPaths;
        this.itemRef = itemRef;
        this.idHash = idHash;
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
            byte[] bytes = WRITER.writeValueAsBytes(value);
            ItemRef ref = refOf(value, keyPaths);
            return new QueryResult(bytes, 0, bytes.length, null, Optional.ofNullable(ref),
                    ref == null ? 0 : ref.id().hashCode());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The results of one page, written one after the other into one array by the page's converter (see
     * {@link CompactJson}); which item each is, is read from its bytes when first asked.
     */
    static List<QueryResult> ofPage(List<JsonNode> values, List<io.cosmosdesk.cosmos.JsonPath> keyPaths,
            CompactJson page) {
        int[] ends = new int[values.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = page.append(values.get(i));
        }
        byte[] all = page.takeAll();
        QueryResult[] results = new QueryResult[ends.length];
        for (int i = 0, start = 0; i < ends.length; start = ends[i], i++) {
            String id = stringId(values.get(i));
            results[i] = id != null
                    ? new QueryResult(all, start, ends[i] - start, keyPaths, null, id.hashCode())
                    : new QueryResult(all, start, ends[i] - start, null, Optional.empty(), 0);
        }
        return java.util.Arrays.asList(results);
    }

    private static ItemRef refOf(JsonNode value, List<io.cosmosdesk.cosmos.JsonPath> keyPaths) {
        String id = stringId(value);
        return id == null ? null : new ItemRef(id, PartitionKeyValue.fromItemAt(value, keyPaths));
    }

    /** The {@code id} of an object with a string id (a result that may be an item), else null. */
    private static String stringId(JsonNode value) {
        JsonNode id = value != null && value.isObject() ? value.get("id") : null;
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(buffer, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jsonText() {
        return new String(buffer, offset, length, StandardCharsets.UTF_8);
    }

    public int sizeInBytes() {
        return length;
    }

    /** Which item this is, when it is an object with a string id (whether it is a whole item is the query's call). */
    public Optional<ItemRef> itemRef() {
        Optional<ItemRef> known = itemRef;
        if (known == null) {
            known = Optional.ofNullable(refOf(json(), keyPaths)); // the same answer on any thread: no lock needed
            itemRef = known;
        }
        return known;
    }

    /**
     * Whether this is one of the items in {@code gone}. Cheap for the many results that are not: a result whose id
     * hash is none of {@code goneIdHashes} is not parsed, so dropping deleted items from 100,000 kept results costs
     * an int look-up each on the UI thread, however many were deleted.
     *
     * @param goneIdHashes the hashes of the ids of {@code gone} ({@link #idHashes})
     */
    boolean isAnyOf(java.util.Set<ItemRef> gone, java.util.Set<Integer> goneIdHashes) {
        if (gone.isEmpty()) {
            return false;
        }
        if (itemRef == null && !goneIdHashes.contains(idHash)) {
            return false;
        }
        return itemRef().map(gone::contains).orElse(false);
    }

    /** Whether {@link #itemRef()} was worked out already (for tests: {@link #isAnyOf} should rarely need it). */
    boolean itemRefKnown() {
        return itemRef != null;
    }

    /** The hashes of the ids of {@code refs}, for {@link #isAnyOf}. */
    static java.util.Set<Integer> idHashes(java.util.Set<ItemRef> refs) {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        refs.forEach(ref -> hashes.add(ref.id().hashCode()));
        return hashes;
    }

    @Override
    public String toString() {
        return jsonText();
    }
}
