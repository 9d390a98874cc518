package io.cosmosdesk.changes;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The "What changed" cell: the compact diff, "new" marked, the whole line in a tooltip when it is cut. */
final class ChangeSummaryCell extends TableCell<ChangeRow, ChangeRow> {

    private final Tooltip tooltip = new Tooltip();

    ChangeSummaryCell() {
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(600);
    }

    @Override
    protected void updateItem(ChangeRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("change-new", "change-deleted");
        if (empty || row == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(row.summary());
        if (row.kind() == ChangeRow.Kind.NEW) {
            getStyleClass().add("change-new");
        }
        if (row.isDelete()) {
            getStyleClass().add("change-deleted");
            String json = row.body().toPrettyString();
            tooltip.setText("Deleted" + (row.operation() != null && row.operation().timeToLiveExpired()
                    ? " by its time to live" : "") + ". What it held:\n"
                    + (json.length() > 2_000 ? json.substring(0, 2_000) + "\n…" : json));
        } else {
            tooltip.setText(row.summary());
        }
        setTooltip(tooltip);
    }
}
