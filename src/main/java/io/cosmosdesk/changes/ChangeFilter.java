package io.cosmosdesk.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which captured changes the Live changes tab shows. Two forms:
 * <ul>
 * <li>a field condition {@code PATH OP VALUE}: {@code status = "open"}, {@code totals.grandTotal > 100},
 *     {@code customer.name contains Smith}; OP is one of {@code = != < <= > >= contains}; VALUE is JSON
 *     ({@code "a"}, {@code 42}, {@code true}, {@code null}) or a bare word, taken as a string;</li>
 * <li>anything else is a partition key value: {@code cust-7} or {@code "cust-7"} matches the items whose key (or,
 *     for hierarchical keys, one of its levels) is that value.</li>
 * </ul>
 */
public final class ChangeFilter implements Predicate<ChangeRow> {

    private static final Pattern CONDITION = Pattern.compile(
            "^\\s*(\\S+?)\\s*(!=|<=|>=|=|<|>|\\bcontains\\b)\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);

    public static final ChangeFilter ALL = new ChangeFilter("", row -> true);

    private final String text;
    private final Predicate<ChangeRow> test;

    private ChangeFilter(String text, Predicate<ChangeRow> test) {
        this.text = text;
        this.test = test;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean test(ChangeRow row) {
        return test.test(row);
    }

    /**
     * Parses what the user typed.
     *
     * @throws IllegalArgumentException with a sentence for the user when a condition is not usable
     */
    public static ChangeFilter parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return ALL;
        }
        Matcher condition = CONDITION.matcher(text);
        if (condition.matches() && !condition.group(3).isEmpty() && !text.startsWith("\"")) {
            JsonPath path = JsonPath.parse(condition.group(1));
            String op = condition.group(2).toLowerCase();
            JsonNode value = literal(condition.group(3));
            return new ChangeFilter(text, row -> compare(path.read(row.body()), op, value));
        }
        if (condition.matches() && condition.group(3).isEmpty()) {
            throw new IllegalArgumentException("Add a value after \"" + condition.group(2)
                    + "\", e.g. status = \"open\", or type a partition key value alone.");
        }
        String key = unquote(text);
        return new ChangeFilter(text, row -> keyMatches(row.partitionKey(), key));
    }

    private static boolean keyMatches(PartitionKeyValue key, String wanted) {
        if (key.display().equals(wanted)) {
            return true;
        }
        for (Object component : key.components()) {
            if (component instanceof String s ? s.equals(wanted)
                    : PartitionKeyValue.displayComponent(component).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(JsonNode actual, String op, JsonNode wanted) {
        switch (op) {
            case "=":
                return actual != null && ItemContent.equalByValue(actual, wanted);
            case "!=":
                return !ItemContent.equalByValue(actual, wanted);
            case "contains":
                return actual != null && (actual.isTextual() ? actual.textValue() : actual.toString())
                        .toLowerCase().contains(wanted.asText().toLowerCase());
            default:
                if (actual == null) {
                    return false;
                }
                int order;
                if (actual.isNumber() && wanted.isNumber()) {
                    order = actual.decimalValue().compareTo(wanted.decimalValue());
                } else if (actual.isTextual() && wanted.isTextual()) {
                    order = actual.textValue().compareTo(wanted.textValue());
                } else {
                    return false;
                }
                return switch (op) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
        }
    }

    private static JsonNode literal(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && !node.isMissingNode() && !node.isContainerNode()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a bare word
        }
        return TextNode.valueOf(text);
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
