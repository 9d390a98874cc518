package io.cosmosdesk.changes;

import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;

/** The "What changed" cell: the compact diff, "new" marked, the whole line in a tooltip when it is cut. */
final class ChangeSummaryCell extends ChangeTextCell {

    /** Pseudo-classes, not style classes: a style class change makes the cell's CSS be looked up again. */
    private static final PseudoClass NEW = PseudoClass.getPseudoClass("change-new");
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("change-deleted");

    private final Tooltip tooltip = new Tooltip();

    ChangeSummaryCell() {
        super(ChangeRow::summary);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(600);
    }

    @Override
    protected void updateItem(ChangeRow row, boolean empty) {
        super.updateItem(row, empty);
        pseudoClassStateChanged(NEW, !empty && row != null && row.kind() == ChangeRow.Kind.NEW);
        pseudoClassStateChanged(DELETED, !empty && row != null && row.isDelete());
        if (empty || row == null) {
            setTooltip(null);
            return;
        }
        if (row.isDelete()) {
            String json = row.body().toPrettyString();
            tooltip.setText("Deleted" + (row.operation() != null && row.operation().timeToLiveExpired()
                    ? " by its time to live" : "") + ". What it held:\n"
                    + (json.length() > 2_000 ? json.substring(0, 2_000) + "\n…" : json));
        } else {
            tooltip.setText(row.summary());
        }
        setTooltip(tooltip); // the same tooltip every time: installed once, not at each refresh
    }
}
