package io.cosmosdesk.query;

/**
 * One completion offered in the query editor.
 *
 * @param label what the list shows
 * @param insertText what replaces the text from {@code replaceFrom} to the caret
 * @param caretBack how far before the end of the inserted text the caret goes (1 inside a function's
 *     parentheses)
 * @param depth levels of a field path (0 for words): shallow fields are listed first
 */
public record Completion(Kind kind, String label, String insertText, int replaceFrom, int caretBack, int depth) {

    public enum Kind {
        FIELD("field"), ALIAS("alias"), KEYWORD("keyword"), FUNCTION("function");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
