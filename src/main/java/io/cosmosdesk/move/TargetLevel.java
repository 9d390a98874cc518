package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One partition key level of the move target as the user types it: a path, a value type and the text. */
public final class TargetLevel {

    /**
     * What the text means. NULL, MISSING and EMPTY_STRING take no text; hierarchical keys allow neither NULL nor
     * MISSING. A blank STRING is refused: the empty string is only ever chosen explicitly, as EMPTY_STRING.
     */
    public enum Kind { STRING, EMPTY_STRING, NUMBER, BOOLEAN, NULL, MISSING }

    private final String path;
    private final List<Kind> allowedKinds;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.STRING);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    TargetLevel(String path, boolean hierarchical) {
        this.path = path;
        this.allowedKinds = hierarchical ? List.of(Kind.STRING, Kind.EMPTY_STRING, Kind.NUMBER, Kind.BOOLEAN)
                : List.of(Kind.values());
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
            case STRING -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(blankMessage(path));
                }
                yield value;
            }
            case EMPTY_STRING -> "";
            case NUMBER -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(blankMessage(path));
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
    static String blankMessage(String path) {
        return "Type a value for " + path + ": every level of the target is set on each item (a blank is not "
                + "\"keep\"; choose \"Empty text\" to set \"\").";
    }
}
