package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a move sends items: per partition key level either one value for every item, or {@link #KEEP}, each
 * item keeping its own value of that level (moving rows of several days to another device keeps their days).
 * The key an item moves to is {@link #resolve resolved} from its own key, item by item.
 */
public final class MoveTarget {

    /** A level each item keeps as it is. */
    public static final Object KEEP = new Object() {
        @Override
        public String toString() {
            return "(keep)";
        }
    };

    private final List<Object> levels;

    private MoveTarget(List<Object> levels) {
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
    }

    /** One value for every level: every item moves to {@code value}. */
    public static MoveTarget of(PartitionKeyValue value) {
        return new MoveTarget(value.components());
    }

    /** Per level a component (as in {@link PartitionKeyValue#of}) or {@link #KEEP}. */
    public static MoveTarget ofLevels(Object... levels) {
        List<Object> normalised = new ArrayList<>();
        for (Object level : levels) {
            normalised.add(level == KEEP ? KEEP : PartitionKeyValue.of(level).components().get(0));
        }
        return new MoveTarget(normalised);
    }

    /** Per level a component or {@link #KEEP}. */
    public List<Object> levels() {
        return levels;
    }

    public boolean keepsAny() {
        return levels.contains(KEEP);
    }

    public boolean keepsAll() {
        return levels.stream().allMatch(level -> level == KEEP);
    }

    /** The key an item under {@code source} moves to: the target's values, the item's own where a level is kept. */
    public PartitionKeyValue resolve(PartitionKeyValue source) {
        List<Object> components = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            Object level = levels.get(i);
            if (level != KEEP) {
                components.add(level);
            } else {
                components.add(i < source.components().size() ? source.components().get(i) : PartitionKeyValue.MISSING);
            }
        }
        return PartitionKeyValue.of(components.toArray());
    }

    /** The fixed levels' values, the kept ones (naming their path) as "each item's own". */
    public String display(List<String> paths) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Object level = levels.get(i);
            parts.add(level == KEEP ? "(each item's own " + (i < paths.size() ? paths.get(i) : "value") + ")"
                    : PartitionKeyValue.displayComponent(level));
        }
        return String.join(" › ", parts);
    }

    /**
     * The journal's form: {@link PartitionKeyValue#toJsonArray}'s array, with {@code {"keep":true}} for a kept
     * level. {@link #fromJsonArray} reads it back.
     */
    public ArrayNode toJsonArray() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object level : levels) {
            if (level == KEEP) {
                array.addObject().put("keep", true);
            } else {
                array.addAll(PartitionKeyValue.of(level).toJsonArray());
            }
        }
        return array;
    }

    /** What {@link #toJsonArray} wrote; a plain key value (journals before "keep") reads as one value. */
    public static MoveTarget fromJsonArray(JsonNode array) {
        List<Object> levels = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isObject() && node.path("keep").asBoolean()) {
                levels.add(KEEP);
            } else {
                levels.add(PartitionKeyValue.fromJsonArray(JsonNodeFactory.instance.arrayNode().add(node))
                        .components().get(0));
            }
        }
        return ofLevels(levels.toArray());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MoveTarget that && levels.equals(that.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(levels);
    }

    @Override
    public String toString() {
        return display(List.of());
    }
}
