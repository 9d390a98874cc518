package io.cosmosdesk.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.util.Locale;
import java.util.Objects;

/**
 * One patch operation as Cosmos DB knows it: an operation, a JSON path (array indexes and "-" for the end of an
 * array allowed where the operation takes them), a value (set, add, replace, increment) or a source path (move).
 */
public record PatchOp(Kind kind, JsonPath path, JsonNode value, JsonPath from) {

    /** The operations of Cosmos DB's partial document update; {@link #code} is the wire name. */
    public enum Kind {
        SET("set"), ADD("add"), REPLACE("replace"), REMOVE("remove"), INCREMENT("incr"), MOVE("move");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** As the dialog's operation list shows it: "set", "increment". */
        public String label() {
            return this == INCREMENT ? "increment" : code;
        }

        public boolean takesValue() {
            return this != REMOVE && this != MOVE;
        }

        public static Kind fromCode(String code) {
            String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.code.equals(wanted) || kind.label().equals(wanted)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown patch operation \"" + code
                    + "\": use set, add, replace, remove, increment or move.");
        }
    }

    public PatchOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (kind.takesValue() && value == null) {
            throw new IllegalArgumentException(kind.label() + " " + path + " needs a value.");
        }
        if (kind == Kind.INCREMENT && !value.isNumber()) {
            throw new IllegalArgumentException("increment " + path + " needs a number, such as 1 or -2.5.");
        }
        if (kind == Kind.MOVE && from == null) {
            throw new IllegalArgumentException("move to " + path + " needs the path to move from.");
        }
    }

    /**
     * An operation as the user typed it: the operation's name, the path, and the value as JSON (for move: the
     * path to move from). Throws {@link IllegalArgumentException} with a sentence naming what to fix.
     */
    public static PatchOp parse(String operation, String pathText, String valueText) {
        Kind kind = Kind.fromCode(operation);
        JsonPath path = parsePath(pathText, "path");
        String text = valueText == null ? "" : valueText.strip();
        return switch (kind) {
            case REMOVE -> new PatchOp(kind, path, null, null);
            case MOVE -> new PatchOp(kind, path, null, parsePath(text, "path to move from (in the value column)"));
            default -> {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException(kind.label() + " " + path
                            + " needs a value in JSON, such as \"text\", 42, true, null or {\"a\": 1}.");
                }
                yield new PatchOp(kind, path, readValue(text, path), null);
            }
        };
    }

    private static JsonPath parsePath(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter the " + what + ", such as /status or /tags/0.");
        }
        String typed = text.strip();
        return JsonPath.parse(typed.startsWith("/") || typed.startsWith("c.") || typed.startsWith("[")
                ? typed : "/" + typed);
    }

    private static JsonNode readValue(String text, JsonPath path) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The value for " + path + " is not JSON (" + e.getOriginalMessage()
                    + "): write text in double quotes, such as \"paid\".");
        }
    }

    /** As the journal stores it: {@code {"op":"set","path":"/a","value":1}}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("op", kind.code());
        node.put("path", path.toString());
        if (value != null) {
            node.set("value", value);
        }
        if (from != null) {
            node.put("from", from.toString());
        }
        return node;
    }

    public static PatchOp fromJson(JsonNode node) {
        Kind kind = Kind.fromCode(node.path("op").asText());
        return new PatchOp(kind, JsonPath.fromPointer(node.path("path").asText()),
                node.has("value") ? node.get("value") : null,
                node.has("from") ? JsonPath.fromPointer(node.get("from").asText()) : null);
    }

    /** One line for lists and reports: {@code set /status = "paid"}, {@code move /a -> /b}. */
    public String describe() {
        return switch (kind) {
            case REMOVE -> "remove " + path;
            case MOVE -> "move " + from + " -> " + path;
            case INCREMENT -> "increment " + path + " by " + value;
            default -> kind.label() + " " + path + " = " + value;
        };
    }
}
