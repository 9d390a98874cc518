package io.cosmosdesk.cosmos;

import com.azure.cosmos.models.SqlParameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cosmosdesk.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A filter for the Items grid: the text after {@code SELECT * FROM c} (as the user reads and edits it) and the values
 * of the {@code @names} in it, sent as query parameters. Filters built from data (the Schema tab's "Filter on this
 * value") travel this way, so a value never becomes part of the query text. A parameter counts only while its name
 * is in the text ({@link #referenced()}): text edited by hand keeps the values of the names it still uses.
 *
 * @param text the filter text, e.g. {@code WHERE c.status = @v}; never null
 * @param parameters values by name; a name at most once
 */
public record GridFilter(String text, List<Parameter> parameters) {

    /**
     * One {@code @name} and its value.
     *
     * @param name with its {@code @}, e.g. {@code @v}
     * @param value a String, Number (BigDecimal for exact figures), Boolean or null
     */
    public record Parameter(String name, Object value) {
        private static final Pattern NAME = Pattern.compile("@[A-Za-z_][A-Za-z0-9_]*");

        public Parameter {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a parameter name: " + name);
            }
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("A parameter holds a string, number, boolean or null");
            }
        }

        /** How it reads to a user: {@code @v = "S2"} (the value as a query literal). */
        public String describe() {
            return name + " = " + literal(value);
        }

        SqlParameter toSqlParameter() {
            return new SqlParameter(name, value);
        }
    }

    public GridFilter {
        text = text == null ? "" : text;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        Set<String> names = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("Parameter " + parameter.name() + " is given twice");
            }
        }
    }

    /** Text alone, run as typed. */
    public static GridFilter of(String text) {
        return new GridFilter(text, List.of());
    }

    public static GridFilter of(String text, Parameter... parameters) {
        return new GridFilter(text, List.of(parameters));
    }

    /** The parameters whose names the text uses, in the order held. */
    public List<Parameter> referenced() {
        if (parameters.isEmpty()) {
            return parameters;
        }
        List<String> used = parameterNames(text);
        return parameters.stream().filter(parameter -> used.contains(parameter.name())).toList();
    }

    /** The same text with only the parameters it uses. */
    public GridFilter withoutUnused() {
        List<Parameter> used = referenced();
        return used.size() == parameters.size() ? this : new GridFilter(text, used);
    }

    /** Other text, the same parameters (those it no longer uses count again once it does). */
    public GridFilter withText(String newText) {
        return new GridFilter(newText, parameters);
    }

    /** The text with every used parameter written in as a query literal: text that runs as typed. */
    public String inlined() {
        String result = text;
        for (Parameter parameter : referenced()) {
            result = replaceName(result, parameter.name(), literal(parameter.value()));
        }
        return result;
    }

    /** {@code name}'s value written into the text as a literal, and the parameter gone. */
    public GridFilter inline(String name) {
        List<Parameter> rest = new ArrayList<>();
        String result = text;
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                result = replaceName(result, name, literal(parameter.value()));
            } else {
                rest.add(parameter);
            }
        }
        return new GridFilter(result, rest);
    }

    /** How it reads: the text, then the values it uses, e.g. {@code WHERE c.status = @v  (@v = "paid")}. */
    public String describe() {
        List<Parameter> used = referenced();
        if (used.isEmpty()) {
            return text;
        }
        return text + "  (" + String.join(", ", used.stream().map(Parameter::describe).toList()) + ")";
    }

    /** The SDK parameters of the names the text uses. */
    public List<SqlParameter> toSqlParameters() {
        return referenced().stream().map(Parameter::toSqlParameter).toList();
    }

    /** The {@code @names} in order of first use, outside strings and comments, with their {@code @}. */
    public static List<String> parameterNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        scanNames(text, (start, end) -> names.add(text.substring(start, end)));
        return new ArrayList<>(names);
    }

    /** A value as the query language writes it: JSON for strings (quotes, backslashes escaped), plain numbers. */
    public static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return Json.MAPPER.writeValueAsString(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface NameFound {
        void at(int start, int end);
    }

    private static String replaceName(String text, String name, String replacement) {
        StringBuilder out = new StringBuilder();
        int[] copied = {0};
        scanNames(text, (start, end) -> {
            if (text.substring(start, end).equals(name)) {
                out.append(text, copied[0], start).append(replacement);
                copied[0] = end;
            }
        });
        return out.append(text.substring(copied[0])).toString();
    }

    private static void scanNames(String text, NameFound found) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(text, i);
                continue;
            }
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '@' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                found.at(i, j);
                i = j;
                continue;
            }
            i++;
        }
    }

    /**
     * Where the SQL string literal opened by the quote at {@code quoteAt} ends (just past its closing quote, a
     * backslash escaping the next character), or the text's end if it is not closed. The one string scanner of
     * the @name finders here and {@link io.cosmosdesk.query.QueryText}'s statement splitter.
     */
    public static int skipString(String text, int quoteAt) {
        char quote = text.charAt(quoteAt);
        int i = quoteAt + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
