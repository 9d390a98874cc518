package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/**
 * The one home of what an item's content is: the system properties the service owns, and equality where
 * numbers count by value. The editor, the item service and moves all ask here, so they cannot disagree.
 */
public final class ItemContent {

    /** Properties the service owns: shown read-only, never sent back, never copied, never compared. */
    public static final List<String> SYSTEM_PROPERTIES = List.of("_rid", "_self", "_etag", "_ts", "_attachments",
            "_lsn");

    /**
     * Node equality where numbers count by value: 14.5 sent as a decimal comes back as a double, and the server
     * may write 1.0 back as 1. Use with {@link JsonNode#equals(Comparator, JsonNode)}: 0 means equal.
     */
    public static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private ItemContent() {
    }

    /** A copy of {@code item} without the service's system properties. */
    public static ObjectNode withoutSystemProperties(ObjectNode item) {
        ObjectNode copy = item.deepCopy();
        copy.remove(SYSTEM_PROPERTIES);
        return copy;
    }

    /** True when both are the same JSON, numbers compared by value ({@code 1}, {@code 1.0}, {@code 1.00}). */
    public static boolean equalByValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
