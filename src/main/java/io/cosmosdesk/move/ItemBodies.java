package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What "the same item" means for a move: equal content apart from the partition key value and the system
 * properties. Used to recognise our own copy (a create whose answer was lost answers 409 on retry) and to
 * check the invariant in tests.
 */
public final class ItemBodies {

    /** Properties the service owns; never copied, never compared. */
    public static final Set<String> SYSTEM_PROPERTIES = Set.of("_rid", "_self", "_etag", "_ts", "_attachments", "_lsn");

    /** Numbers compare by value: the server may write 1.0 back as 1. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private ItemBodies() {
    }

    /** Equal JSON values, numbers by value (1.0 equals 1); null arguments equal only each other. */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    /** A copy without system properties. */
    public static ObjectNode withoutSystemProperties(ObjectNode item) {
        ObjectNode copy = item.deepCopy();
        copy.remove(SYSTEM_PROPERTIES);
        return copy;
    }

    /** The item as it must be written under {@code key}: no system properties, the key's value at its paths. */
    public static ObjectNode underKey(ObjectNode item, PartitionKeyValue key, List<String> paths) {
        ObjectNode copy = withoutSystemProperties(item);
        key.writeInto(copy, paths);
        return copy;
    }

    /** True when both have the same content apart from partition key values and system properties. */
    public static boolean sameContent(ObjectNode a, ObjectNode b, List<String> paths) {
        return comparable(a, paths).equals(NUMBERS_BY_VALUE, comparable(b, paths));
    }

    private static ObjectNode comparable(ObjectNode item, List<String> paths) {
        ObjectNode copy = withoutSystemProperties(item);
        Object[] missing = new Object[paths.size()];
        java.util.Arrays.fill(missing, PartitionKeyValue.MISSING);
        PartitionKeyValue.of(missing).writeInto(copy, paths);
        return copy;
    }
}
