package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Table view's columns and cells: the union of the results' top-level fields, nested values compact. */
public final class ResultColumns {

    /** The column of a result that is not an object (a number, a string, an array). */
    public static final String VALUE = "(value)";
    private static final int CELL_LIMIT = 300;

    private ResultColumns() {
    }

    /** {@code id} first, the partition key fields next, the rest in order of first appearance. */
    public static List<String> of(List<JsonNode> results, List<String> keyPaths) {
        Set<String> fields = new LinkedHashSet<>();
        boolean scalar = false;
        for (JsonNode result : results) {
            if (result.isObject()) {
                for (Iterator<String> names = result.fieldNames(); names.hasNext();) {
                    fields.add(names.next());
                }
            } else {
                scalar = true;
            }
        }
        List<String> ordered = new ArrayList<>();
        if (fields.remove("id")) {
            ordered.add("id");
        }
        for (String path : keyPaths) {
            String top = path.startsWith("/") ? path.substring(1).split("/")[0] : path;
            if (fields.remove(top)) {
                ordered.add(top);
            }
        }
        ordered.addAll(fields);
        if (scalar) {
            ordered.add(0, VALUE);
        }
        return ordered;
    }

    /** What a cell shows: text as is, other values as compact JSON (cut), "" when the field is absent. */
    public static String cell(JsonNode result, String column) {
        JsonNode value = column.equals(VALUE) ? (result.isObject() ? null : result) : result.get(column);
        if (value == null || value.isMissingNode()) {
            return "";
        }
        String text = value.isTextual() ? value.textValue() : value.toString();
        return text.length() > CELL_LIMIT ? text.substring(0, CELL_LIMIT) + "…" : text;
    }

    /**
     * A nested or cut value as indented JSON, at most {@code EXPANDED_LINES} lines (the cell's tooltip); null for a
     * value the cell shows whole.
     */
    public static String expanded(JsonNode result, String column) {
        JsonNode value = column.equals(VALUE) ? (result.isObject() ? null : result) : result.get(column);
        if (value == null || value.isMissingNode() || (value.isValueNode() && cell(result, column).length()
                <= CELL_LIMIT)) {
            return null;
        }
        String[] lines = cellJson(result, column).split("\n", EXPANDED_LINES + 1);
        if (lines.length <= EXPANDED_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, EXPANDED_LINES)) + "\n… (Copy cell copies all)";
    }

    private static final int EXPANDED_LINES = 40;

    /** The value of a cell as JSON text, for "Copy cell". */
    public static String cellJson(JsonNode result, String column) {
        JsonNode value = column.equals(VALUE) ? result : result.get(column);
        return value == null ? "" : value.isTextual() ? value.textValue() : value.toPrettyString();
    }
}
