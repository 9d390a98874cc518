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
 * several times its size; a Load all of 100,000 results must fit); {@link #json()} parses a fresh copy. The results
 * of one page share one array of bytes, and which item a result is ({@link #itemRef()}) is read from its bytes when
 * first asked: a Load all keeps 100,000 results, and each object a result kept alive (its own array, its id, its
 * partition key value and their lists: about nine) was copied by every young collection of the run (JFR of
 * QueryBenchmark: the Load all pass spent about half again as long in GC as the raw SDK pass beside it).
 */
public final class QueryResult {

    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = Json.MAPPER.writer();
    private static final Optional<ItemRef> NOT_YET = Optional.empty();

    private final byte[] buffer;
    private final int offset;
    private final int length;
    /** The container's key paths, to read {@link #itemRef()} from the bytes (null when it was known at once). */
    private final List<io.cosmosdesk.cosmos.JsonPath> keyPaths;
    /** Which item this is; {@link #NOT_YET} (by identity) until first asked when {@link #keyPaths} is set. */
    private volatile Optional<ItemRef> itemRef;

    private QueryResult(byte[] buffer, int offset, int length, List<io.cosmosdesk.cosmos.JsonPath> keyPaths,
            Optional<ItemRef> itemRef) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.keyPaths = keyPaths;
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
            byte[] bytes = WRITER.writeValueAsBytes(value);
            return new QueryResult(bytes, 0, bytes.length, null, Optional.ofNullable(refOf(value, keyPaths)));
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
            results[i] = new QueryResult(all, start, ends[i] - start, keyPaths, NOT_YET);
        }
        return java.util.Arrays.asList(results);
    }

    private static ItemRef refOf(JsonNode value, List<io.cosmosdesk.cosmos.JsonPath> keyPaths) {
        if (value != null && value.isObject() && value.path("id").isTextual()) {
            return new ItemRef(value.get("id").textValue(), PartitionKeyValue.fromItemAt(value, keyPaths));
        }
        return null;
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
        if (known == NOT_YET) {
            known = Optional.ofNullable(refOf(json(), keyPaths)); // the same answer on any thread: no lock needed
            itemRef = known;
        }
        return known;
    }

    /**
     * Whether this is one of the items in {@code gone}. Cheap for the many results that are not: a result whose text
     * holds none of the ids (as {@link #quoted} wrote them) is not parsed, so dropping a deleted item from 100,000
     * kept results scans their bytes instead of parsing each on the UI thread.
     *
     * @param quotedIds the ids of {@code gone} as JSON strings ({@link #quoted}); null to parse every result
     */
    boolean isAnyOf(java.util.Set<ItemRef> gone, List<byte[]> quotedIds) {
        if (gone.isEmpty()) {
            return false;
        }
        if (itemRef == NOT_YET && quotedIds != null && quotedIds.stream().noneMatch(this::contains)) {
            return false;
        }
        return itemRef().map(gone::contains).orElse(false);
    }

    /** Whether {@link #itemRef()} was worked out already (for tests: {@link #isAnyOf} should not need it). */
    boolean itemRefKnown() {
        return itemRef != NOT_YET;
    }

    /**
     * The ids of {@code refs} as they appear in a result's compact text ({@code "id"} quoted), or null when one of
     * them holds a character JSON may escape in more than one way (then every result is parsed).
     */
    static List<byte[]> quoted(java.util.Set<ItemRef> refs) {
        List<byte[]> quoted = new java.util.ArrayList<>(refs.size());
        for (ItemRef ref : refs) {
            String id = ref.id();
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/') {
                    return null;
                }
            }
            quoted.add(("\"" + id + "\"").getBytes(StandardCharsets.US_ASCII));
        }
        return quoted;
    }

    private boolean contains(byte[] needle) {
        int last = offset + length - needle.length;
        outer:
        for (int i = offset; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return jsonText();
    }
}
