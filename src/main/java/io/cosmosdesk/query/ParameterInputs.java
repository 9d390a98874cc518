package io.cosmosdesk.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The parameters table of a query tab: one row per {@code @name} in the text, in order. A row keeps what was typed
 * for it while the name stays out of the text for a moment (typing "@c" on the way to "@city"). Plain Java.
 */
final class ParameterInputs {

    private final ObservableList<ParameterRow> rows = FXCollections.observableArrayList();
    private final Map<String, ParameterRow> byName = new HashMap<>();

    ObservableList<ParameterRow> rows() {
        return rows;
    }

    /**
     * Makes the rows those of the {@code @names} in {@code text}, each typed as the text suggests (a number where it
     * is compared with {@code >}, ...) until a type is chosen for it.
     */
    void refresh(String text) {
        List<ParameterRow> next = new ArrayList<>();
        List<String> names = QueryText.parameterNames(text == null ? "" : text);
        Map<String, ParameterType> suggested = names.isEmpty() ? Map.of() : ParameterTypeHints.suggested(text);
        for (String name : names) {
            ParameterRow row = byName.computeIfAbsent(name, ParameterRow::new);
            row.suggest(suggested.getOrDefault(name, ParameterType.TEXT));
            next.add(row);
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    /** The typed values of these names, in this order (each name must be in the text). */
    List<QueryParameter> values(List<String> names) {
        List<QueryParameter> values = new ArrayList<>();
        for (String name : names) {
            values.add(byName.computeIfAbsent(name, ParameterRow::new).toParameter());
        }
        return values;
    }

    /** What the rows shown hold, for saving the query. */
    List<QueryParameter> current() {
        return rows.stream().map(ParameterRow::toParameter).toList();
    }

    /** Puts saved types and values back (rows appear when their name is in the text). */
    void apply(List<QueryParameter> saved) {
        for (QueryParameter parameter : saved) {
            ParameterRow row = byName.computeIfAbsent(parameter.name(), ParameterRow::new);
            row.choose(parameter.type());
            row.valueProperty().set(parameter.value() == null ? "" : parameter.value());
        }
    }
}
