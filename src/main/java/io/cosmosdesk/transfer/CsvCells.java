package io.cosmosdesk.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CSV convention shared with export (notes: transfer-shared.md): a header cell is a field path, dots make
 * nested objects ({@code customer.name}); {@code ["a.b"]} brackets name a property holding a dot. An empty cell
 * leaves the property out. With types inferred, {@code null}, {@code true}, {@code false}, JSON numbers and cells
 * holding a JSON array or object become those values; anything else is text.
 */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsvCells() {
    }

    /** The paths of a header row, each as its property names. */
    static List<List<String>> headerPaths(List<String> header, String fileName) {
        List<List<String>> paths = new ArrayList<>(header.size());
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).strip();
            if (cell.isEmpty()) {
                throw new ImportInputException("The header row of " + fileName + " has an empty name in column "
                        + (i + 1) + ": each column needs a field path such as customer.name.");
            }
            List<String> path = parsePath(cell, i, fileName);
            Integer before = seen.put(path, i);
            if (before != null) {
                throw new ImportInputException("The header row of " + fileName + " names " + cell + " twice "
                        + "(columns " + (before + 1) + " and " + (i + 1) + ").");
            }
            paths.add(path);
        }
        return paths;
    }

    private static List<String> parsePath(String cell, int column, String fileName) {
        if (cell.indexOf('[') >= 0) {
            try {
                // bracket syntax: parse as an accessor of the query alias so "c" itself is never special
                return JsonPath.parse("c" + (cell.startsWith("[") ? "" : ".") + cell).segments();
            } catch (IllegalArgumentException e) {
                throw new ImportInputException("The header row of " + fileName + " has a field path it cannot read "
                        + "in column " + (column + 1) + " (" + cell + "): " + e.getMessage());
            }
        }
        List<String> steps = Arrays.asList(cell.split("\\.", -1));
        if (steps.stream().anyMatch(String::isEmpty)) {
            throw new ImportInputException("The header row of " + fileName + " has a field path with an empty "
                    + "step in column " + (column + 1) + " (" + cell + ").");
        }
        return steps;
    }

    /** The value of one cell, or null to leave the property out. */
    static JsonNode value(String cell, boolean inferTypes) {
        if (cell.isEmpty()) {
            return null;
        }
        if (!inferTypes) {
            return NODES.textNode(cell);
        }
        switch (cell) {
            case "null":
                return NODES.nullNode();
            case "true":
                return NODES.booleanNode(true);
            case "false":
                return NODES.booleanNode(false);
            default:
                break;
        }
        char first = cell.charAt(0);
        if ((first == '-' || first >= '0' && first <= '9') && NUMBER.matcher(cell).matches()) {
            if (INTEGER.matcher(cell).matches()) {
                long value = Long.parseLong(cell);
                // as Jackson reads the same number from JSON, so CSV and JSON items compare equal
                return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
            }
            double number = Double.parseDouble(cell);
            if (Double.isFinite(number) && !isIntegerTooLong(cell)) {
                return NODES.numberNode(number);
            }
            return NODES.textNode(cell); // beyond what a double holds exactly: keep the digits
        }
        if (first == '[' || first == '{') {
            try {
                JsonNode node = Json.MAPPER.readTree(cell);
                if (node != null && node.isContainerNode()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                // not JSON: text
            }
        }
        return NODES.textNode(cell);
    }

    private static boolean isIntegerTooLong(String cell) {
        return cell.indexOf('.') < 0 && cell.indexOf('e') < 0 && cell.indexOf('E') < 0;
    }

    /**
     * Sets {@code value} at {@code path} in {@code item}, making the objects on the way.
     *
     * @return null, or a sentence when a step is already a value (a column {@code a} and a column {@code a.b})
     */
    static String put(ObjectNode item, List<String> path, JsonNode value) {
        ObjectNode parent = item;
        for (int s = 0; s < path.size() - 1; s++) {
            JsonNode child = parent.get(path.get(s));
            if (child == null) {
                child = parent.putObject(path.get(s));
            } else if (!(child instanceof ObjectNode)) {
                return String.join(".", path.subList(0, s + 1)) + " has a value and also fields ("
                        + String.join(".", path) + "); leave one of the two cells empty.";
            }
            parent = (ObjectNode) child;
        }
        String last = path.get(path.size() - 1);
        if (parent.get(last) instanceof ObjectNode) {
            return String.join(".", path) + " has a value and also fields; leave one of the cells empty.";
        }
        parent.set(last, value);
        return null;
    }
}
