package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The item editor's colours: {@link JsonLexer} as a {@link LineLexer}, through {@link LineHighlighting}.
 * Pure functions of text: safe on any thread, so a large item is prepared off the UI thread.
 */
final class JsonHighlighting {

    /** Lines coloured by {@link #prepare} before the area is shown: a tall window's first screens. */
    static final int PREPARED_LINES = LineHighlighting.PREPARED_LINES;

    static final LineLexer LEXER = new LineLexer() {
        @Override
        public List<Run> runs(CharSequence line) {
            List<Run> runs = new ArrayList<>();
            int at = 0;
            for (JsonLexer.Token token : JsonLexer.lex(line)) {
                boolean blank = token.kind() == JsonLexer.Kind.PLAIN && isBlank(line, at, at + token.length());
                runs.add(new Run(blank ? null : token.kind().styleClass(), token.length()));
                at += token.length();
            }
            return runs;
        }

        @Override
        public List<Integer> brackets(CharSequence line) {
            return JsonLexer.brackets(line);
        }

        @Override
        public String plainStyle() {
            return JsonLexer.Kind.PLAIN.styleClass();
        }

        @Override
        public String bracketStyle() {
            return JsonLexer.Kind.BRACE.styleClass();
        }
    };

    private JsonHighlighting() {
    }

    static EditableStyledDocument<Collection<String>, String, Collection<String>> prepare(String text) {
        return LineHighlighting.prepare(LEXER, text);
    }

    /** Style spans for consecutive lines (the line breaks between them included), or null when all are empty. */
    static StyleSpans<Collection<String>> spansOfLines(List<String> lines) {
        return LineHighlighting.spansOfLines(LEXER, lines);
    }

    private static boolean isBlank(CharSequence line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
