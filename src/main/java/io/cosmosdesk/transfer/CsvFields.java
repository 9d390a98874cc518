package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses CSV columns from a sample of items: every leaf path in first-seen order, objects flattened, arrays and
 * empty objects kept whole (one cell of JSON text). A path that is an object in some items and something else in
 * others stays one column of JSON text, so no sampled value is split over columns that cannot hold it.
 */
public final class CsvFields {

    /** JsonPath's limit of levels; deeper objects stay whole at this depth. */
    private static final int MAX_DEPTH = 16;

    private final boolean systemProperties;
    private final Node root = new Node();
    private int sampled;

    /** @param systemProperties whether the service's properties ({@code _rid}, {@code _ts} …) become columns */
    public CsvFields(boolean systemProperties) {
        this.systemProperties = systemProperties;
    }

    /** The columns of these items. */
    public static List<JsonPath> of(Iterable<ObjectNode> sample, boolean systemProperties) {
        CsvFields fields = new CsvFields(systemProperties);
        sample.forEach(fields::add);
        return fields.fields();
    }

    /** Adds one item of the sample. */
    public void add(ObjectNode item) {
        sampled++;
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!systemProperties && ItemContent.SYSTEM_PROPERTIES.contains(field.getKey())) {
                continue;
            }
            root.child(field.getKey()).see(field.getValue(), List.of(field.getKey()));
        }
    }

    public int sampled() {
        return sampled;
    }

    /** The columns seen so far, in first-seen order ({@code id} first when present). */
    public List<JsonPath> fields() {
        List<JsonPath> out = new ArrayList<>();
        root.children.forEach((name, node) -> node.collect(List.of(name), out));
        out.sort((a, b) -> Boolean.compare(!isId(a), !isId(b)));
        return out;
    }

    private static boolean isId(JsonPath path) {
        return path.segments().size() == 1 && path.segments().get(0).equals("id");
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        boolean flattenable;
        boolean whole;

        Node child(String name) {
            return children.computeIfAbsent(name, n -> new Node());
        }

        void see(JsonNode value, List<String> path) {
            if (!(value instanceof ObjectNode object) || object.isEmpty() || path.size() >= MAX_DEPTH
                    || !childrenCanBeColumns(object, path)) {
                whole = true;
                return;
            }
            flattenable = true;
            object.fields().forEachRemaining(field -> {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(field.getKey());
                child(field.getKey()).see(field.getValue(), childPath);
            });
        }

        void collect(List<String> path, List<JsonPath> out) {
            if (whole || !flattenable || children.isEmpty()) {
                if (CsvHeader.canBeColumn(path)) {
                    out.add(JsonPath.of(path));
                }
                return;
            }
            children.forEach((name, node) -> {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(name);
                node.collect(childPath, out);
            });
        }

        private static boolean childrenCanBeColumns(ObjectNode object, List<String> path) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(names.next());
                if (!CsvHeader.canBeColumn(childPath)) {
                    return false;
                }
            }
            return true;
        }
    }
}
