package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two versions of an item, field by field, in a line short enough for a table cell:
 * {@code status: "open" → "closed" · +notes · −phone}. Objects are compared field by field, arrays and scalars
 * whole, numbers by value ({@link ItemContent#equalByValue}); the service's system properties are not compared.
 */
public final class FieldDiff {

    /** One changed field; {@code before} is null when added, {@code after} null when removed. */
    public record FieldChange(JsonPath path, JsonNode before, JsonNode after) {
    }

    static final String UNCHANGED = "same fields as before (written or read again)";
    private static final int MAX_VALUE_CHARS = 40;
    private static final int MAX_FIELDS_SHOWN = 6;

    private FieldDiff() {
    }

    /** Every changed field, in the newer version's field order (removed fields last). */
    public static List<FieldChange> between(ObjectNode before, ObjectNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(List.of(), before, after, changes, true);
        return changes;
    }

    /**
     * The compact line for a list of changes; when it is empty the item was written again with the same fields, or
     * read again (a restart from the beginning).
     */
    public static String summary(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return UNCHANGED;
        }
        List<String> parts = new ArrayList<>();
        for (FieldChange change : changes.subList(0, Math.min(MAX_FIELDS_SHOWN, changes.size()))) {
            String name = displayPath(change.path());
            if (change.before() == null) {
                parts.add("+" + name + ": " + shortValue(change.after()));
            } else if (change.after() == null) {
                parts.add("−" + name);
            } else {
                parts.add(name + ": " + shortValue(change.before()) + " → " + shortValue(change.after()));
            }
        }
        if (changes.size() > MAX_FIELDS_SHOWN) {
            parts.add("+" + (changes.size() - MAX_FIELDS_SHOWN) + " more");
        }
        return String.join(" · ", parts);
    }

    /**
     * An item in a line: its fields (system properties left out) as {@code status: "open" · n: 3}, the first few
     * only, for a row that says what was deleted.
     */
    public static String describe(ObjectNode item) {
        List<String> parts = new ArrayList<>();
        int fields = 0;
        for (var it = item.fields(); it.hasNext(); ) {
            var field = it.next();
            if (ItemContent.SYSTEM_PROPERTIES.contains(field.getKey()) || "id".equals(field.getKey())) {
                continue;
            }
            fields++;
            if (parts.size() < MAX_FIELDS_SHOWN) {
                parts.add(displayPath(JsonPath.of(List.of(field.getKey()))) + ": " + shortValue(field.getValue()));
            }
        }
        if (fields > MAX_FIELDS_SHOWN) {
            parts.add("+" + (fields - MAX_FIELDS_SHOWN) + " more");
        }
        return parts.isEmpty() ? "no fields but its id" : String.join(" · ", parts);
    }

    private static void compare(List<String> at, ObjectNode before, ObjectNode after, List<FieldChange> changes,
            boolean top) {
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(names::add);
        before.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (top && ItemContent.SYSTEM_PROPERTIES.contains(name)) {
                continue;
            }
            JsonNode b = before.get(name);
            JsonNode a = after.get(name);
            List<String> path = new ArrayList<>(at);
            path.add(name);
            if (b instanceof ObjectNode bo && a instanceof ObjectNode ao) {
                compare(path, bo, ao, changes, false);
            } else if (!ItemContent.equalByValue(b, a)) {
                changes.add(new FieldChange(JsonPath.of(path), b, a));
            }
        }
    }

    /** {@code customer.name}, or the pointer form when a name has a dot or a slash in it. */
    static String displayPath(JsonPath path) {
        boolean plain = path.segments().stream().noneMatch(s -> s.contains(".") || s.contains("/") || s.isEmpty());
        return plain ? String.join(".", path.segments()) : path.toString();
    }

    static String shortValue(JsonNode value) {
        String text = value.isContainerNode() ? (value.isArray() ? "[" + value.size() + " items]" : "{…}")
                : value.toString();
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }
}
