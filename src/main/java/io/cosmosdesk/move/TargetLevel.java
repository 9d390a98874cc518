package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One partition key level of the move target as the user types it: a path, a value type and the text. A level
 * of a hierarchical key starts as KEEP (each item keeps its own value) and becomes Text once the user types;
 * existing values of the level are offered as suggestions.
 */
public final class TargetLevel {

    /**
     * What the text means. KEEP, NULL, MISSING and EMPTY_STRING take no text; hierarchical keys allow neither NULL
     * nor MISSING, and only they allow KEEP. A blank STRING is refused: the empty string is only ever chosen
     * explicitly, as EMPTY_STRING, and "keep" only as KEEP.
     */
    public enum Kind { KEEP, STRING, EMPTY_STRING, NUMBER, BOOLEAN, NULL, MISSING }

    private final String path;
    private final List<Kind> allowedKinds;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.STRING);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<Object> suggestions = FXCollections.observableArrayList();
    private final String keepHint;

    /** {@code current}: the values the items being moved have at this level (shown first among the suggestions). */
    TargetLevel(String path, boolean hierarchical, List<Object> current) {
        this.path = path;
        this.allowedKinds = hierarchical ? List.of(Kind.KEEP, Kind.STRING, Kind.EMPTY_STRING, Kind.NUMBER, Kind.BOOLEAN)
                : List.of(Kind.STRING, Kind.EMPTY_STRING, Kind.NUMBER, Kind.BOOLEAN, Kind.NULL, Kind.MISSING);
        List<Object> distinct = current.stream().distinct().toList();
        this.keepHint = distinct.size() == 1 ? "keep " + PartitionKeyValue.displayComponent(distinct.get(0))
                : "keep each item's own (" + distinct.size() + " values)";
        addSuggestions(distinct);
        if (hierarchical) {
            kind.set(Kind.KEEP);
            // typing into a kept level means the user wants that value
            text.addListener((o, old, typed) -> {
                if (kind.get() == Kind.KEEP && typed != null && !typed.isEmpty()) {
                    kind.set(Kind.STRING);
                }
            });
        }
    }

    public String path() {
        return path;
    }

    public List<Kind> allowedKinds() {
        return allowedKinds;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Values this level has now (the selection's first, then the container's), to pick as the target. */
    public ObservableList<Object> suggestions() {
        return suggestions;
    }

    /** What KEEP means here, e.g. {@code keep "2024-01-01"} or {@code keep each item's own (2 values)}. */
    public String keepHint() {
        return keepHint;
    }

    /** Picks a suggested (or any existing) value: its type and text. */
    public void choose(Object component) {
        show(component);
    }

    void addSuggestions(List<Object> values) {
        for (Object value : values) {
            if (value != PartitionKeyValue.MISSING && value != null && !suggestions.contains(value)
                    && suggestions.size() < MAX_SUGGESTIONS) {
                suggestions.add(value);
            }
        }
    }

    static final int MAX_SUGGESTIONS = 50;

    /** Shows an existing value (e.g. the selection's current value) in this level. */
    void show(Object component) {
        if (component == PartitionKeyValue.MISSING) {
            kind.set(Kind.MISSING);
            text.set("");
        } else if (component == null) {
            kind.set(Kind.NULL);
            text.set("");
        } else if (component instanceof Boolean b) {
            kind.set(Kind.BOOLEAN);
            text.set(b.toString());
        } else if (component instanceof Number n) {
            kind.set(Kind.NUMBER);
            text.set(n.toString());
        } else if (component.toString().isEmpty()) {
            kind.set(Kind.EMPTY_STRING);
            text.set("");
        } else {
            kind.set(Kind.STRING);
            text.set(component.toString());
        }
    }

    /** The typed component; throws IllegalArgumentException with a sentence for the user. */
    Object component() {
        String value = text.get() == null ? "" : text.get();
        return switch (kind.get()) {
            case KEEP -> MoveTarget.KEEP;
            case STRING -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(blankMessage(path, allowedKinds.contains(Kind.KEEP)));
                }
                yield value;
            }
            case EMPTY_STRING -> "";
            case NUMBER -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(blankMessage(path, allowedKinds.contains(Kind.KEEP)));
                }
                try {
                    yield value.strip().matches("-?\\d+") ? (Object) Long.parseLong(value.strip())
                            : (Object) Double.parseDouble(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a number (" + path + ").");
                }
            }
            case BOOLEAN -> {
                if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("Type true or false (" + path + ").");
                }
                yield Boolean.parseBoolean(value.strip());
            }
            case NULL -> null;
            case MISSING -> PartitionKeyValue.MISSING;
        };
    }

    /** Why a blank level is refused, naming its path. */
    static String blankMessage(String path, boolean canKeep) {
        return "Type a value for " + path + (canKeep ? ", or choose \"Keep each item's own\" to leave it as it is"
                : "") + " (a blank is not \"keep\"; choose \"Empty text\" to set \"\").";
    }
}
