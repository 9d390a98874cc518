package io.cosmosdesk.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one home of what a CSV cell means, for export ({@link #encode}) and import ({@link #decode}, {@link #put}),
 * so that JSON -> CSV -> JSON gives the same items back. The rules (see /notes/transfer-shared.md):
 * <ul>
 * <li>absent -> empty cell; {@code null}, booleans and numbers -> their JSON text; objects and arrays -> compact
 *     JSON text;</li>
 * <li>a string -> its text, unless that text would read back as something else (empty, {@code null},
 *     {@code true}, {@code false}, a JSON number, or starting with <code>{</code> {@code [} {@code "}): then its
 *     JSON string literal ({@code "42"});</li>
 * <li>a string starting with {@code = + - @}, tab or carriage return (a formula to a spreadsheet) gets a leading
 *     apostrophe, and one that already starts with apostrophes before such a character gets one more, so that
 *     reading drops exactly one.</li>
 * </ul>
 */
public final class CsvCells {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    private static final Pattern DEFUSED = Pattern.compile("^'+[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CsvCells() {
    }

    /**
     * The cell text of the value at column {@code path}: as {@link #encode(JsonNode)}, except that the top-level
     * {@code id} (always a string in Cosmos DB) is written as plain text even when it looks like a number, so an id
     * column reads {@code 42}, not {@code "42"}. Import reads it back with {@link #decode(JsonPath, String, boolean)}.
     */
    public static String encode(JsonPath path, JsonNode value) {
        if (isId(path) && value != null && value.isTextual() && !value.textValue().isEmpty()) {
            String text = value.textValue();
            return isFormulaLike(text) ? "'" + text : text;
        }
        return encode(value);
    }

    /** The value of a cell in column {@code path}: as {@link #decode(String, boolean)}; an {@code id} is always text. */
    public static JsonNode decode(JsonPath path, String cell, boolean typed) {
        return decode(cell, typed && !isId(path));
    }

    private static boolean isId(JsonPath path) {
        return path.segments().size() == 1 && path.segments().get(0).equals("id");
    }

    /** The cell text of {@code value}; null when the field is absent (an empty cell). */
    public static String encode(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (readsAsSomethingElse(text)) {
                return value.toString(); // the JSON string literal, quotes and escapes included
            }
            return isFormulaLike(text) ? "'" + text : text;
        }
        return value.toString(); // null, true, false, numbers, compact JSON of objects and arrays
    }

    /**
     * The value a cell stands for; null when the cell is empty (the field is absent: leave it out).
     *
     * @param typed true: numbers, booleans, null, JSON objects/arrays and JSON string literals are decoded (the
     *        inverse of {@link #encode}); false: every non-empty cell is a string, its text as it is (after
     *        undoing the spreadsheet apostrophe)
     */
    public static JsonNode decode(String cell, boolean typed) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (typed) {
            switch (cell) {
                case "null" -> {
                    return nodes.nullNode();
                }
                case "true" -> {
                    return nodes.booleanNode(true);
                }
                case "false" -> {
                    return nodes.booleanNode(false);
                }
                default -> {
                }
            }
            char first = cell.charAt(0);
            if (first == '"' || first == '{' || first == '[' || JSON_NUMBER.matcher(cell).matches()) {
                JsonNode parsed = parseOrNull(cell);
                if (parsed != null && (first != '"' || parsed.isTextual())) {
                    return parsed;
                }
            }
        }
        return nodes.textNode(DEFUSED.matcher(cell).matches() ? cell.substring(1) : cell);
    }

    /**
     * Sets {@code value} at {@code path} in {@code item}, creating the objects on the way (how a CSV row becomes
     * an item again).
     *
     * @throws IllegalArgumentException with a sentence when a level on the way already holds something that is
     *         not an object (two columns such as {@code a} and {@code a.b} both filled)
     */
    public static void put(ObjectNode item, JsonPath path, JsonNode value) {
        List<String> segments = path.segments();
        ObjectNode parent = item;
        for (int i = 0; i < segments.size() - 1; i++) {
            JsonNode child = parent.get(segments.get(i));
            if (child == null) {
                child = parent.putObject(segments.get(i));
            } else if (!child.isObject()) {
                throw new IllegalArgumentException("Column " + CsvHeader.format(path) + " needs an object at "
                        + CsvHeader.format(JsonPath.of(segments.subList(0, i + 1))) + ", which another column set to "
                        + child + ".");
            }
            parent = (ObjectNode) child;
        }
        String last = segments.get(segments.size() - 1);
        if (parent.has(last)) {
            throw new IllegalArgumentException("Column " + CsvHeader.format(path) + " is set twice in the same row.");
        }
        parent.set(last, value);
    }

    private static boolean readsAsSomethingElse(String text) {
        if (text.isEmpty() || text.equals("null") || text.equals("true") || text.equals("false")) {
            return true;
        }
        char first = text.charAt(0);
        return first == '{' || first == '[' || first == '"' || JSON_NUMBER.matcher(text).matches();
    }

    private static boolean isFormulaLike(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char ch = text.charAt(i);
        return ch == '=' || ch == '+' || ch == '-' || ch == '@' || ch == '\t' || ch == '\r';
    }

    private static JsonNode parseOrNull(String cell) {
        try {
            return STRICT.readTree(cell);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
