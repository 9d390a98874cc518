package io.cosmosdesk.editor;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * A code area for JSON: line numbers, syntax colours and bracket matching ({@link LineStyledCodeArea}, whose
 * lazy per-line colouring makes a 2 MB item cost the UI thread the same as a small one), auto-indent and find.
 */
public final class JsonCodeArea extends LineStyledCodeArea {

    /** Lines coloured before the area is shown (see {@link #prepare}). */
    static final int PREPARED_LINES = JsonHighlighting.PREPARED_LINES;

    private final TextSearch search = new TextSearch();
    private int errorLine = -1;

    public JsonCodeArea() {
        this(new SimpleEditableStyledDocument<>(Collections.<String>emptyList(), Collections.<String>emptyList()));
    }

    /**
     * An area over a document built beforehand, possibly on a background thread (see {@link #prepare}):
     * nothing here is proportional to the document's size.
     */
    public JsonCodeArea(EditableStyledDocument<Collection<String>, String, Collection<String>> document) {
        super(document, JsonHighlighting.LEXER);
        getStyleClass().add("json-editor");
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
}
