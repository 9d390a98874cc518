package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;

/**
 * What "the same item" means for a move: equal content apart from the partition key value and the system
 * properties. Used to recognise our own copy (a create whose answer was lost answers 409 on retry) and to
 * check the invariant in tests.
 */
public final class ItemBodies {

    private ItemBodies() {
    }

    /** The item as it must be written under {@code key}: no system properties, the key's value at its paths. */
    public static ObjectNode underKey(ObjectNode item, PartitionKeyValue key, List<String> paths) {
        ObjectNode copy = ItemContent.withoutSystemProperties(item);
        key.writeInto(copy, paths);
        return copy;
    }

    /** True when both have the same content apart from partition key values and system properties. */
    public static boolean sameContent(ObjectNode a, ObjectNode b, List<String> paths) {
        return ItemContent.equalByValue(comparable(a, paths), comparable(b, paths));
    }

    private static ObjectNode comparable(ObjectNode item, List<String> paths) {
        ObjectNode copy = ItemContent.withoutSystemProperties(item);
        Object[] missing = new Object[paths.size()];
        java.util.Arrays.fill(missing, PartitionKeyValue.MISSING);
        PartitionKeyValue.of(missing).writeInto(copy, paths);
        return copy;
    }
}
