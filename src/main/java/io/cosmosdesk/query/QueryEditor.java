package io.cosmosdesk.query;

import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * The query text editor: a {@link SqlCodeArea} (Cosmos SQL highlighting, brackets, line numbers) in its
 * {@link SqlEditorView} (the error bar), kept in step with the view-model (text, caret, selection) and marking the
 * last syntax error at the place the server named.
 */
public final class QueryEditor {

    private final SqlCodeArea area;
    private final SqlEditorView view;
    private boolean updating;

    /** @param setup attaches what needs services (completion) to the area */
    QueryEditor(QueryTabViewModel model, Consumer<SqlCodeArea> setup) {
        area = new SqlCodeArea(model.textProperty().get());
        view = new SqlEditorView(area);
        area.setId("queryEditor");
        area.getStyleClass().add("query-editor");
        setup.accept(area);
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
        return view;
    }

    public SqlCodeArea area() {
        return area;
    }

    private void mark(QuerySyntaxError error) {
        clearMark();
        if (error == null || area.getLength() == 0) {
            return;
        }
        area.showError(Math.max(1, error.line()), Math.max(1, error.column()), error.message());
        area.moveTo(Math.min(error.start(), area.getLength()));
        area.requestFollowCaret();
    }

    private void clearMark() {
        area.clearError();
    }
}
