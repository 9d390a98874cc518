package io.cosmosdesk.schema;

import java.util.List;
import java.util.Optional;

/**
 * What a sample showed about one field.
 *
 * @param itemCount items in which the field appears at least once (null counts as present)
 * @param occurrences values seen: the parent objects that have the property (more than the items inside arrays)
 * @param types by count, most frequent first
 * @param mixed the field holds several kinds of value besides null (strings, dates and GUIDs count as one kind)
 * @param rare present in fewer than {@link SchemaStatistics#RARE_SHARE} of the items sampled
 * @param children nested fields (object properties, and the {@code []} element of an array)
 */
public record FieldSummary(FieldPath path, long itemCount, long occurrences, List<TypeSummary> types,
        boolean mixed, boolean rare, List<FieldSummary> children) {

    public FieldSummary {
        types = List.copyOf(types);
        children = List.copyOf(children);
    }

    /**
     * Equal by value, as a record, but the same object answers at once: the field tree's cells compare their row's
     * item with itself on every index update, and the generated equals walked all the figures and children.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof FieldSummary that && itemCount == that.itemCount && occurrences == that.occurrences
                && mixed == that.mixed && rare == that.rare && path.equals(that.path) && types.equals(that.types)
                && children.equals(that.children);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, itemCount, occurrences, types, mixed, rare, children);
    }

    public long count(ValueType type) {
        return type(type).map(TypeSummary::count).orElse(0L);
    }

    public Optional<TypeSummary> type(ValueType type) {
        return types.stream().filter(t -> t.type() == type).findFirst();
    }

    /** The share of sampled items that have this field, 0 to 1. */
    public double presence(long itemsInspected) {
        return itemsInspected == 0 ? 0 : (double) itemCount / itemsInspected;
    }

    /** Items without the field at all (not even null); only meaningful for fields outside arrays. */
    public long missingCount(long itemsInspected) {
        return itemsInspected - itemCount;
    }

    /** The most frequent type, or null when nothing was seen. */
    public ValueType mainType() {
        return types.isEmpty() ? null : types.get(0).type();
    }
}
