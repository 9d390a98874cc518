package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;
import org.reactfx.EventStreams;

/**
 * A {@link CodeArea} coloured by a {@link LineLexer}, with line numbers and bracket matching. Colouring is
 * lazy and per line: only lines on screen (plus a margin) are lexed, when they scroll into view or are
 * edited, so a long text costs the UI thread the same as a short one.
 */
public abstract class LineStyledCodeArea extends CodeArea {

    /** Lines above and below the viewport coloured ahead of scrolling. */
    private static final int MARGIN = 40;
    /** Edits spanning more lines than this are coloured as they scroll into view instead of at once. */
    private static final int RESTYLE_ON_EDIT_LINES = 200;

    private final LineLexer lexer;
    private final BracketMatcher brackets;
    private boolean highlightPending;

    protected LineStyledCodeArea(EditableStyledDocument<Collection<String>, String, Collection<String>> document,
            LineLexer lexer) {
        super(document);
        this.lexer = lexer;
        this.brackets = new BracketMatcher(this);
        getStyleClass().add("code-editor");
        // The gutter joins once the area is in a scene. RichTextFX builds the first line's cell in its constructor,
        // and Flowless styles a cell built outside a scene the moment it joins one, before the scene's root has
        // its theme variables: a line number built here logged "Could not resolve '-color-fg-default'" for every
        // area put in a new window. The scene is set on the cells before the area hears of it, so the gutter
        // added from the area's own scene event is styled in the normal CSS pass, before any frame is drawn.
        if (getScene() != null) {
            setParagraphGraphicFactory(new LineNumberGutter(this));
        } else {
            EventStreams.nonNullValuesOf(sceneProperty())
                    .subscribeForOne(scene -> setParagraphGraphicFactory(new LineNumberGutter(this)));
        }
        // undo covers the user's typing only, never the colouring
        setUndoManager(UndoUtils.plainTextUndoManager(this));
        // a typed character takes the colour of the one before it (CodeArea's default is no colour at all): inside a
        // token, the usual case, the line's colours are then already right and the restyle below changes nothing
        setUseInitialStyleForInsertion(false);
        plainTextChanges().subscribe(change -> {
            int from = offsetToPosition(change.getPosition(), Bias.Forward).getMajor();
            int to = offsetToPosition(Math.min(getLength(), change.getPosition() + change.getInserted().length()),
                    Bias.Forward).getMajor();
            if (to - from <= RESTYLE_ON_EDIT_LINES) {
                restyle(from, to); // the edited lines kept their old colours
            } else {
                // a long paste: its lines show uncoloured (so they count as not coloured yet) until scrolled to
                clearStyle(getAbsolutePosition(from, 0), getAbsolutePosition(to, getParagraph(to).length()));
                restyle(from, from);
                restyle(to, to);
            }
            highlightAfterLayout();
        });
        // colouring waits for the next layout: asking which lines are visible forces one, and doing that on
        // every change (a style change is one) cost ~20 ms a time on a first keystroke
        getVisibleParagraphs().addListener((ListChangeListener<Object>) change -> highlightAfterLayout());
        caretPositionProperty().addListener((obs, old, position) -> brackets.matchAtCaret());
    }

    final LineLexer lexer() {
        return lexer;
    }

    /** Moves the caret to a 1-based line and column and scrolls there. */
    public void moveToLineColumn(int line, int column) {
        int par = Math.max(0, Math.min(getParagraphs().size() - 1, line - 1));
        int col = Math.max(0, Math.min(getParagraph(par).length(), column - 1));
        moveTo(par, col);
        requestFollowCaret();
    }

    /**
     * Called after lines {@code first..last} got their plain colours back (an edit, a scroll into view, a
     * bracket mark taken off): a subclass puts its own marks on them again.
     */
    protected void restyled(int first, int last) {
    }

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
        StyleSpans<Collection<String>> spans = LineHighlighting.spansOfLines(lexer, lines);
        if (spans == null) {
            restyled(first, last);
            return;
        }
        int start = getAbsolutePosition(first, 0);
        if (first == last && spans.equals(getStyleSpans(start, start + spans.length()))) {
            // a key typed inside a token took that token's colour already: a style change that changes nothing
            // would still be a second change of the document per key (its cells, the scroll pane's estimates)
            return;
        }
        setStyleSpans(start, spans);
        restyled(first, last);
    }

    /** Empty lines count as coloured: there is nothing to colour and no way to mark them. */
    private boolean isHighlighted(int par) {
        Paragraph<Collection<String>, String, Collection<String>> paragraph = getParagraph(par);
        return paragraph.length() == 0 || !paragraph.getStyleOfChar(0).isEmpty();
    }
}
