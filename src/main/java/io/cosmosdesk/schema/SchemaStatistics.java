package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ItemContent;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads items one by one and keeps, per field path, what a schema view shows: presence, types, and the figures of
 * each type. Pure and single-threaded: the sampler feeds it and asks for {@link #summary()} snapshots now and then.
 *
 * <p>Memory is bounded whatever the number of items: each field keeps fixed-size accumulators (a value reservoir
 * for histograms, at most {@value StringAccumulator#EXACT_DISTINCT} distinct strings, then a HyperLogLog), at most
 * {@value #MAX_FIELDS} fields are followed (keys that are really data, such as ids used as property names, would
 * otherwise grow it without end) and nesting deeper than {@value #MAX_DEPTH} levels is not followed. The service's
 * system properties ({@code _rid}, {@code _etag}…) are left out: every item has them.
 */
public final class SchemaStatistics {

    public static final int MAX_FIELDS = 5_000;
    public static final int MAX_DEPTH = 32;
    /** Fields present in fewer than this share of the items are flagged as rare. */
    public static final double RARE_SHARE = 0.05;

    private static final Set<String> SYSTEM_PROPERTIES = Set.copyOf(ItemContent.SYSTEM_PROPERTIES);

    private final FieldNode root = new FieldNode(FieldPath.ROOT);
    private long items;
    private int fields;
    private long fieldsLeftOut;

    /** Adds one item (a JSON object; anything else is counted as an item with no fields). */
    public void add(JsonNode item) {
        long number = items++;
        if (item == null || !item.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = item.fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (!SYSTEM_PROPERTIES.contains(property.getKey())) {
                visitProperty(root, property.getKey(), property.getValue(), number, 1);
            }
        }
    }

    public long itemsInspected() {
        return items;
    }

    private void visitProperty(FieldNode parent, String name, JsonNode value, long item, int depth) {
        FieldNode field = parent.child(name);
        if (field == null) {
            if (fields >= MAX_FIELDS) {
                fieldsLeftOut++;
                return;
            }
            field = parent.addChild(name);
            fields++;
        }
        visit(field, value, item, depth);
    }

    private void visit(FieldNode field, JsonNode value, long item, int depth) {
        field.record(value, item);
        if (depth >= MAX_DEPTH) {
            return;
        }
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> properties = value.fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                visitProperty(field, property.getKey(), property.getValue(), item, depth + 1);
            }
        } else if (value.isArray() && !value.isEmpty()) {
            FieldNode element = field.element();
            if (element == null) {
                if (fields >= MAX_FIELDS) {
                    fieldsLeftOut++;
                    return;
                }
                element = field.addElement();
                fields++;
            }
            for (JsonNode each : value) {
                visit(element, each, item, depth + 1);
            }
        }
    }

    /** A snapshot of the figures so far; costs a walk over every field, so ask a few times a second at most. */
    public SchemaSummary summary() {
        FieldSummary all = root.summary(items, RARE_SHARE);
        return new SchemaSummary(items, all.children(), fieldsLeftOut);
    }
}
