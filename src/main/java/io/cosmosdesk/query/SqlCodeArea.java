package io.cosmosdesk.query;

import io.cosmosdesk.editor.LineHighlighting;
import io.cosmosdesk.editor.LineStyledCodeArea;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The query editor: Cosmos DB SQL colours ({@link SqlLexer}), bracket matching and line numbers through the
 * item editor's {@link LineStyledCodeArea}, plus an error mark the query tab sets from the server's answer
 * (underlined token, a tooltip on it, the sentence in {@link #errorMessageProperty()}); the text is never
 * touched by it. Completion is added with {@link SqlCompletion#attach}.
 */
public final class SqlCodeArea extends LineStyledCodeArea {

    private static final String INDENT = "    ";

    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final Tooltip errorTip = new Tooltip();
    /** The underlined characters [errorStart, errorEnd), following edits; errorStart < 0 when none. */
    private int errorStart = -1;
    private int errorEnd = -1;
    private int errorLine = -1;
    private int errorColumn = -1;
    private String errorText = "";

    public SqlCodeArea() {
        this("");
    }

    public SqlCodeArea(String text) {
        this(text.isEmpty()
                ? new SimpleEditableStyledDocument<>(Collections.<String>emptyList(), Collections.<String>emptyList())
                : LineHighlighting.prepare(SqlLexer.INSTANCE, text));
    }

    private SqlCodeArea(EditableStyledDocument<Collection<String>, String, Collection<String>> document) {
        super(document, SqlLexer.INSTANCE);
        getStyleClass().add("sql-editor");
        setId("queryText");
        errorTip.getStyleClass().add("sql-error-tip");
        errorTip.setWrapText(true);
        errorTip.setMaxWidth(520);
        plainTextChanges().subscribe(change -> followEdit(change.getPosition(), change.getRemoved().length(),
                change.getInserted().length()));
        setMouseOverTextDelay(Duration.ofMillis(300));
        addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> {
            int at = event.getCharacterIndex();
            if (errorStart >= 0 && at >= errorStart && at < errorEnd) {
                errorTip.setText(errorText);
                errorTip.show(this, event.getScreenPosition().getX(), event.getScreenPosition().getY() + 16);
            }
        });
        addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> errorTip.hide());
        // Enter keeps the line's indentation; Tab indents with spaces
        Nodes.addInputMap(this, InputMap.sequence(
                InputMap.consume(EventPattern.keyPressed(KeyCode.ENTER), event -> newLineWithIndent()),
                InputMap.consume(EventPattern.keyPressed(KeyCode.TAB), event -> replaceSelection(INDENT))));
    }

    // ---- error mark

    /**
     * Marks a syntax error at a 1-based line and column: the token there is underlined, its tooltip and
     * {@link #errorMessageProperty()} say {@code message}; the caret goes there. Out-of-range positions are
     * pulled in to the nearest character. The text is left as it is.
     */
    public void showError(int line, int column, String message) {
        clearError();
        if (getLength() == 0) {
            errorText = message;
            errorMessage.set(message);
            return;
        }
        int par = Math.max(0, Math.min(getParagraphs().size() - 1, line - 1));
        String text = getParagraph(par).getText();
        int col = Math.max(0, Math.min(text.length(), column - 1));
        int[] span = errorSpan(text, col);
        errorLine = par + 1;
        errorColumn = col + 1;
        errorText = message;
        int lineStart = getAbsolutePosition(par, 0);
        errorStart = lineStart + span[0];
        errorEnd = lineStart + span[1];
        if (errorEnd <= errorStart) {
            // an empty line: nothing to underline, the line's background still shows where
            errorStart = -1;
            errorEnd = -1;
        }
        setParagraphStyle(par, List.of("error-line"));
        paintError();
        errorMessage.set("Line " + errorLine + ", column " + errorColumn + ": " + message);
        moveTo(lineStart + col);
        requestFollowCaret();
    }

    /** Takes the error mark off (its sentence too). */
    public void clearError() {
        if (errorLine > 0) {
            // lines may have come and gone above it since: find the marked line by its style
            for (int par = 0; par < getParagraphs().size(); par++) {
                if (getParagraph(par).getParagraphStyle().contains("error-line")) {
                    setParagraphStyle(par, List.of());
                }
            }
        }
        int start = errorStart;
        errorStart = -1;
        errorEnd = -1;
        errorLine = -1;
        errorColumn = -1;
        errorText = "";
        errorTip.hide();
        errorMessage.set("");
        if (start >= 0 && start < getLength()) {
            restyleLineAt(start);
        }
    }

    /** "Line 3, column 12: …" while an error is marked, else empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The underlined range as [start, end) offsets, or null: for tests and the message bar's "go to". */
    public int[] errorRange() {
        return errorStart < 0 ? null : new int[] {errorStart, errorEnd};
    }

    /** Moves the caret to the marked error, if any. */
    public void goToError() {
        if (errorStart >= 0) {
            moveTo(errorStart);
            requestFollowCaret();
            requestFocus();
        }
    }

    /**
     * The characters to underline for a column: the token there (or the one just before it, at a line's end
     * or on a blank), else the whole line's last character.
     */
    static int[] errorSpan(String line, int column) {
        List<SqlLexer.Token> tokens = SqlLexer.lex(line);
        SqlLexer.Token token = SqlLexer.tokenAt(tokens, column);
        if (token != null && token.kind() == SqlLexer.Kind.BLANK) {
            int index = tokens.indexOf(token);
            token = index + 1 < tokens.size() ? tokens.get(index + 1) : index > 0 ? tokens.get(index - 1) : null;
        }
        if (token == null) {
            return line.isEmpty() ? new int[] {0, 0} : new int[] {line.length() - 1, line.length()};
        }
        return new int[] {token.start(), token.end()};
    }

    @Override
    protected void restyled(int first, int last) {
        if (errorStart >= 0 && errorStart < getLength()) {
            int par = offsetToPosition(errorStart, Bias.Forward).getMajor();
            if (par >= first && par <= last) {
                paintError();
            }
        }
    }

    private void paintError() {
        if (errorStart < 0 || errorEnd > getLength()) {
            return;
        }
        for (int at = errorStart; at < errorEnd; at++) {
            List<String> styles = new ArrayList<>(getStyleOfChar(at));
            if (!styles.contains("sql-error")) {
                styles.add("sql-error");
                setStyle(at, at + 1, styles);
            }
        }
    }

    /** The mark follows edits before it; an edit touching the marked token takes the underline off. */
    private void followEdit(int position, int removed, int inserted) {
        if (errorStart < 0) {
            return;
        }
        if (position + removed <= errorStart) {
            errorStart += inserted - removed;
            errorEnd += inserted - removed;
        } else if (position < errorEnd) {
            int start = errorStart;
            errorStart = -1;
            errorEnd = -1;
            if (start < getLength()) {
                restyleLineAt(Math.min(start, getLength() - 1));
            }
        }
    }

    private void restyleLineAt(int offset) {
        int par = offsetToPosition(offset, Bias.Forward).getMajor();
        String text = getParagraph(par).getText();
        if (!text.isEmpty()) {
            // the same characters again: the lexer's colours come back, nothing else changes
            setStyleSpans(getAbsolutePosition(par, 0), LineHighlighting.spansOfLines(SqlLexer.INSTANCE, List.of(text)));
        }
    }

    private void newLineWithIndent() {
        if (!isEditable()) {
            return;
        }
        String line = getParagraph(getCurrentParagraph()).getText();
        int indent = 0;
        while (indent < line.length() && indent < getCaretColumn() && (line.charAt(indent) == ' '
                || line.charAt(indent) == '\t')) {
            indent++;
        }
        replaceSelection("\n" + line.substring(0, indent));
        requestFollowCaret();
    }
}
