package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.GridFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading the text of a query editor: which statement the caret is in (statements are separated by {@code ;} or a
 * blank line), which {@code @parameters} it names, whether it returns whole items. Strings and {@code --} comments
 * are skipped everywhere, so a {@code ;} or {@code @} inside them means nothing.
 */
public final class QueryText {

    /** A statement and where it starts in the editor's text. */
    public record Statement(String text, int offset) {
        public boolean isBlank() {
            return text.isBlank();
        }
    }

    private QueryText() {
    }

    /** The statement to run: the selection when there is one, else the statement under the caret. */
    public static Statement toRun(String text, int caret, int selectionStart, int selectionEnd) {
        if (selectionEnd > selectionStart && !text.substring(selectionStart, selectionEnd).isBlank()) {
            return trimmed(text, selectionStart, selectionEnd);
        }
        return statementAt(text, caret);
    }

    /**
     * The statement under {@code caret}; when the caret is on a separator or a blank line, the nearest statement
     * before it (the one just typed), else the next one.
     */
    public static Statement statementAt(String text, int caret) {
        List<int[]> spans = statements(text);
        int at = Math.max(0, Math.min(caret, text.length()));
        Statement before = null;
        for (int[] span : spans) {
            Statement statement = trimmed(text, span[0], span[1]);
            if (statement.isBlank()) {
                continue;
            }
            int start = statement.offset();
            int end = start + statement.text().length();
            if (at >= start && at <= end) {
                return statement;
            }
            if (end <= at) {
                before = statement;
            } else if (before == null) {
                return statement;
            } else {
                return before;
            }
        }
        return before == null ? new Statement("", at) : before;
    }

    /** The [start, end) spans of the statements, separators excluded. */
    static List<int[]> statements(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = GridFilter.skipString(text, i);
                continue;
            }
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == ';') {
                spans.add(new int[] {start, i});
                start = i + 1;
            } else if (c == '\n') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < n && text.charAt(j) == '\n') { // a blank line
                    spans.add(new int[] {start, i});
                    start = j;
                    i = j;
                    continue;
                }
            }
            i++;
        }
        spans.add(new int[] {start, n});
        return spans;
    }

    private static Statement trimmed(String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Statement(text.substring(s, e), s);
    }

    /** The {@code @names} in order of first use, outside strings and comments, with their {@code @}. */
    public static List<String> parameterNames(String text) {
        return GridFilter.parameterNames(text);
    }

    /**
     * Whether every result of {@code statement} is a whole item of the container: {@code SELECT *} or
     * {@code SELECT VALUE x} over {@code FROM <container> x} with no JOIN, GROUP BY or DISTINCT (TOP, WHERE,
     * ORDER BY and OFFSET/LIMIT keep items whole).
     */
    public static boolean returnsWholeItems(String statement) {
        List<String> tokens = tokens(statement);
        int i = 0;
        if (!is(tokens, i++, "SELECT")) {
            return false;
        }
        if (is(tokens, i, "TOP")) {
            i += 2;
        }
        String valueName = null;
        if (is(tokens, i, "*")) {
            i++;
        } else if (is(tokens, i, "VALUE") && i + 1 < tokens.size() && isIdentifier(tokens.get(i + 1))) {
            valueName = tokens.get(i + 1);
            i += 2;
        } else {
            return false;
        }
        if (!is(tokens, i++, "FROM") || i >= tokens.size() || !isIdentifier(tokens.get(i))) {
            return false;
        }
        String alias = tokens.get(i++);
        if (is(tokens, i, "AS")) {
            i++;
        }
        if (i < tokens.size() && isIdentifier(tokens.get(i)) && !isClauseKeyword(tokens.get(i))) {
            alias = tokens.get(i++);
        }
        if (is(tokens, i, "IN")) {
            return false; // FROM x IN c.children iterates an array
        }
        for (int k = i; k < tokens.size(); k++) {
            if (is(tokens, k, "JOIN") || is(tokens, k, "GROUP") || is(tokens, k, "DISTINCT")) {
                return false;
            }
        }
        return valueName == null || valueName.equals(alias);
    }

    private static boolean isClauseKeyword(String token) {
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "WHERE", "ORDER", "GROUP", "OFFSET", "LIMIT", "JOIN", "IN" -> true;
            default -> false;
        };
    }

    private static boolean is(List<String> tokens, int index, String keyword) {
        return index < tokens.size() && tokens.get(index).equalsIgnoreCase(keyword);
    }

    private static boolean isIdentifier(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }

    /** Words, numbers and single symbols; strings become one token "''"; comments vanish. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                i = GridFilter.skipString(text, i);
                tokens.add("''");
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '@') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }
}
