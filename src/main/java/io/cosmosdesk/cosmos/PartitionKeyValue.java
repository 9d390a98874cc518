package io.cosmosdesk.cosmos;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An item's partition key value: one component per partition key path (up to three for hierarchical
 * keys). A component is a String, a Number (Long or Double), a Boolean, {@code null} (JSON null) or
 * {@link #MISSING} (the property is absent), and null and missing are different values in Cosmos DB.
 */
public final class PartitionKeyValue {

    /** Marks a component whose property is absent from the item. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "(missing)";
        }
    };

    /** The most levels a hierarchical partition key has in Cosmos DB. */
    public static final int MAX_LEVELS = 3;

    private static final String MISSING_MARKER = "missing";

    private final List<Object> components;
    /** Worked out once, where the value is made (a background thread for the grid's pages): the UI hashes it per row. */
    private final int hash;

    private PartitionKeyValue(List<Object> components) {
        for (Object c : components) {
            if (!(c == null || c == MISSING || c instanceof String || c instanceof Boolean || c instanceof Long
                    || c instanceof Double)) {
                throw new IllegalArgumentException("Unsupported partition key component: " + c.getClass());
            }
        }
        this.components = Collections.unmodifiableList(new ArrayList<>(components));
        this.hash = Objects.hash(this.components);
    }

    /** Components in path order; numbers are normalised to Long (integral) or Double. */
    public static PartitionKeyValue of(Object... components) {
        List<Object> normalised = new ArrayList<>();
        for (Object component : components) {
            normalised.add(normalise(component));
        }
        return new PartitionKeyValue(normalised);
    }

    /** As {@link #fromItem(JsonNode, List)} with the paths parsed once, for many items of one container. */
    public static PartitionKeyValue fromItemAt(JsonNode item, List<JsonPath> paths) {
        List<Object> components = new ArrayList<>(paths.size());
        for (JsonPath path : paths) {
            components.add(componentOf(path.readThroughObjects(item)));
        }
        return new PartitionKeyValue(components);
    }

    /** Reads the value of each path (e.g. {@code /customer/id}) from an item. */
    public static PartitionKeyValue fromItem(JsonNode item, List<String> paths) {
        List<Object> components = new ArrayList<>();
        for (String path : paths) {
            components.add(componentOf(at(item, path)));
        }
        return new PartitionKeyValue(components);
    }

    /**
     * Reads a key typed as JSON (the command line's form): one value, {@code "cust-1"} with its double quotes,
     * {@code 42}, {@code 1.5}, {@code true} or {@code null}, or for a hierarchical key an array of one such value a
     * level, {@code ["t1","d7"]}. Numbers read as {@link #fromItem} reads them from an item.
     *
     * @throws IllegalArgumentException whose message completes a sentence that starts with the name of what was
     *         typed, e.g. {@code "--partition-key " + e.getMessage()}
     */
    public static PartitionKeyValue fromJson(String json) {
        JsonNode node;
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            node = Json.MAPPER.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new IllegalArgumentException("must be one JSON value (an array for a hierarchical key), not "
                        + json + ".");
            }
        } catch (JsonProcessingException e) {
            node = null;
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string cannot fail", e);
        }
        if (node == null) {
            throw new IllegalArgumentException("must be a JSON value such as \"cust-1\" (with the double quotes), 42, "
                    + "true or null, or for a hierarchical key an array such as [\"t1\",\"d7\"], not " + json + ".");
        }
        List<JsonNode> levels = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(levels::add);
        } else {
            levels.add(node);
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("needs at least one level, not " + json + ".");
        }
        if (levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException(json + " has " + levels.size() + " levels: a hierarchical key has at most "
                    + MAX_LEVELS + " levels.");
        }
        List<Object> components = new ArrayList<>(levels.size());
        for (JsonNode level : levels) {
            if (level.isContainerNode()) {
                throw new IllegalArgumentException(json + " is not a string, number, boolean or null"
                        + (node.isArray() ? " at each level." : "."));
            }
            components.add(componentOf(level));
        }
        return new PartitionKeyValue(components);
    }

    /** The node at a partition key path, or null when any step is absent. */
    public static JsonNode at(JsonNode item, String path) {
        return JsonPath.fromPointer(path).readThroughObjects(item);
    }

    /**
     * This value as a JSON array, one element per level, {@code {"missing":true}} for {@link #MISSING}: how the
     * move journal stores keys. {@link #fromJsonArray} reads it back.
     */
    public ArrayNode toJsonArray() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object component : components) {
            if (component == MISSING) {
                array.addObject().put(MISSING_MARKER, true);
            } else {
                array.add(toJson(component));
            }
        }
        return array;
    }

    /** Reads what {@link #toJsonArray} wrote. */
    public static PartitionKeyValue fromJsonArray(JsonNode array) {
        List<Object> components = new ArrayList<>();
        for (JsonNode node : array) {
            boolean missing = node.isObject() && node.path(MISSING_MARKER).asBoolean();
            components.add(missing ? MISSING : componentOf(node));
        }
        return new PartitionKeyValue(components);
    }

    /** Writes this value into {@code item} at the given paths (MISSING removes the property). */
    public void writeInto(ObjectNode item, List<String> paths) {
        if (paths.size() != components.size()) {
            throw new IllegalArgumentException("Expected " + paths.size() + " components, got " + components.size());
        }
        for (int i = 0; i < paths.size(); i++) {
            List<String> steps = JsonPath.fromPointer(paths.get(i)).segments();
            ObjectNode parent = item;
            for (int s = 0; s < steps.size() - 1; s++) {
                JsonNode child = parent.get(steps.get(s));
                if (!(child instanceof ObjectNode)) {
                    if (components.get(i) == MISSING) {
                        parent = null;
                        break;
                    }
                    child = parent.putObject(steps.get(s));
                }
                parent = (ObjectNode) child;
            }
            if (parent == null) {
                continue;
            }
            String last = steps.get(steps.size() - 1);
            Object component = components.get(i);
            if (component == MISSING) {
                parent.remove(last);
            } else {
                parent.set(last, toJson(component));
            }
        }
    }

    public List<Object> components() {
        return components;
    }

    public boolean hasMissing() {
        return components.contains(MISSING);
    }

    /** The SDK's partition key. Hierarchical keys may not contain null or missing components. */
    public PartitionKey toPartitionKey() {
        if (components.size() == 1) {
            Object only = components.get(0);
            if (only == MISSING) {
                return PartitionKey.NONE;
            }
            if (only == null) {
                return new PartitionKey(null);
            }
            return new PartitionKey(only);
        }
        PartitionKeyBuilder builder = new PartitionKeyBuilder();
        for (Object component : components) {
            if (component == null || component == MISSING) {
                throw new CosmosDeskException(ErrorKind.BAD_REQUEST,
                        "A hierarchical partition key cannot have a null or missing level.");
            }
            if (component instanceof String s) {
                builder.add(s);
            } else if (component instanceof Boolean b) {
                builder.add(b);
            } else {
                builder.add(((Number) component).doubleValue());
            }
        }
        return builder.build();
    }

    /** For display: {@code "tenant-1" › "device-7"}, {@code 42}, {@code null}, {@code (missing)}. */
    public String display() {
        List<String> parts = new ArrayList<>();
        for (Object component : components) {
            parts.add(displayComponent(component));
        }
        return String.join(" › ", parts);
    }

    public static String displayComponent(Object component) {
        if (component == MISSING) {
            return "(missing)";
        }
        if (component == null) {
            return "null";
        }
        if (component instanceof String s) {
            return "\"" + s + "\"";
        }
        if (component instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return String.valueOf(component);
    }

    private static Object componentOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return MISSING;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        // objects and arrays are not valid partition key values; keep their JSON text
        return node.toString();
    }

    private static Object normalise(Object component) {
        if (component instanceof Integer || component instanceof Short || component instanceof Byte) {
            return ((Number) component).longValue();
        }
        if (component instanceof Float f) {
            return f.doubleValue();
        }
        return component;
    }

    private static JsonNode toJson(Object component) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (component == null) {
            return json.nullNode();
        }
        if (component instanceof String s) {
            return json.textNode(s);
        }
        if (component instanceof Boolean b) {
            return json.booleanNode(b);
        }
        if (component instanceof Long l) {
            return json.numberNode(l);
        }
        return json.numberNode((Double) component);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof PartitionKeyValue that && hash == that.hash
                && components.equals(that.components);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return display();
    }
}
