package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * A {@link LineLexer}'s colours as RichTextFX style spans, and documents built with their first screens
 * coloured. Pure functions of text: safe on any thread, so a large text is prepared off the UI thread.
 */
public final class LineHighlighting {

    /** Lines coloured by {@link #prepare} before the area is shown: a tall window's first screens. */
    public static final int PREPARED_LINES = 240;

    /** Where RichTextFX breaks a text into paragraphs (its ReadOnlyStyledDocument.fromString). */
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private LineHighlighting() {
    }

    /**
     * The document of {@code text}, split into lines as RichTextFX splits them, its first {@link #PREPARED_LINES} lines
     * coloured. Built paragraph by paragraph (not {@code fromString} then restyled), and lines of equal text share one
     * paragraph: RichTextFX's paragraphs are immutable values (an edit or a restyle puts a new one at its index), and a
     * line's colours are a function of its text alone ({@link LineLexer}). A paragraph is ~190 bytes in seven objects
     * besides its place in the document's tree (the paragraph, its navigator and that navigator's two lambdas, its
     * segment list, the line's string and its bytes), so the lines a large item repeats (the brace lines between an
     * array's objects, {@code "gift": false,}, closing brackets, the same values in every element) keep only their tree
     * leaf alive, and the young collection that copies a freshly opened item copies that much less (issue 19: the
     * editor's longest stall was such a pause). EditorBenchmark's 2 MB item: 56,119 distinct paragraphs for 149,606
     * lines, the live heap with it open 106.8 -> 89.6 MiB; the largest copy of a GC pause in an open, median of 8 runs
     * alternating with the old build (load 11-20), 69 -> 48 MB. A line beyond the coloured ones that repeats one of
     * them shows its colours at once; the other lines share one uncoloured style run per length.
     */
    public static EditableStyledDocument<Collection<String>, String, Collection<String>> prepare(LineLexer lexer,
            String text) {
        Collection<String> none = Collections.emptyList();
        SegmentOps<String, Collection<String>> ops = SegmentOps.styledTextOps();
        List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs = new ArrayList<>();
        Map<String, Paragraph<Collection<String>, String, Collection<String>>> byText = new HashMap<>();
        Map<Integer, StyleSpans<Collection<String>>> uncoloured = new HashMap<>();
        Matcher breaks = LINE_BREAK.matcher(text);
        int start = 0;
        while (true) {
            boolean more = breaks.find();
            String lineText = more ? text.substring(start, breaks.start()) : text.substring(start);
            Paragraph<Collection<String>, String, Collection<String>> paragraph = byText.get(lineText);
            if (paragraph == null) {
                StyleSpans<Collection<String>> spans = paragraphs.size() < PREPARED_LINES && !lineText.isEmpty()
                        ? spansOfLine(lexer, lineText)
                        : uncoloured.computeIfAbsent(lineText.length(), length -> StyleSpans.singleton(none, length));
                paragraph = new Paragraph<>(none, ops, lineText, spans);
                byText.put(lineText, paragraph);
            }
            paragraphs.add(paragraph);
            if (!more) {
                break;
            }
            start = breaks.end();
        }
        return new SimpleEditableStyledDocument<>(ReadOnlyStyledDocument.from(new ParagraphList(paragraphs)));
    }

    /** One line's spans, every character coloured (see {@link #addLine}). */
    private static StyleSpans<Collection<String>> spansOfLine(LineLexer lexer, String line) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        addLine(lexer, builder, line);
        try {
            return builder.create();
        } catch (IllegalStateException noRuns) { // a lexer that gave no run for the line: leave it uncoloured
            return StyleSpans.singleton(Collections.emptyList(), line.length());
        }
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

    /**
     * Paragraphs as a {@link StyledDocument}, for {@link ReadOnlyStyledDocument#from}, which builds a document of
     * them (RichTextFX's public way to a document of given paragraphs: its builder makes a new paragraph per line).
     * Only {@link #getParagraphs} is read: that is RichTextFX 0.11.7's implementation, not its contract, so the other
     * methods throw, and a RichTextFX upgrade must run JsonHighlightingTest and SharedParagraphsGuiTest (they fail
     * at once if {@code from} reads anything else).
     */
    private record ParagraphList(List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs)
            implements StyledDocument<Collection<String>, String, Collection<String>> {

        @Override
        public List<Paragraph<Collection<String>, String, Collection<String>>> getParagraphs() {
            return paragraphs;
        }

        @Override
        public int length() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getText() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StyledDocument<Collection<String>, String, Collection<String>> concat(
                StyledDocument<Collection<String>, String, Collection<String>> that) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StyledDocument<Collection<String>, String, Collection<String>> subSequence(int start, int end) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TwoDimensional.Position offsetToPosition(int offset, TwoDimensional.Bias bias) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TwoDimensional.Position position(int major, int minor) {
            throw new UnsupportedOperationException();
        }
    }
}
