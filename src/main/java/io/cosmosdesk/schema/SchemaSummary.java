package io.cosmosdesk.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A snapshot of what a sample showed: immutable, safe to hand to the UI thread while sampling goes on.
 *
 * @param fields top-level fields, each with its nested ones, most present first
 * @param fieldsLeftOut distinct fields not analysed because the field limit was reached (keys that are data)
 */
public record SchemaSummary(long itemsInspected, List<FieldSummary> fields, long fieldsLeftOut) {

    public static final SchemaSummary EMPTY = new SchemaSummary(0, List.of(), 0);

    public SchemaSummary {
        fields = List.copyOf(fields);
    }

    /** Every field, depth first, parents before children. */
    public List<FieldSummary> allFields() {
        List<FieldSummary> all = new ArrayList<>();
        forEach(fields, all::add);
        return all;
    }

    public Optional<FieldSummary> field(FieldPath path) {
        return allFields().stream().filter(field -> field.path().equals(path)).findFirst();
    }

    private static void forEach(List<FieldSummary> fields, Consumer<FieldSummary> action) {
        for (FieldSummary field : fields) {
            action.accept(field);
            forEach(field.children(), action);
        }
    }
}
