package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into an item, the one home for parsing, escaping and reading paths (columns, sorts, filters and
 * partition key paths alike). Underneath it is a Jackson {@link JsonPointer}; it turns into a safe query
 * expression ({@code c["customer"]["name"]}): every name is quoted and escaped, so a path can never change the
 * shape of a query.
 */
public final class JsonPath {

    private static final int MAX_SEGMENTS = 16;
    private static final int MAX_SEGMENT_LENGTH = 256;
    private static final String ENTER_A_PATH = "Enter a path such as /customer/name or customer.name.";

    private final List<String> segments;
    private final JsonPointer pointer;

    private JsonPath(List<String> segments) {
        this.segments = List.copyOf(segments);
        this.pointer = JsonPointer.compile(toString());
    }

    /**
     * Parses a path as users type it: a JSON Pointer {@code /totals/grandTotal} (the leading slash optional,
     * {@code ~1} and {@code ~0} escape {@code /} and {@code ~}), dotted {@code totals.grandTotal}, a query
     * expression {@code c.totals.grandTotal}, and brackets for any name or an array index:
     * {@code ["a b"]}, {@code c["a b"].x}, {@code lineItems[0].sku}.
     *
     * @throws IllegalArgumentException with a sentence for the user when the path is not usable
     */
    public static JsonPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(ENTER_A_PATH);
        }
        String path = text.strip();
        List<String> segments;
        if (path.startsWith("/")) {
            segments = pointerSegments(path.substring(1), path);
        } else if (path.startsWith("c.") || path.startsWith("c[")) {
            segments = new AccessorParser(path, 1).parse();
        } else if (path.startsWith("[")) {
            segments = new AccessorParser(path, 0).parse();
        } else if (path.indexOf('/') >= 0 && path.indexOf('[') < 0) {
            segments = pointerSegments(path, path);
        } else {
            segments = new AccessorParser("." + path, 0).parse();
        }
        validate(segments, path);
        return new JsonPath(segments);
    }

    /**
     * A path the database gave us, such as a container's partition key path ({@code /customer/id}): JSON Pointer
     * syntax without the limits on what users type. Empty levels are skipped, as Cosmos DB does.
     */
    public static JsonPath fromPointer(String pointer) {
        List<String> segments = new ArrayList<>();
        for (String step : pointer.split("/")) {
            if (!step.isEmpty()) {
                segments.add(unescapePointer(step));
            }
        }
        return new JsonPath(segments);
    }

    /** The path of these property names (or array indexes), as they are: no parsing, no escapes. */
    public static JsonPath of(List<String> segments) {
        return new JsonPath(segments);
    }

    public List<String> segments() {
        return segments;
    }

    /** The Jackson pointer for this path. */
    public JsonPointer pointer() {
        return pointer;
    }

    /** The query expression for this path on alias {@code c}: {@code c["customer"]["name"]}, array indexes bare. */
    public String toSqlExpression() {
        StringBuilder sql = new StringBuilder("c");
        for (String segment : segments) {
            if (isIndex(segment)) {
                sql.append('[').append(segment).append(']');
            } else {
                sql.append("[\"");
                appendEscaped(sql, segment);
                sql.append("\"]");
            }
        }
        return sql.toString();
    }

    /** The node at this path, or null when any level is absent (a JSON null comes back as a NullNode). */
    public JsonNode read(JsonNode item) {
        if (item == null) {
            return null;
        }
        JsonNode node = item.at(pointer);
        return node.isMissingNode() ? null : node;
    }

    /**
     * The node at this path stepping through objects only, as Cosmos DB reads a partition key path (an array on
     * the way means the value is absent); null when absent.
     */
    public JsonNode readThroughObjects(JsonNode item) {
        JsonNode node = item;
        for (String step : segments) {
            if (node == null || !node.isObject() || !node.has(step)) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /** The canonical text, {@code /customer/name}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String segment : segments) {
            text.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath that && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** Same rule as {@link JsonPointer}: digits without a leading zero, small enough for an int. */
    private static boolean isIndex(String segment) {
        int length = segment.length();
        if (length == 0 || length > 9 || (length > 1 && segment.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char ch = segment.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static void appendEscaped(StringBuilder sql, String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            switch (ch) {
                case '"' -> sql.append("\\\"");
                case '\\' -> sql.append("\\\\");
                case '\'' -> sql.append("\\'");
                default -> {
                    if (Character.isISOControl(ch)) {
                        sql.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sql.append(ch);
                    }
                }
            }
        }
    }

    private static List<String> pointerSegments(String body, String path) {
        List<String> segments = new ArrayList<>();
        for (String part : body.split("/", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("\"" + path + "\" has an empty level (two slashes in a row?).");
            }
            segments.add(unescapePointer(part));
        }
        return segments;
    }

    private static String unescapePointer(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    private static void validate(List<String> segments, String path) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(ENTER_A_PATH);
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("A path can have at most " + MAX_SEGMENTS + " levels.");
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("\"" + path + "\" has an empty level.");
            }
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                throw new IllegalArgumentException("A property name in the path is longer than "
                        + MAX_SEGMENT_LENGTH + " characters.");
            }
            for (int i = 0; i < segment.length(); i++) {
                if (Character.isISOControl(segment.charAt(i))) {
                    throw new IllegalArgumentException("The path contains a control character.");
                }
            }
        }
    }

    /** Reads {@code .name}, {@code ["any name"]}, {@code ['any name']} and {@code [0]} steps, as queries write them. */
    private static final class AccessorParser {

        private final String text;
        private int pos;
        private final List<String> segments = new ArrayList<>();

        AccessorParser(String text, int start) {
            this.text = text;
            this.pos = start;
        }

        List<String> parse() {
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '.') {
                    pos++;
                    int start = pos;
                    while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
                        pos++;
                    }
                    if (pos == start) {
                        throw new IllegalArgumentException("\"" + display() + "\" has an empty level "
                                + "(two dots in a row, or a dot at the end?).");
                    }
                    segments.add(text.substring(start, pos));
                } else if (ch == '[') {
                    pos++;
                    segments.add(bracket());
                } else {
                    throw problem("expected . or [ before \"" + text.substring(pos) + "\"");
                }
            }
            return segments;
        }

        private String bracket() {
            skipSpaces();
            String segment;
            if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
                segment = quoted(text.charAt(pos));
            } else {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                segment = text.substring(start, pos);
                if (segment.isEmpty()) {
                    throw problem("inside [ ] put a quoted name such as [\"a b\"] or an index such as [0]");
                }
            }
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != ']') {
                throw problem("a [ has no matching ]");
            }
            pos++;
            return segment;
        }

        private String quoted(char quote) {
            pos++;
            StringBuilder name = new StringBuilder();
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (ch == quote) {
                    return name.toString();
                }
                if (ch != '\\') {
                    name.append(ch);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> name.append('\n');
                    case 't' -> name.append('\t');
                    case 'r' -> name.append('\r');
                    case 'b' -> name.append('\b');
                    case 'f' -> name.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw problem("\\u needs four hex digits");
                        }
                        try {
                            name.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw problem("\\u needs four hex digits");
                        }
                        pos += 4;
                    }
                    default -> name.append(escaped); // \" \' \\ \/
                }
            }
            throw problem("a quoted name has no closing " + quote);
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private String display() {
            return text.startsWith(".") ? text.substring(1) : text;
        }

        private IllegalArgumentException problem(String what) {
            return new IllegalArgumentException("\"" + display() + "\" is not a path: " + what + ".");
        }
    }
}
