package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path into an item as users write it, e.g. {@code /customer/name} or {@code /lineItems/0/sku}. It
 * turns into a safe query expression ({@code c["customer"]["name"]}): every segment is quoted and
 * escaped, so a path can never change the shape of a query.
 */
public final class JsonPath {

    private static final int MAX_SEGMENTS = 16;
    private static final int MAX_SEGMENT_LENGTH = 256;

    private final List<String> segments;

    private JsonPath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses {@code /a/b}; a leading slash is optional, {@code ~1} and {@code ~0} escape {@code /} and
     * {@code ~} (JSON Pointer). A {@code c.a.b} form is accepted too, for users used to queries.
     *
     * @throws IllegalArgumentException with a sentence for the user when the path is not usable
     */
    public static JsonPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter a path such as /customer/name.");
        }
        String path = text.strip();
        List<String> segments = new ArrayList<>();
        if (!path.startsWith("/") && (path.startsWith("c.") || path.equals("c"))) {
            for (String part : path.substring(1).split("\\.", -1)) {
                segments.add(part);
            }
            segments.remove(0);
        } else {
            String body = path.startsWith("/") ? path.substring(1) : path;
            for (String part : body.split("/", -1)) {
                segments.add(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("Enter a path such as /customer/name.");
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("A path can have at most " + MAX_SEGMENTS + " levels.");
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("\"" + path + "\" has an empty level (two slashes in a row?).");
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
        return new JsonPath(segments);
    }

    public List<String> segments() {
        return segments;
    }

    /** The query expression for this path on alias {@code c}: {@code c["customer"]["name"]}, array indexes bare. */
    public String toSqlExpression() {
        StringBuilder sql = new StringBuilder("c");
        for (String segment : segments) {
            if (isIndex(segment)) {
                sql.append('[').append(segment).append(']');
            } else {
                sql.append("[\"");
                for (int i = 0; i < segment.length(); i++) {
                    char ch = segment.charAt(i);
                    switch (ch) {
                        case '"' -> sql.append("\\\"");
                        case '\\' -> sql.append("\\\\");
                        case '\'' -> sql.append("\\'");
                        default -> sql.append(ch);
                    }
                }
                sql.append("\"]");
            }
        }
        return sql.toString();
    }

    /** The node at this path, or null when any level is absent (a JSON null comes back as a NullNode). */
    public JsonNode read(JsonNode item) {
        JsonNode node = item;
        for (String segment : segments) {
            if (node == null) {
                return null;
            }
            if (node.isArray() && isIndex(segment)) {
                int index = Integer.parseInt(segment);
                node = index < node.size() ? node.get(index) : null;
            } else if (node.isObject()) {
                node = node.get(segment);
            } else {
                return null;
            }
        }
        return node;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i)) || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
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
        return Objects.hash(segments);
    }
}
