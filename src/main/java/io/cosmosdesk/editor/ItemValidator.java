package io.cosmosdesk.editor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules an item's text must pass before anything is sent: valid JSON (with the line and column of the
 * first syntax error), an object, Cosmos DB's id rules, partition key values of a valid type, at most 2 MB.
 * Plain Java, safe on any thread.
 */
public final class ItemValidator {

    /** The outcome: the parsed item (null when the JSON itself is invalid) and every problem found. */
    public record Result(ObjectNode item, List<ValidationProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return item != null && problems.isEmpty();
        }

        public ValidationProblem firstProblem() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    private static final int MAX_ID_BYTES = 1023;

    private ItemValidator() {
    }

    /**
     * @param partitionKeyPaths the container's key paths
     * @param requireKey true for new items: an absent key puts the item in the "missing" partition,
     *                   which is rarely meant; existing items keep whatever key they have
     */
    public static Result validate(String text, List<String> partitionKeyPaths, boolean requireKey) {
        JsonNode node;
        try {
            if (text.isBlank()) {
                return new Result(null, List.of(ValidationProblem.of("The item is empty: type a JSON object { … }.")));
            }
            node = ItemJson.parse(text);
        } catch (JsonProcessingException e) {
            return new Result(null, List.of(syntaxProblem(e)));
        }
        if (!(node instanceof ObjectNode item)) {
            return new Result(null, List.of(ValidationProblem.of(
                    "An item must be a JSON object { … }, not " + kindOf(node) + ".")));
        }
        List<ValidationProblem> problems = new ArrayList<>();
        checkId(item.get("id"), problems);
        checkPartitionKey(item, partitionKeyPaths, requireKey, requireKey, problems);
        checkSize(text, item, problems);
        return new Result(item, problems);
    }

    /** A JSON syntax error as a problem with its line and column, in words a user can act on. */
    public static ValidationProblem syntaxProblem(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(1, location.getLineNr());
        int column = location == null ? 0 : Math.max(1, location.getColumnNr());
        return new ValidationProblem(line, column, friendly(e.getOriginalMessage()));
    }

