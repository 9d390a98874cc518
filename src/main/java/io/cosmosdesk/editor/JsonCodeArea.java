package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional;
import org.fxmisc.richtext.util.UndoUtils;
import org.reactfx.collection.LiveList;

/**
 * A {@link CodeArea} for JSON: line numbers, syntax colours, bracket matching and find. Highlighting is
 * lazy and per line: only paragraphs on screen (plus a margin) are lexed, when they scroll into view or
 * are edited, so a 2 MB item costs the UI thread the same as a small one.
 */
public final class JsonCodeArea extends CodeArea {

    /** Lines highlighted by {@link #prepare} before the area is shown: a tall window's first screens. */
    static final int PREPARED_LINES = 240;
    /** Lines above and below the viewport highlighted ahead of scrolling. */
    private static final int MARGIN = 40;
    /** How far bracket matching searches before giving up. */
    private static final int BRACKET_SEARCH_LINES = 5_000;
    /** A search result: the limit was reached before the matching bracket. */
    private static final int GAVE_UP = -2;

    private final List<Integer> bracketMarks = new ArrayList<>();
    private boolean highlightPending;
    private int errorLine = -1;
    private String searchText;
    private String searchLower;

    public JsonCodeArea() {
        this(new SimpleEditableStyledDocument<>(Collections.<String>emptyList(), Collections.<String>emptyList()));
    }

    /**
     * An area over a document built beforehand, possibly on a background thread (see {@link #prepare}):
     * nothing here is proportional to the document's size, so a 2 MB item costs the UI thread no more
     * than a small one.
     */
    public JsonCodeArea(EditableStyledDocument<Collection<String>, String, Collection<String>> document) {
        super(document);
        getStyleClass().add("json-editor");
        setParagraphGraphicFactory(new LineNumberGutter(this));
        // undo covers the user's typing only, never the highlighting
        setUndoManager(UndoUtils.plainTextUndoManager(this));
        plainTextChanges().subscribe(change -> {
            int from = offsetToPosition(change.getPosition(), Bias.Forward).getMajor();
            int to = offsetToPosition(Math.min(getLength(), change.getPosition() + change.getInserted().length()),
                    Bias.Forward).getMajor();
            if (to - from <= 200) {
                restyle(from, to); // the edited lines kept their old colours
            }
            if (!highlightPending) {
                highlightPending = true;
                requestLayout();
            }
        });
        LiveList<?> visible = getVisibleParagraphs();
        // highlighting waits for the next layout: asking which lines are visible forces one, and doing
        // that on every change (a style change is one) cost ~20 ms a time on a first keystroke
        visible.addListener((javafx.collections.ListChangeListener<Object>) change -> {
            if (!highlightPending) {
                highlightPending = true;
                requestLayout();
            }
        });
        caretPositionProperty().addListener((obs, old, position) -> matchBrackets());
    }

    /**
     * Builds an editable document for {@link #JsonCodeArea(EditableStyledDocument)}, its first screens
     * already highlighted. Pure and thread-safe: large items are prepared on a background thread.
     */
    public static EditableStyledDocument<Collection<String>, String, Collection<String>> prepare(String text) {
        SimpleEditableStyledDocument<Collection<String>, Collection<String>> document =
                new SimpleEditableStyledDocument<>(ReadOnlyStyledDocument.fromString(text,
                        Collections.<String>emptyList(), Collections.<String>emptyList(),
                        SegmentOps.styledTextOps()));
        List<String> lines = new ArrayList<>();
        for (int par = 0; par < Math.min(PREPARED_LINES, document.getParagraphs().size()); par++) {
            lines.add(document.getParagraphs().get(par).getText());
        }
        StyleSpans<Collection<String>> spans = spansOfLines(lines);
        if (spans != null) {
            document.setStyleSpans(0, spans);
        }
        return document;
    }

    /** Moves the caret to a 1-based line and column and scrolls there. */
    public void moveToLineColumn(int line, int column) {
        int par = Math.max(0, Math.min(getParagraphs().size() - 1, line - 1));
        int col = Math.max(0, Math.min(getParagraph(par).length(), column - 1));
        moveTo(par, col);
        requestFollowCaret();
    }

    /** Marks the line of a syntax error (1-based; 0 clears). */
    public void markErrorLine(int line) {
        if (errorLine >= 0 && errorLine < getParagraphs().size()) {
            setParagraphStyle(errorLine, List.of());
        }
        errorLine = line > 0 && line <= getParagraphs().size() ? line - 1 : -1;
        if (errorLine >= 0) {
            setParagraphStyle(errorLine, List.of("error-line"));
        }
    }

