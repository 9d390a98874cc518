package io.cosmosdesk.editor;

/**
 * What Enter inserts in the JSON editor: a line break and the current line's indentation, one level more after
 * an opening bracket, and the closing bracket on a line of its own when Enter splits an empty pair.
 */
final class AutoIndent {

    /** One level of indentation, as Format writes it. */
    static final String LEVEL = "  ";

    /** The text to insert and where the caret goes within it. */
    record Insertion(String text, int caret) {
    }

    private AutoIndent() {
    }

    /**
     * @param line the whole paragraph the caret is in
     * @param column the caret's column in it
     */
    static Insertion newLine(String line, int column) {
        String before = line.substring(0, column);
        String after = line.substring(column);
        int indentEnd = 0;
        while (indentEnd < line.length() && (line.charAt(indentEnd) == ' ' || line.charAt(indentEnd) == '\t')) {
            indentEnd++;
        }
        String indent = line.substring(0, Math.min(indentEnd, column));
        char last = lastNonBlank(before);
        char next = firstNonBlank(after);
        boolean opens = last == '{' || last == '[';
        if (!opens) {
            return inserted("\n" + indent, -1);
        }
        String inner = "\n" + indent + LEVEL;
        if (next == '}' && last == '{' || next == ']' && last == '[') {
            return inserted(inner + "\n" + indent, inner.length());
        }
        return inserted(inner, -1);
    }

    private static Insertion inserted(String text, int caret) {
        return new Insertion(text, caret < 0 ? text.length() : caret);
    }

    private static char lastNonBlank(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }
}
