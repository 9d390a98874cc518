package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * A {@link CodeArea} for JSON: line numbers, syntax colours, bracket matching and find. Colouring is lazy
 * and per line: only lines on screen (plus a margin) are lexed, when they scroll into view or are edited,
 * so a 2 MB item costs the UI thread the same as a small one.
 */
public final class JsonCodeArea extends CodeArea {

    /** Lines coloured before the area is shown (see {@link #prepare}). */
    static final int PREPARED_LINES = JsonHighlighting.PREPARED_LINES;
    /** Lines above and below the viewport coloured ahead of scrolling. */
    private static final int MARGIN = 40;
    /** Edits spanning more lines than this are coloured as they scroll into view instead of at once. */
    private static final int RESTYLE_ON_EDIT_LINES = 200;

    private final BracketMatcher brackets = new BracketMatcher(this);
    private final TextSearch search = new TextSearch();
    private boolean highlightPending;
    private int errorLine = -1;

    public JsonCodeArea() {
        this(new SimpleEditableStyledDocument<>(Collections.<String>emptyList(), Collections.<String>emptyList()));
    }

    /**
     * An area over a document built beforehand, possibly on a background thread (see {@link #prepare}):
     * nothing here is proportional to the document's size.
     */
    public JsonCodeArea(EditableStyledDocument<Collection<String>, String, Collection<String>> document) {
        super(document);
        getStyleClass().add("json-editor");
        setParagraphGraphicFactory(new LineNumberGutter(this));
        // undo covers the user's typing only, never the colouring
        setUndoManager(UndoUtils.plainTextUndoManager(this));
        plainTextChanges().subscribe(change -> {
            int from = offsetToPosition(change.getPosition(), Bias.Forward).getMajor();
            int to = offsetToPosition(Math.min(getLength(), change.getPosition() + change.getInserted().length()),
                    Bias.Forward).getMajor();
            if (to - from <= RESTYLE_ON_EDIT_LINES) {
                restyle(from, to); // the edited lines kept their old colours
            }
            highlightAfterLayout();
        });
        // colouring waits for the next layout: asking which lines are visible forces one, and doing that on
        // every change (a style change is one) cost ~20 ms a time on a first keystroke
        getVisibleParagraphs().addListener((ListChangeListener<Object>) change -> highlightAfterLayout());
        caretPositionProperty().addListener((obs, old, position) -> brackets.matchAtCaret());
        // Enter keeps the indentation (one level more after { or [); Tab indents with spaces, as Format does
        Nodes.addInputMap(this, InputMap.sequence(
                InputMap.consume(EventPattern.keyPressed(KeyCode.ENTER), event -> newLineWithIndent()),
                InputMap.consume(EventPattern.keyPressed(KeyCode.TAB), event -> replaceSelection(AutoIndent.LEVEL))));
    }

    private void newLineWithIndent() {
        if (!isEditable()) {
            return;
        }
        int paragraph = getCurrentParagraph();
        AutoIndent.Insertion insertion = AutoIndent.newLine(getParagraph(paragraph).getText(), getCaretColumn());
        int start = getSelection().getStart();
        replaceSelection(insertion.text());
        moveTo(start + insertion.caret());
        requestFollowCaret();
    }

    /**
     * Builds an editable document for {@link #JsonCodeArea(EditableStyledDocument)}, its first screens
     * already coloured. Pure and thread-safe: large items are prepared on a background thread.
     */
    public static EditableStyledDocument<Collection<String>, String, Collection<String>> prepare(String text) {
        return JsonHighlighting.prepare(text);
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

    // ---- find

    /**
     * Selects the next (or previous) case-insensitive occurrence of {@code query} after (before) the caret,
     * wrapping around; returns false when there is none.
     */
    public boolean find(String query, boolean forward) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        boolean selected = getSelection().getLength() > 0;
        int from = forward ? (selected ? getSelection().getEnd() : getCaretPosition())
                : (selected ? getSelection().getStart() : getCaretPosition()) - 1;
        int found = search.find(getText(), query, from, forward);
        if (found < 0) {
            return false;
        }
        selectRange(found, found + query.length());
        requestFollowCaret();
        return true;
    }

    /** How many times {@code query} occurs (case-insensitive), up to {@code limit}. */
    public int countMatches(String query, int limit) {
        return query == null || query.isEmpty() ? 0 : search.count(getText(), query, limit);
    }

    /** 1-based index of the selected match among all matches, or 0. */
    public int currentMatchIndex(String query) {
        if (query == null || query.isEmpty() || getSelection().getLength() != query.length()) {
            return 0;
        }
        return search.indexOf(getText(), query, getSelection().getStart());
    }

    // ---- colouring

    private void highlightAfterLayout() {
        if (!highlightPending) {
            highlightPending = true;
            requestLayout();
        }
    }

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

    /** Colours the lines on screen (and a margin) that are not coloured yet. */
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
     * Colours the lines in [first, last] not coloured yet, one style change per run of such lines: each
     * change costs the UI thread about half a millisecond whatever its size.
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

    /** Colours one line afresh (bracket marks come off). */
    void restyleLine(int par) {
        if (par >= 0 && par < getParagraphs().size()) {
            restyle(par, par);
        }
    }

    private void restyle(int first, int last) {
        List<String> lines = new ArrayList<>();
        for (int par = first; par <= last; par++) {
            lines.add(getParagraph(par).getText());
        }
        StyleSpans<Collection<String>> spans = JsonHighlighting.spansOfLines(lines);
        if (spans != null) {
            setStyleSpans(getAbsolutePosition(first, 0), spans);
        }
    }

    /** Empty lines count as coloured: there is nothing to colour and no way to mark them. */
    private boolean isHighlighted(int par) {
        Paragraph<Collection<String>, String, Collection<String>> paragraph = getParagraph(par);
        return paragraph.length() == 0 || !paragraph.getStyleOfChar(0).isEmpty();
    }
}
