package io.cosmosdesk.query;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of a query tab's parameters table: an {@code @name} of the text, with the type and value typed for it. */
public final class ParameterRow {

    private final String name;
    private final ObjectProperty<ParameterType> type = new SimpleObjectProperty<>(this, "type", ParameterType.TEXT);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private boolean suggesting;
    private boolean typeChosen;

    public ParameterRow(String name) {
        this.name = name;
        type.addListener((obs, old, now) -> typeChosen |= !suggesting);
    }

    /** The type the query's text suggests ({@link ParameterTypeHints}); ignored once a type was chosen for this row. */
    void suggest(ParameterType suggested) {
        if (!typeChosen) {
            suggesting = true;
            try {
                type.set(suggested);
            } finally {
                suggesting = false;
            }
        }
    }

    public String name() {
        return name;
    }

    public ObjectProperty<ParameterType> typeProperty() {
        return type;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** A type chosen for this row (a saved query's), kept whatever the text suggests later, even when unchanged. */
    void choose(ParameterType chosen) {
        typeChosen = true;
        type.set(chosen);
    }

    public QueryParameter toParameter() {
        return new QueryParameter(name, type.get(), value.get());
    }
}
