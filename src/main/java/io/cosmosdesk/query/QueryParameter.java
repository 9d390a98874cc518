package io.cosmosdesk.query;

import com.azure.cosmos.models.SqlParameter;
import java.util.Objects;

/**
 * One {@code @name} of a query with its type and the text the user typed for it.
 *
 * @param name with its {@code @}, e.g. {@code @city}
 * @param value the typed text; null or empty when nothing was typed (refused unless the type is null)
 */
public record QueryParameter(String name, ParameterType type, String value) {

    public QueryParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The SDK parameter; refuses a missing value with a sentence. */
    public SqlParameter toSqlParameter() {
        boolean missing = type == ParameterType.TEXT ? value == null || value.isEmpty()
                : value == null || value.isBlank();
        if (type != ParameterType.NULL && missing) {
            throw new QueryInputException("Parameter " + name + " has no value: type one, or set its type to null.");
        }
        return new SqlParameter(name, type.toValue(name, value));
    }
}
