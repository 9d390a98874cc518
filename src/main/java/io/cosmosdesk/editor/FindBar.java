package io.cosmosdesk.editor;

import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/**
 * The editor's find bar (Ctrl+F): finds as you type, Enter / Shift+Enter for next / previous, "3 of 12"
 * (counting stops at 10,000), Esc closes it and returns to the text.
 */
final class FindBar {

    private static final int COUNT_LIMIT = 10_000;

    private final HBox bar;
    private final TextField field;
    private final Label status;
    private final Supplier<JsonCodeArea> area;

    FindBar(HBox bar, TextField field, Label status, Supplier<JsonCodeArea> area) {
        this.bar = bar;
        this.field = field;
        this.status = status;
        this.area = area;
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        field.textProperty().addListener((obs, old, query) -> {
            area.get().find(query, true);
            updateStatus();
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                step(!event.isShiftDown());
                event.consume();
            }
        });
    }

    boolean isOpen() {
        return bar.isVisible();
    }

    /** Opens the bar, starting from the selected text when it is on one line. */
    void open() {
        bar.setVisible(true);
        String selected = area.get().getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0) {
            field.setText(selected);
        }
        field.requestFocus();
        field.selectAll();
    }

    void step(boolean forward) {
        area.get().find(field.getText(), forward);
        updateStatus();
    }

    void close() {
        bar.setVisible(false);
        area.get().requestFocus();
    }

    private void updateStatus() {
        String query = field.getText();
        if (query == null || query.isEmpty()) {
            status.setText("");
            return;
        }
        JsonCodeArea current = area.get();
        int count = current.countMatches(query, COUNT_LIMIT);
        status.setText(count == 0 ? "No matches"
                : current.currentMatchIndex(query) + " of " + (count >= COUNT_LIMIT ? "10,000+" : count));
    }
}
