package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Partition key values in the journal: a JSON array, one element per level, {@code {"missing":true}} for MISSING.
 * A {@link MoveTarget} adds {@code {"keep":true}} for a level each item keeps.
 */
final class PartitionKeyJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PartitionKeyJson() {
    }

    static ArrayNode write(PartitionKeyValue value) {
        ArrayNode array = JSON.arrayNode();
        for (Object component : value.components()) {
            if (component == PartitionKeyValue.MISSING) {
                array.addObject().put("missing", true);
            } else if (component == null) {
                array.addNull();
            } else if (component instanceof String s) {
                array.add(s);
            } else if (component instanceof Boolean b) {
                array.add(b);
            } else if (component instanceof Long l) {
                array.add(l);
            } else {
                array.add((Double) component);
            }
        }
        return array;
    }

    static ArrayNode write(MoveTarget target) {
        ArrayNode array = JSON.arrayNode();
        for (Object level : target.levels()) {
            if (level == MoveTarget.KEEP) {
                array.addObject().put("keep", true);
            } else {
                array.addAll(write(PartitionKeyValue.of(level)));
            }
        }
        return array;
    }

    /** A target as written by {@link #write(MoveTarget)}; a plain value (journals before "keep") reads as one. */
    static MoveTarget readTarget(JsonNode array) {
        List<Object> levels = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isObject() && node.path("keep").asBoolean()) {
                levels.add(MoveTarget.KEEP);
            } else {
                levels.add(read(JSON.arrayNode().add(node)).components().get(0));
            }
        }
        return MoveTarget.ofLevels(levels.toArray());
    }

    static PartitionKeyValue read(JsonNode array) {
        List<Object> components = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isObject() && node.path("missing").asBoolean()) {
                components.add(PartitionKeyValue.MISSING);
            } else if (node.isNull()) {
                components.add(null);
            } else if (node.isTextual()) {
                components.add(node.textValue());
            } else if (node.isBoolean()) {
                components.add(node.booleanValue());
            } else if (node.isIntegralNumber()) {
                components.add(node.longValue());
            } else {
                components.add(node.doubleValue());
            }
        }
        return PartitionKeyValue.of(components.toArray());
    }
}
