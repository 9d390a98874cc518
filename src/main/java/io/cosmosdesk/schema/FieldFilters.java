package io.cosmosdesk.schema;

import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters for the grid, built from a field and a value the schema showed. Every value goes in as a query parameter
 * ({@code @v}, or {@code @from} and {@code @to}), never into the text, and every name through {@link JsonPath}'s
 * escaping: no value or name can change the query's shape. A field inside arrays becomes an {@code EXISTS} over its
 * elements.
 */
public final class FieldFilters {

    private FieldFilters() {
    }

    /** {@code WHERE c.status = @v} with {@code @v = "paid"}; {@code value} is a String, BigDecimal/Number, Boolean
     * or null (which stays {@code = null} in the text: it is no value of the data). */
    public static GridFilter equalTo(FieldPath field, Object value) {
        if (value == null) {
            return GridFilter.of(where(field, expression -> expression + " = null"));
        }
        return GridFilter.of(where(field, expression -> expression + " = @v"), new GridFilter.Parameter("@v", value));
    }

    /** Items without the field at all. */
    public static GridFilter missing(FieldPath field) {
        return GridFilter.of(where(field, expression -> "NOT IS_DEFINED(" + expression + ")"));
    }

    /** Items where the field holds this type ({@code IS_STRING}, {@code IS_NUMBER}…). */
    public static GridFilter ofType(FieldPath field, ValueType type) {
        String function = switch (type) {
            case STRING, DATE, GUID -> "IS_STRING";
            case NUMBER -> "IS_NUMBER";
            case BOOLEAN -> "IS_BOOL";
            case NULL -> "IS_NULL";
            case OBJECT -> "IS_OBJECT";
            case ARRAY -> "IS_ARRAY";
        };
        return GridFilter.of(where(field, expression -> function + "(" + expression + ")"));
    }

    /** Numbers (or ISO date strings, compared as text) from {@code from} to {@code to}, both included. */
    public static GridFilter between(FieldPath field, Object from, Object to) {
        return GridFilter.of(where(field, expression -> expression + " >= @from AND " + expression + " <= @to"),
                new GridFilter.Parameter("@from", from), new GridFilter.Parameter("@to", to));
    }

    /** A first query on the field for the query workspace. */
    public static String starterQuery(FieldPath field) {
        Split split = split(field);
        if (split.arrays.isEmpty()) {
            String expression = expression("c", split.last);
            return "SELECT c.id, " + expression + "\nFROM c\nWHERE IS_DEFINED(" + expression + ")\nORDER BY c._ts DESC";
        }
        StringBuilder from = new StringBuilder("FROM c");
        String alias = "c";
        for (int i = 0; i < split.arrays.size(); i++) {
            String next = "x" + i;
            from.append("\nJOIN ").append(next).append(" IN ").append(expression(alias, split.arrays.get(i)));
            alias = next;
        }
        String value = expression(alias, split.last);
        return "SELECT c.id, " + value + " AS value\n" + from + "\nWHERE IS_DEFINED(" + value + ")";
    }

    /** Text a user may paste: the dotted path ({@code customer.name}, {@code lines[].sku}). */
    public static String copyText(FieldPath field) {
        return field.toString();
    }

    private interface Condition {
        String on(String expression);
    }

    private static String where(FieldPath field, Condition condition) {
        Split split = split(field);
        if (split.arrays.isEmpty()) {
            return "WHERE " + condition.on(expression("c", split.last));
        }
        StringBuilder exists = new StringBuilder("EXISTS(SELECT VALUE x0 FROM x0 IN ")
                .append(expression("c", split.arrays.get(0)));
        String alias = "x0";
        for (int i = 1; i < split.arrays.size(); i++) {
            String next = "x" + i;
            exists.append(" JOIN ").append(next).append(" IN ").append(expression(alias, split.arrays.get(i)));
            alias = next;
        }
        exists.append(" WHERE ").append(condition.on(expression(alias, split.last))).append(')');
        return "WHERE " + exists;
    }

    /** The names before each {@code []}, and those after the last one. */
    private record Split(List<List<String>> arrays, List<String> last) {
    }

    private static Split split(FieldPath field) {
        List<List<String>> arrays = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String step : field.steps()) {
            if (FieldPath.isElement(step)) {
                arrays.add(current);
                current = new ArrayList<>();
            } else {
                current.add(step);
            }
        }
        return new Split(arrays, current);
    }

    /** {@code alias.name} for plain names, {@code alias["odd name"]} otherwise, escaped as JsonPath does. */
    static String expression(String alias, List<String> names) {
        StringBuilder text = new StringBuilder(alias);
        for (String name : names) {
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !isKeyword(name)) {
                text.append('.').append(name);
            } else {
                text.append(JsonPath.of(List.of(name)).toSqlExpression().substring(1));
            }
        }
        return text.toString();
    }

    private static boolean isKeyword(String name) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "JOIN", "VALUE", "ORDER", "BY", "TOP", "AS",
                    "ASC", "DESC", "NULL", "TRUE", "FALSE", "UNDEFINED", "BETWEEN", "EXISTS", "LIKE", "OFFSET",
                    "LIMIT", "GROUP", "DISTINCT", "ARRAY", "ESCAPE", "UDF" -> true;
            default -> false;
        };
    }
}
