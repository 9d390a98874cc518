package io.cosmosdesk.changes;

import java.util.function.Function;
import javafx.scene.control.TableCell;

/**
 * A plain text cell of the Live changes table (time, id, partition key): its text comes straight from the row, with
 * nothing made per refresh beyond what {@code text} returns (rows carry their texts ready), since under a stream of
 * changes every visible cell is refreshed several times a second.
 */
final class ChangeTextCell extends TableCell<ChangeRow, ChangeRow> {

    private final Function<ChangeRow, String> text;

    ChangeTextCell(Function<ChangeRow, String> text) {
        this.text = text;
    }

    @Override
    protected void updateItem(ChangeRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(empty || row == null ? null : text.apply(row));
    }
}
