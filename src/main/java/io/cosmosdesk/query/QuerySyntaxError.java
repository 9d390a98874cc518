package io.cosmosdesk.query;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the service found a query it cannot parse, relative to the text that ran.
 *
 * @param start character offset of the offending token (the end of the text for "unexpected end")
 * @param end offset just after it
 * @param line 1-based
 * @param column 1-based
 */
public record QuerySyntaxError(int start, int end, int line, int column, String message) {

    private static final Pattern LOCATION = Pattern.compile(
            "\"location\"\\s*:\\s*\\{\\s*\"start\"\\s*:\\s*(\\d+)\\s*,\\s*\"end\"\\s*:\\s*(\\d+)");

    /**
     * Reads the position from the service's error text (its errors JSON, escaped or not, with
     * {@code "location":{"start":S,"end":E}}); empty when it names none.
     */
    public static Optional<QuerySyntaxError> find(String serviceText, String queryText, String message) {
        if (serviceText == null) {
            return Optional.empty();
        }
        Matcher m = LOCATION.matcher(serviceText.replace("\\\"", "\""));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), queryText, message));
    }

    /**
     * The same error placed in the whole editor text, where the statement that ran starts at {@code offset}: its
     * offsets, line and column as the editor numbers them (a statement on line 3 fails on line 3, not line 1).
     */
    public QuerySyntaxError inWholeText(String wholeText, int offset) {
        return at(start + offset, end + offset, wholeText, message);
    }

    private static QuerySyntaxError at(int from, int to, String text, String message) {
        int start = Math.max(0, Math.min(from, text.length()));
        int end = Math.max(start, Math.min(to, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new QuerySyntaxError(start, end, line, start - lineStart + 1, message);
    }

    /** e.g. "Line 2, column 14: Syntax error, incorrect syntax near 'AND'." */
    public String describe() {
        return "Line " + line + ", column " + column + ": " + message;
    }
}
