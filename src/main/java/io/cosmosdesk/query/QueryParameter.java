package io.cosmosdesk.query;

import java.util.Objects;

/**
 * One {@code @name} of a query and the value the user typed for it, kept as typed (the query tab turns it
 * into a {@code SqlParameter} when it runs, never into query text).
 *
 * @param name the name without its {@code @}
 * @param value the text as typed; empty for {@link ParameterType#NULL}
 */
public record QueryParameter(String name, ParameterType type, String value) {

    public QueryParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        value = value == null ? "" : value;
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
    }

    /** The name as the query writes it, {@code @name}. */
    public String reference() {
        return "@" + name;
    }
}
