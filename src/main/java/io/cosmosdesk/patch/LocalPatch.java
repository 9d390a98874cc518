package io.cosmosdesk.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.List;

/**
 * Applies patch operations to a copy of an item, with Cosmos DB's semantics (as the local server proves them in
 * PatchOperationsIT): set and add create a missing last property but never a missing parent; add inserts into an
 * array at an index up to its length or at "-"; replace and remove need the target to exist; increment creates a
 * missing number and refuses anything else; move needs its source and cannot move a value into itself. All or
 * nothing: the first operation that cannot apply stops it with a sentence ({@link NotApplicable}).
 */
public final class LocalPatch {

    /** Why the operations cannot apply to an item; Cosmos DB would answer 400 for it. */
    public static final class NotApplicable extends Exception {
        private static final long serialVersionUID = 1L;

        NotApplicable(PatchOp op, String why) {
            super(op.describe() + ": " + why);
        }
    }

    private LocalPatch() {
    }

    /** The item after {@code spec}'s operations; {@code item} itself is left as it is. */
    public static ObjectNode apply(ObjectNode item, PatchSpec spec) throws NotApplicable {
        ObjectNode result = item.deepCopy();
        for (PatchOp op : spec.operations()) {
            applyOne(result, op);
        }
        return result;
    }

    private static void applyOne(ObjectNode root, PatchOp op) throws NotApplicable {
        switch (op.kind()) {
            case SET -> set(root, op, op.path(), op.value(), false);
            case ADD -> set(root, op, op.path(), op.value(), true);
            case REPLACE -> replace(root, op);
            case REMOVE -> remove(root, op, op.path());
            case INCREMENT -> increment(root, op);
            case MOVE -> move(root, op);
        }
    }

    private static JsonNode parentOf(ObjectNode root, PatchOp op, JsonPath path) throws NotApplicable {
        List<String> segments = path.segments();
        JsonNode current = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            JsonNode next = current.isArray() ? indexIn((ArrayNode) current, segment, false)
                    : current.isObject() ? current.get(segment) : null;
            if (next == null) {
                throw new NotApplicable(op, "its parent " + parentText(segments) + " does not exist.");
            }
            current = next;
        }
        if (!current.isContainerNode()) {
            throw new NotApplicable(op, parentText(segments) + " is not an object or an array.");
        }
        return current;
    }

    private static String parentText(List<String> segments) {
        return segments.size() == 1 ? "the item" : JsonPath.of(segments.subList(0, segments.size() - 1)).toString();
    }

    private static JsonNode indexIn(ArrayNode array, String segment, boolean allowEnd) {
        int index = index(segment);
        return index >= 0 && index < array.size() ? array.get(index) : null;
    }

    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || !segment.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(segment);
    }

    private static String last(JsonPath path) {
        return path.segments().get(path.segments().size() - 1);
    }

    private static void set(ObjectNode root, PatchOp op, JsonPath path, JsonNode value, boolean insert)
            throws NotApplicable {
        JsonNode parent = parentOf(root, op, path);
        String key = last(path);
        if (parent instanceof ArrayNode array) {
            if (insert && key.equals("-")) {
                array.add(value.deepCopy());
                return;
            }
            int index = index(key);
            if (index < 0) {
                throw new NotApplicable(op, "\"" + key + "\" is not an array index.");
            }
            if (insert ? index > array.size() : index >= array.size()) {
                throw new NotApplicable(op, "index " + index + " is outside the array (" + array.size()
                        + " elements).");
            }
            if (insert) {
                array.insert(index, value.deepCopy());
            } else {
                array.set(index, value.deepCopy());
            }
        } else {
            ((ObjectNode) parent).set(key, value.deepCopy());
        }
    }

    private static void replace(ObjectNode root, PatchOp op) throws NotApplicable {
        JsonNode parent = parentOf(root, op, op.path());
        String key = last(op.path());
        if (parent instanceof ArrayNode array) {
            int index = index(key);
            if (index < 0 || index >= array.size()) {
                throw new NotApplicable(op, "there is no element " + key + " to replace.");
            }
            array.set(index, op.value().deepCopy());
        } else if (!parent.has(key)) {
            throw new NotApplicable(op, op.path() + " does not exist (replace only changes what is there).");
        } else {
            ((ObjectNode) parent).set(key, op.value().deepCopy());
        }
    }

    private static JsonNode remove(ObjectNode root, PatchOp op, JsonPath path) throws NotApplicable {
        JsonNode parent = parentOf(root, op, path);
        String key = last(path);
        if (parent instanceof ArrayNode array) {
            int index = index(key);
            if (index < 0 || index >= array.size()) {
                throw new NotApplicable(op, "there is no element " + key + " to remove.");
            }
            return array.remove(index);
        }
        if (!parent.has(key)) {
            throw new NotApplicable(op, path + " does not exist.");
        }
        return ((ObjectNode) parent).remove(key);
    }

    private static void increment(ObjectNode root, PatchOp op) throws NotApplicable {
        JsonNode parent = parentOf(root, op, op.path());
        String key = last(op.path());
        JsonNode current;
        if (parent instanceof ArrayNode array) {
            int index = index(key);
            if (index < 0 || index >= array.size()) {
                throw new NotApplicable(op, "there is no element " + key + " to increment.");
            }
            current = array.get(index);
        } else {
            current = parent.get(key);
        }
        JsonNode by = op.value();
        JsonNode sum;
        if (current == null || current.isNull()) {
            sum = by;
        } else if (!current.isNumber()) {
            throw new NotApplicable(op, op.path() + " holds " + current.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not a number.");
        } else if (current.isIntegralNumber() && by.isIntegralNumber()) {
            sum = root.numberNode(current.asLong() + by.asLong());
        } else {
            sum = root.numberNode(current.asDouble() + by.asDouble());
        }
        if (parent instanceof ArrayNode array) {
            array.set(index(key), sum);
        } else {
            ((ObjectNode) parent).set(key, sum);
        }
    }

    private static void move(ObjectNode root, PatchOp op) throws NotApplicable {
        List<String> from = op.from().segments();
        List<String> to = op.path().segments();
        if (from.equals(to)) {
            throw new NotApplicable(op, "it would move a value onto itself.");
        }
        if (to.size() > from.size() && to.subList(0, from.size()).equals(from)) {
            throw new NotApplicable(op, "it would move a value into itself.");
        }
        JsonNode value;
        try {
            value = remove(root, op, op.from());
        } catch (NotApplicable e) {
            throw new NotApplicable(op, "the source " + op.from() + " does not exist.");
        }
        set(root, op, op.path(), value, true);
    }
}