    /** Jackson's messages, shortened to what a user can act on. */
    private static String friendly(String original) {
        String message = original == null ? "invalid JSON" : original.strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early: a closing } or ] or a quote is missing.";
        }
        if (message.startsWith("Duplicate field")) {
            return "the property " + message.substring("Duplicate field ".length()).replace('\'', '"')
                    + " appears twice.";
        }
        if (message.startsWith("Illegal unquoted character ((CTRL-CHAR, code 10))")
                || message.startsWith("Illegal unquoted character ((CTRL-CHAR, code 13))")) {
            return "a line break inside a text value: close the quote before the end of the line (or write \\n).";
        }
        if (message.startsWith("Illegal unquoted character ((CTRL-CHAR, code 9))")) {
            return "a tab inside a text value: write it as \\t.";
        }
        if (message.contains("was expecting comma to separate Object entries")) {
            return "a comma is missing before this property.";
        }
        if (message.contains("was expecting comma to separate Array entries")) {
            return "a comma is missing between these array values.";
        }
        if (message.contains("was expecting double-quote to start field name")) {
            return "expected a property name in double quotes (is there a comma too many before a } ?).";
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("^Unrecognized token '([^']*)'")
                .matcher(message);
        if (token.find()) {
            return "unknown word '" + token.group(1) + "': text values need double quotes; literals are true, "
                    + "false and null.";
        }
        java.util.regex.Matcher unexpected = java.util.regex.Pattern
                .compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)").matcher(message);
        if (unexpected.find()) {
            return "unexpected '" + unexpected.group(1) + "'" + message.substring(unexpected.end()) + ".";
        }
        return message;
    }

    static void checkId(JsonNode id, List<ValidationProblem> problems) {
        if (id == null) {
            problems.add(ValidationProblem.of("The item needs an \"id\" property, e.g. \"id\": \"order-42\"."));
            return;
        }
        if (!id.isTextual()) {
            problems.add(ValidationProblem.of("The \"id\" must be a string (in double quotes), not "
                    + kindOf(id) + "."));
            return;
        }
        String value = id.textValue();
        if (value.isEmpty()) {
            problems.add(ValidationProblem.of("The \"id\" is empty: give the item an id."));
            return;
        }
        if (value.chars().anyMatch(c -> c == '/' || c == '\\' || c == '?' || c == '#')) {
            problems.add(ValidationProblem.of("The \"id\" contains a character Cosmos DB does not accept in ids: "
                    + "/ \\ ? or #."));
        }
        if (value.endsWith(" ")) {
            problems.add(ValidationProblem.of("The \"id\" ends with a space: Cosmos DB cannot reliably read such "
                    + "an item back. Remove the trailing space."));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            problems.add(ValidationProblem.of("The \"id\" is longer than Cosmos DB's limit of 1,023 bytes."));
        }
    }

    /**
     * The id and partition key rules for an item that is already parsed (an imported row): an id Cosmos DB
     * accepts, and every partition key level present with a valid type. An empty string is a valid key here
     * (a file may mean it); the size is the caller's to check, as it measures the bytes it sends.
     */
    public static List<ValidationProblem> checkIdAndKey(ObjectNode item, List<String> partitionKeyPaths) {
        List<ValidationProblem> problems = new ArrayList<>(0);
        checkId(item.get("id"), problems);
        checkPartitionKey(item, partitionKeyPaths, true, false, problems);
        return problems;
    }

    static void checkPartitionKey(ObjectNode item, List<String> paths, boolean requireKey,
            boolean refuseEmpty, List<ValidationProblem> problems) {
        boolean hierarchical = paths.size() > 1;
        for (String path : paths) {
            JsonNode value = PartitionKeyValue.at(item, path);
            if (value == null) {
                if (requireKey || hierarchical) {
                    problems.add(ValidationProblem.of("The partition key " + path + " is missing: add it, e.g. "
                            + example(path) + "."));
                }
            } else if (value.isObject() || value.isArray()) {
                problems.add(ValidationProblem.of("The partition key " + path + " must be a string, number, "
                        + "boolean or null, not " + kindOf(value) + "."));
            } else if (refuseEmpty && value.isTextual() && value.textValue().isEmpty()) {
                // the new-item template's placeholder, left as it was: almost never the partition meant
                problems.add(ValidationProblem.of("The partition key " + path + " is empty: fill it in, e.g. "
                        + example(path) + "."));
            } else if (value.isNull() && hierarchical) {
                problems.add(ValidationProblem.of("The partition key " + path + " is null: each level of a "
                        + "hierarchical partition key needs a value."));
            }
        }
    }

    private static void checkSize(String text, ObjectNode item, List<ValidationProblem> problems) {
        // the text is an upper bound of the compact size (each char is at most 3 UTF-8 bytes); count exactly
        // only when it could matter
        if (!mayBeTooLarge(text)) {
            return;
        }
        checkSize(ItemService.sizeInBytes(ItemContent.withoutSystemProperties(item)), problems);
    }

    /** Whether the text could be over the limit: each char is at most 3 UTF-8 bytes. */
    static boolean mayBeTooLarge(String text) {
        return (long) text.length() * 3 > ItemService.MAX_ITEM_BYTES;
    }

    static void checkSize(int size, List<ValidationProblem> problems) {
        if (size > ItemService.MAX_ITEM_BYTES) {
            problems.add(ValidationProblem.of(String.format(Locale.ROOT,
                    "The item is %.2f MB; Cosmos DB accepts items up to 2 MB.", size / (1024.0 * 1024.0))));
        }
    }

    private static String example(String path) {
        List<String> steps = JsonPath.fromPointer(path).segments();
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            json.append('"').append(steps.get(i)).append("\": ");
            if (i < steps.size() - 1) {
                json.append("{ ");
            }
        }
        json.append("\"…\"");
        json.append(" }".repeat(Math.max(0, steps.size() - 1)));
        return json.toString();
    }

    static String kindOf(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return "a string";
    }
}
