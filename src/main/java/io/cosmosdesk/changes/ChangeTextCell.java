package io.cosmosdesk.changes;

import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A text cell of the Live changes table, built for being refreshed several times a second under a stream of
 * changes. Its text is a {@link Text} node of its own (style class {@code change-text}), shown as the cell's graphic:
 * a Labeled's own text, when it changes, makes the skin put its text node back among its children, and the node put
 * back has its CSS looked up again, which for every visible cell at every hand-over was most of the table's cost.
 * The cell clips what does not fit (no ellipsis); the rows carry their texts ready, so nothing is made per refresh.
 */
class ChangeTextCell extends TableCell<ChangeRow, ChangeRow> {

    private final Function<ChangeRow, String> text;
    private final Text shown = new Text();

    ChangeTextCell(Function<ChangeRow, String> text) {
        this.text = text;
        shown.getStyleClass().add("change-text");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(shown);
    }

    @Override
    protected void updateItem(ChangeRow row, boolean empty) {
        super.updateItem(row, empty);
        shown.setText(empty || row == null ? "" : text.apply(row));
    }
}
