package io.cosmosdesk.query;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * Where {@link SqlCompletion} completes: the query editor ({@link SqlCodeArea}) or the Items grid's filter box, whose
 * text is a WHERE clause and reads to completion as {@code SELECT * FROM c WHERE <text>} (so {@code c.} completes the
 * container's fields). Positions are in the text completion sees, prefix included.
 */
interface CompletionTarget {

    /** The node whose keys the popup takes (filters) and beside which it shows. */
    Node keyNode();

    String text();

    int caret();

    void replace(int from, int to, String inserted);

    void moveCaret(int at);

    boolean editable();

    /** The caret on screen, when it is on screen. */
    Optional<Bounds> caretOnScreen();

    ObservableBooleanValue focused();

    ObservableValue<? extends Number> caretPosition();

    /** Called with what was typed or pasted when nothing was removed (a lone "." opens the list). */
    void onInserted(Consumer<String> inserted);

    static CompletionTarget of(SqlCodeArea area) {
        return new CompletionTarget() {
            @Override public Node keyNode() { return area; }
            @Override public String text() { return area.getText(); }
            @Override public int caret() { return area.getCaretPosition(); }
            @Override public void replace(int from, int to, String inserted) { area.replaceText(from, to, inserted); }
            @Override public void moveCaret(int at) {
                area.moveTo(at);
                area.requestFollowCaret();
            }
            @Override public boolean editable() { return area.isEditable(); }
            @Override public Optional<Bounds> caretOnScreen() { return area.getCaretBounds(); }
            @Override public ObservableBooleanValue focused() { return area.focusedProperty(); }
            @Override public ObservableValue<? extends Number> caretPosition() { return area.caretPositionProperty(); }
            @Override public void onInserted(Consumer<String> inserted) {
                area.plainTextChanges().subscribe(change ->
                        inserted.accept(change.getRemoved().isEmpty() ? change.getInserted() : null));
            }
        };
    }

    /** The editable {@code box}'s text, completed as the WHERE clause of {@code prefix} (e.g. "SELECT * FROM c WHERE "). */
    static CompletionTarget ofFilter(ComboBox<String> box, String prefix) {
        TextField field = box.getEditor();
        int shift = prefix.length();
        return new CompletionTarget() {
            @Override public Node keyNode() { return box; }
            @Override public String text() { return prefix + field.getText(); }
            @Override public int caret() { return shift + field.getCaretPosition(); }
            @Override public void replace(int from, int to, String inserted) {
                field.replaceText(Math.max(0, from - shift), Math.max(0, to - shift), inserted);
            }
            @Override public void moveCaret(int at) { field.positionCaret(Math.max(0, at - shift)); }
            @Override public boolean editable() { return field.isEditable(); }
            @Override public Optional<Bounds> caretOnScreen() {
                Bounds box = field.localToScreen(field.getBoundsInLocal());
                if (box == null) {
                    return Optional.empty();
                }
                // the text before the caret, measured in the field's font, less what the field scrolled away
                Text before = new Text(field.getText().substring(0, field.getCaretPosition()));
                before.setFont(field.getFont());
                double x = Math.min(box.getWidth() - 8, field.getPadding().getLeft()
                        + before.getLayoutBounds().getWidth());
                return Optional.of(new BoundingBox(box.getMinX() + Math.max(0, x), box.getMinY() + 2, 1,
                        box.getHeight() - 2));
            }
            @Override public ObservableBooleanValue focused() { return box.focusedProperty(); }
            @Override public ObservableValue<? extends Number> caretPosition() { return field.caretPositionProperty(); }
            @Override public void onInserted(Consumer<String> inserted) {
                field.textProperty().addListener((obs, old, now) -> {
                    String was = old == null ? "" : old;
                    String is = now == null ? "" : now;
                    int start = 0;
                    while (start < was.length() && start < is.length() && was.charAt(start) == is.charAt(start)) {
                        start++;
                    }
                    int added = is.length() - was.length();
                    inserted.accept(added > 0 && is.startsWith(was.substring(start), start + added)
                            ? is.substring(start, start + added) : null);
                });
            }
        };
    }
}
