package io.cosmosdesk.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A three-way merge of an item at the level of JSON fields: the version the user opened (base), the server's
 * (theirs) and the user's (yours). A field changed on one side only takes that side's value; a field changed
 * the same way on both sides is no conflict; a field changed differently on both sides is a clash. Objects
 * present on all three sides merge field by field; arrays and scalars are values, compared whole (numbers by
 * value). A removed field is a change like any other. System properties ({@code _etag}, {@code _ts}, ...) are
 * the server's and are not merged.
 */
public final class FieldMerge {

    /** Who changed a field since the user opened the item. */
    public enum Side { THEIRS, YOURS, BOTH_ALIKE, CLASH }

    /** One changed field: its JSON path ({@code /address/city}) and who changed it. */
    public record Change(String path, Side side) {
    }

    /**
     * @param merged  the server's version with the user's changes where only the user changed a field, and the
     *                user's value at clashes (what Overwrite saves); system properties are the server's
     * @param changes every field changed since the base, in document order
     */
    public record Result(ObjectNode merged, List<Change> changes) {

        public boolean hasClash() {
            return changes.stream().anyMatch(change -> change.side() == Side.CLASH);
        }

        public List<String> paths(Side side) {
            return changes.stream().filter(change -> change.side() == side).map(Change::path).toList();
        }

        /** "They changed /status, /email. You changed /phone." (and "You both changed …" for clashes). */
        public String whoChangedWhat() {
            List<String> parts = new ArrayList<>();
            if (!paths(Side.THEIRS).isEmpty()) {
                parts.add("They changed " + String.join(", ", paths(Side.THEIRS)) + ".");
            }
            if (!paths(Side.YOURS).isEmpty()) {
                parts.add("You changed " + String.join(", ", paths(Side.YOURS)) + ".");
            }
            if (!paths(Side.CLASH).isEmpty()) {
                parts.add("You both changed " + String.join(", ", paths(Side.CLASH)) + ".");
            }
            return String.join(" ", parts);
        }
    }

    private FieldMerge() {
    }

    public static Result merge(ObjectNode base, ObjectNode theirs, ObjectNode yours) {
        List<Change> changes = new ArrayList<>();
        ObjectNode merged = mergeObjects("", base, theirs, yours, changes, true);
        return new Result(merged, List.copyOf(changes));
    }

    private static ObjectNode mergeObjects(String at, ObjectNode base, ObjectNode theirs, ObjectNode yours,
            List<Change> changes, boolean top) {
        ObjectNode merged = theirs.objectNode();
        // the server's field order first, then fields only the user added
        Set<String> names = new LinkedHashSet<>();
        theirs.fieldNames().forEachRemaining(names::add);
        yours.fieldNames().forEachRemaining(names::add);
        base.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode b = base.get(name);
            JsonNode t = theirs.get(name);
            JsonNode y = yours.get(name);
            if (top && ItemContent.SYSTEM_PROPERTIES.contains(name)) {
                if (t != null) {
                    merged.set(name, t);
                }
                continue;
            }
            String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
            JsonNode value;
            if (b instanceof ObjectNode bo && t instanceof ObjectNode to && y instanceof ObjectNode yo) {
                // field by field, also when one side alone changed it: the changes name the fields, not the object
                value = mergeObjects(path, bo, to, yo, changes, false);
            } else if (ItemContent.equalByValue(t, y)) {
                value = t;
                if (!ItemContent.equalByValue(b, t)) {
                    changes.add(new Change(path, Side.BOTH_ALIKE));
                }
            } else if (ItemContent.equalByValue(b, y)) {
                value = t;
                changes.add(new Change(path, Side.THEIRS));
            } else if (ItemContent.equalByValue(b, t)) {
                value = y;
                changes.add(new Change(path, Side.YOURS));
            } else {
                value = y;
                changes.add(new Change(path, Side.CLASH));
            }
            if (value != null) {
                merged.set(name, value.deepCopy());
            }
        }
        return merged;
    }
}
