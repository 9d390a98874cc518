package io.cosmosdesk.editor;

/**
 * The scanning steps the line lexers share (JSON, Cosmos SQL, JavaScript): where a run of blanks or a quoted
 * string ends, and how a bracket is marked for {@link LineLexer#brackets}. Pure and thread-safe.
 */
public final class LineScan {

    private LineScan() {
    }

    /** The offset just past the blanks that start at {@code from} ({@code from} itself when there are none). */
    public static int endOfBlank(CharSequence line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The offset just past the string that opens at {@code quote} and closes with the same character; a backslash
     * escapes the character after it. An unclosed string runs to the end of the line.
     */
    public static int endOfQuoted(CharSequence line, int quote) {
        char closing = line.charAt(quote);
        int i = quote + 1;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == closing) {
                break;
            }
        }
        return Math.min(i, n);
    }

    /** Whether {@code c} is one of {@code ( ) [ ] { }}. */
    public static boolean isBracket(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    /** A bracket at {@code offset} as {@link LineLexer#brackets} lists it: the offset for an opener, else -(offset + 1). */
    public static int bracketMark(char c, int offset) {
        return c == '(' || c == '[' || c == '{' ? offset : -(offset + 1);
    }
}
