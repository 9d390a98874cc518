package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.JsonPath;
import java.util.List;

/**
 * A CSV header cell is a field path: segments joined with dots ({@code customer.address.city}), a segment that
 * would not read back as itself in brackets ({@code customer["a.b"]}, {@code ["c"].name}). Export writes headers
 * with {@link #format}, import reads them with {@link #parse} ({@link JsonPath#parse}, the one home of path syntax),
 * so the two cannot disagree. See /notes/transfer-shared.md ("CSV convention").
 */
public final class CsvHeader {

    private CsvHeader() {
    }

    /** The header text of {@code path}; {@link #parse} gives the same path back. */
    public static String format(JsonPath path) {
        List<String> segments = path.segments();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (needsBrackets(segment, i, segments.size())) {
                text.append("[\"");
                appendEscaped(text, segment);
                text.append("\"]");
            } else {
                if (i > 0) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }

    /**
     * The path a header cell names.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not a path
     */
    public static JsonPath parse(String headerCell) {
        return JsonPath.parse(headerCell);
    }

    /** True when {@code segments} can be a column: its header reads back as the same path. */
    public static boolean canBeColumn(List<String> segments) {
        try {
            JsonPath path = JsonPath.of(segments);
            return parse(format(path)).equals(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean needsBrackets(String segment, int index, int count) {
        if (segment.isEmpty() || Character.isWhitespace(segment.charAt(0))
                || Character.isWhitespace(segment.charAt(segment.length() - 1))) {
            return true;
        }
        if (index == 0 && count > 1 && segment.equals("c")) {
            return true; // "c.x" reads as the query alias c
        }
        for (int i = 0; i < segment.length(); i++) {
            switch (segment.charAt(i)) {
                case '.', '[', ']', '/', '"', '\'', '\\', '~' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder text, String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '"' || ch == '\\') {
                text.append('\\');
            }
            text.append(ch);
        }
    }
}