    /**
     * Selects the next (or previous) case-insensitive occurrence of {@code query} after (before) the caret,
     * wrapping around; returns false when there is none.
     */
    public boolean find(String query, boolean forward) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        String haystack = lowerText();
        String needle = query.toLowerCase(Locale.ROOT);
        int found;
        if (forward) {
            int from = getSelection().getLength() > 0 ? getSelection().getEnd() : getCaretPosition();
            found = haystack.indexOf(needle, from);
            if (found < 0) {
                found = haystack.indexOf(needle);
            }
        } else {
            int from = (getSelection().getLength() > 0 ? getSelection().getStart() : getCaretPosition()) - 1;
            found = from < 0 ? -1 : haystack.lastIndexOf(needle, from);
            if (found < 0) {
                found = haystack.lastIndexOf(needle);
            }
        }
        if (found < 0) {
            return false;
        }
        selectRange(found, found + needle.length());
        requestFollowCaret();
        return true;
    }

    /** How many times {@code query} occurs (case-insensitive), up to {@code limit}. */
    public int countMatches(String query, int limit) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        String haystack = lowerText();
        String needle = query.toLowerCase(Locale.ROOT);
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0 && count < limit; at = haystack.indexOf(needle,
                at + needle.length())) {
            count++;
        }
        return count;
    }

    /** 1-based index of the selected match among all matches, or 0. */
    public int currentMatchIndex(String query) {
        if (query == null || query.isEmpty() || getSelection().getLength() != query.length()) {
            return 0;
        }
        String haystack = lowerText();
        String needle = query.toLowerCase(Locale.ROOT);
        int index = 0;
        for (int at = haystack.indexOf(needle); at >= 0 && at <= getSelection().getStart();
                at = haystack.indexOf(needle, at + needle.length())) {
            index++;
        }
        return index;
    }

    private String lowerText() {
        String text = getText();
        if (!text.equals(searchText)) {
            searchText = text;
            searchLower = text.toLowerCase(Locale.ROOT);
            if (searchLower.length() != text.length()) {
                // a few characters change length when lower-cased; fall back to exact offsets
                searchLower = text;
            }
        }
        return searchLower;
    }

    // ---- highlighting

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (highlightPending) {
            // the lines are placed: finding the visible ones is cheap now, and styles set here are laid
            // out in this same pass
            highlightPending = false;
            highlightVisible();
        }
    }

    /** Highlights the paragraphs on screen (and a margin) that are not highlighted yet. */
    public void highlightVisible() {
        if (getParagraphs().isEmpty() || getVisibleParagraphs().isEmpty()) {
            highlightRange(0, Math.min(getParagraphs().size() - 1, 2 * MARGIN));
            return;
        }
        int first;
        int last;
        try {
            first = visibleParToAllParIndex(0);
            last = visibleParToAllParIndex(getVisibleParagraphs().size() - 1);
        } catch (IllegalArgumentException | IllegalStateException e) {
            first = 0;
            last = 2 * MARGIN;
        }
        highlightRange(Math.max(0, first - MARGIN), Math.min(getParagraphs().size() - 1, last + MARGIN));
    }

    /**
     * Highlights the lines in [first, last] not highlighted yet, one style change per run of such lines:
     * each change costs the UI thread about half a millisecond whatever its size.
     */
    private void highlightRange(int first, int last) {
        int par = first;
        while (par <= last) {
            if (isHighlighted(par)) {
                par++;
                continue;
            }
            int runStart = par;
            while (par <= last && !isHighlighted(par)) {
                par++;
            }
            restyle(runStart, par - 1);
        }
    }

    private void restyle(int first, int last) {
        List<String> lines = new ArrayList<>();
        for (int par = first; par <= last; par++) {
            lines.add(getParagraph(par).getText());
        }
        StyleSpans<Collection<String>> spans = spansOfLines(lines);
        if (spans != null) {
            setStyleSpans(getAbsolutePosition(first, 0), spans);
        }
    }

    /** Empty lines count as highlighted: there is nothing to colour and no way to mark them. */
    private boolean isHighlighted(int par) {
        Paragraph<Collection<String>, String, Collection<String>> paragraph = getParagraph(par);
        return paragraph.length() == 0 || !paragraph.getStyleOfChar(0).isEmpty();
    }

    /** Style spans for consecutive lines (the line breaks between them included), or null when all are empty. */
    static StyleSpans<Collection<String>> spansOfLines(List<String> lines) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                builder.add(Collections.emptyList(), 1);
                total++;
            }
            total += addLine(builder, lines.get(i));
        }
        return total == 0 ? null : builder.create();
    }

    private void highlightParagraph(int par) {
        if (par < 0 || par >= getParagraphs().size()) {
            return;
        }
        String line = getParagraph(par).getText();
        if (line.isEmpty()) {
            return;
        }
        setStyleSpans(par, 0, spans(line));
    }

    /** The style spans of one line; every character gets at least "json-plain", which marks it highlighted. */
    public static StyleSpans<Collection<String>> spans(String line) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        if (addLine(builder, line) == 0) {
            builder.add(Collections.emptyList(), 0);
        }
        return builder.create();
    }

    /**
     * Adds one line's spans; returns its length. Blank runs take the colour of the token after them (or
     * before, at the end of a line): whitespace shows no colour, and each span is a text node on screen,
     * so a typical line of pretty JSON costs four nodes instead of six.
     */
    private static int addLine(StyleSpansBuilder<Collection<String>> builder, String line) {
        List<JsonLexer.Token> tokens = JsonLexer.lex(line);
        int at = 0;
        int pendingBlank = 0;
        String last = null;
        for (JsonLexer.Token token : tokens) {
            if (token.kind() == JsonLexer.Kind.PLAIN && line.substring(at, at + token.length()).isBlank()) {
                pendingBlank += token.length();
            } else {
                last = token.kind().styleClass();
                builder.add(List.of(last), pendingBlank + token.length());
                pendingBlank = 0;
            }
            at += token.length();
        }
        if (pendingBlank > 0) {
            builder.add(List.of(last == null ? JsonLexer.Kind.PLAIN.styleClass() : last), pendingBlank);
        }
        return line.length();
    }

    // ---- bracket matching

    private void matchBrackets() {
        clearBracketMarks();
        int caret = getCaretPosition();
        TwoDimensional.Position position = offsetToPosition(caret, Bias.Forward);
        int par = position.getMajor();
        int col = position.getMinor();
        List<Integer> here = JsonLexer.brackets(getParagraph(par).getText());
        // the bracket just before the caret wins, then the one after it
        for (int candidate : new int[] {col - 1, col}) {
            for (int mark : here) {
                int offset = mark >= 0 ? mark : -mark - 1;
                if (offset == candidate) {
                    int match = mark >= 0 ? searchForward(par, offset) : searchBackward(par, offset);
                    if (match == GAVE_UP) {
                        return; // too far to tell: better no mark than a wrong "unmatched"
                    }
                    int self = getAbsolutePosition(par, offset);
                    markBracket(self, match >= 0 ? "bracket-match" : "bracket-unmatched");
                    if (match >= 0) {
                        markBracket(match, "bracket-match");
                    }
                    return;
                }
            }
        }
    }

    private int searchForward(int par, int offset) {
        int depth = 0;
        for (int p = par; p < getParagraphs().size(); p++) {
            if (p - par >= BRACKET_SEARCH_LINES) {
                return GAVE_UP;
            }
            for (int mark : JsonLexer.brackets(getParagraph(p).getText())) {
                int at = mark >= 0 ? mark : -mark - 1;
                if (p == par && at < offset) {
                    continue;
                }
                depth += mark >= 0 ? 1 : -1;
                if (depth == 0) {
                    return getAbsolutePosition(p, at);
                }
            }
        }
        return -1;
    }

    private int searchBackward(int par, int offset) {
        int depth = 0;
        for (int p = par; p >= 0; p--) {
            if (par - p >= BRACKET_SEARCH_LINES) {
                return GAVE_UP;
            }
            List<Integer> marks = JsonLexer.brackets(getParagraph(p).getText());
            for (int i = marks.size() - 1; i >= 0; i--) {
                int mark = marks.get(i);
                int at = mark >= 0 ? mark : -mark - 1;
                if (p == par && at > offset) {
                    continue;
                }
                depth += mark >= 0 ? -1 : 1;
                if (depth == 0) {
                    return getAbsolutePosition(p, at);
                }
            }
        }
        return -1;
    }

    private void markBracket(int offset, String styleClass) {
        if (offset < 0 || offset >= getLength()) {
            return;
        }
        List<String> styles = new ArrayList<>(getStyleOfChar(offset));
        if (styles.isEmpty()) {
            styles.add(JsonLexer.Kind.BRACE.styleClass());
        }
        styles.add(styleClass);
        setStyle(offset, offset + 1, styles);
        bracketMarks.add(offset);
    }

    private void clearBracketMarks() {
        for (int offset : bracketMarks) {
            if (offset < getLength()) {
                highlightParagraph(offsetToPosition(offset, Bias.Forward).getMajor());
            }
        }
        bracketMarks.clear();
    }
}
