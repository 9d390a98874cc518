package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The scope picker's state: all partitions, or one value per partition key level (a hierarchical key's later levels
 * may stay empty: a prefix). A level's text is a JSON number, true, false or null when it reads as one, a quoted
 * string, or else plain text.
 */
public final class ScopeInput {

    private final List<String> keyPaths;
    private final BooleanProperty allPartitions = new SimpleBooleanProperty(this, "allPartitions", true);
    private final List<StringProperty> levels = new ArrayList<>();

    public ScopeInput(List<String> keyPaths) {
        this.keyPaths = List.copyOf(keyPaths);
        for (String path : keyPaths) {
            levels.add(new SimpleStringProperty(this, path, ""));
        }
    }

    public List<String> keyPaths() {
        return keyPaths;
    }

    public BooleanProperty allPartitionsProperty() {
        return allPartitions;
    }

    /** One text per key path, in order. */
    public List<StringProperty> levels() {
        return levels;
    }

    /** The scope typed, or a sentence saying what is missing. */
    public QueryScope toScope() {
        if (allPartitions.get()) {
            return QueryScope.crossPartition();
        }
        List<Object> components = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < levels.size(); i++) {
            String text = levels.get(i).get() == null ? "" : levels.get(i).get().strip();
            if (text.isEmpty()) {
                gap = true;
                continue;
            }
            if (gap) {
                throw new QueryInputException("Fill the partition key levels in order: " + keyPaths.get(i)
                        + " has a value but a level before it is empty.");
            }
            components.add(component(text));
        }
        if (components.isEmpty()) {
            throw new QueryInputException("Type the partition key value (" + String.join(" › ", keyPaths)
                    + "), or choose All partitions.");
        }
        if (keyPaths.size() > 1 && components.contains(null)) {
            throw new QueryInputException("A hierarchical partition key cannot have a null level.");
        }
        return QueryScope.partition(PartitionKeyValue.of(components.toArray()));
    }

    /** The scope typed for saving the tab: as {@link #toScope}, or all partitions when it is not complete yet. */
    public QueryScope toDraftScope() {
        try {
            return toScope();
        } catch (QueryInputException incomplete) {
            return QueryScope.crossPartition();
        }
    }

    /** Shows a saved scope: its levels typed as they read back to the same values. */
    public void set(QueryScope scope) {
        List<Object> components = scope.isCrossPartition() ? List.of() : scope.partitionKey().components();
        for (int i = 0; i < levels.size(); i++) {
            levels.get(i).set(i < components.size() ? text(components.get(i)) : "");
        }
        allPartitions.set(scope.isCrossPartition());
    }

    /** The text that {@link #component} reads back as {@code value}: plain when it would, else JSON. */
    static String text(Object value) {
        if (value instanceof String string && string.equals(component(string))) {
            return string;
        }
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static Object component(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && (node.isNumber() || node.isBoolean() || node.isNull() || node.isTextual())) {
                if (node.isNull()) {
                    return null;
                }
                if (node.isTextual()) {
                    return node.textValue();
                }
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                        : (Object) node.doubleValue();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // plain text
        }
        return text;
    }
}
