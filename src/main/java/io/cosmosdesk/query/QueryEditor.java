package io.cosmosdesk.query;

import java.util.Collections;
import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The query text editor: a RichTextFX code area with line numbers, kept in step with the view-model (text, caret,
 * selection) and marking the last syntax error at the place the server named.
 */
public final class QueryEditor {

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    private boolean updating;

    QueryEditor(QueryTabViewModel model) {
        area.setId("queryEditor");
        area.getStyleClass().add("query-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(model.textProperty().get());
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((obs, old, text) -> {
            if (!updating) {
                updating = true;
                try {
                    model.textProperty().set(text);
                } finally {
                    updating = false;
                }
            }
        });
        model.textProperty().addListener((obs, old, text) -> {
            if (!updating && !text.equals(area.getText())) {
                updating = true;
                try {
                    area.replaceText(text);
                } finally {
                    updating = false;
                }
            }
        });
        area.caretPositionProperty().addListener((obs, old, caret) -> model.caretProperty().set(caret));
        area.selectionProperty().addListener((obs, old, range) -> model.select(range.getStart(), range.getEnd()));
        model.syntaxErrorProperty().addListener((obs, old, error) -> mark(error));
        area.plainTextChanges().subscribe(change -> clearMark());
    }

    public Node node() {
        return scroll;
    }

    public CodeArea area() {
        return area;
    }

    private void mark(QuerySyntaxError error) {
        clearMark();
        if (error == null || area.getLength() == 0) {
            return;
        }
        int start = Math.min(error.start(), area.getLength());
        int end = Math.min(Math.max(error.end(), start + 1), area.getLength());
        if (start == end) { // "unexpected end": mark the last character
            start = Math.max(0, end - 1);
        }
        area.setStyle(start, end, Collections.singleton("syntax-error"));
        area.moveTo(Math.min(error.start(), area.getLength()));
        area.requestFollowCaret();
    }

    private void clearMark() {
        if (area.getLength() > 0) {
            area.clearStyle(0, area.getLength());
        }
    }
}
