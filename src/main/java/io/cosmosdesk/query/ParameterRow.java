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

    public ParameterRow(String name) {
        this.name = name;
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

    public QueryParameter toParameter() {
        return new QueryParameter(name, type.get(), value.get());
    }
}
