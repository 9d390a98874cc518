package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A {@link LineLexer}'s colours as RichTextFX style spans, and documents built with their first screens
 * coloured. Pure functions of text: safe on any thread, so a large text is prepared off the UI thread.
 */
public final class LineHighlighting {

    /** Lines coloured by {@link #prepare} before the area is shown: a tall window's first screens. */
    public static final int PREPARED_LINES = 240;

    private LineHighlighting() {
    }

    public static EditableStyledDocument<Collection<String>, String, Collection<String>> prepare(LineLexer lexer,
            String text) {
        SimpleEditableStyledDocument<Collection<String>, Collection<String>> document =
                new SimpleEditableStyledDocument<>(ReadOnlyStyledDocument.fromString(text,
                        Collections.<String>emptyList(), Collections.<String>emptyList(),
                        SegmentOps.styledTextOps()));
        List<String> lines = new ArrayList<>();
        for (int par = 0; par < Math.min(PREPARED_LINES, document.getParagraphs().size()); par++) {
            lines.add(document.getParagraphs().get(par).getText());
        }
        StyleSpans<Collection<String>> spans = spansOfLines(lexer, lines);
        if (spans != null) {
            document.setStyleSpans(0, spans);
        }
        return document;
    }

    /** Style spans for consecutive lines (the line breaks between them included), or null when all are empty. */
    public static StyleSpans<Collection<String>> spansOfLines(LineLexer lexer, List<String> lines) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                builder.add(Collections.emptyList(), 1);
                total++;
            }
            total += addLine(lexer, builder, lines.get(i));
        }
        return total == 0 ? null : builder.create();
    }

    /**
     * Adds one line's spans; returns its length. Every character gets a colour class, which is how a line
     * is known to be coloured. Blank runs take the colour of the token after them (or before, at the end
     * of a line): whitespace shows no colour, and each span is a text node on screen, so a typical line of
     * pretty JSON costs four nodes instead of six.
     */
    private static int addLine(LineLexer lexer, StyleSpansBuilder<Collection<String>> builder, String line) {
        int pendingBlank = 0;
        String last = null;
        for (LineLexer.Run run : lexer.runs(line)) {
            if (run.styleClass() == null) {
                pendingBlank += run.length();
            } else {
                last = run.styleClass();
                builder.add(List.of(last), pendingBlank + run.length());
                pendingBlank = 0;
            }
        }
        if (pendingBlank > 0) {
            builder.add(List.of(last == null ? lexer.plainStyle() : last), pendingBlank);
        }
        return line.length();
    }
}
