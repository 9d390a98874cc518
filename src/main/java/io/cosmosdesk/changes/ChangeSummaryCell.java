package io.cosmosdesk.changes;

import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;

/**
 * The "What changed" cell: the compact diff, "new" marked, the whole line in a tooltip when it is cut. The tooltip's
 * text is made when it shows, not at each refresh: a deleted item's is its whole body as indented JSON, which for a
 * large item, on every visible delete row at every hand-over, was a stall of its own.
 */
final class ChangeSummaryCell extends ChangeTextCell {

    /** Pseudo-classes, not style classes: a style class change makes the cell's CSS be looked up again. */
    private static final PseudoClass NEW = PseudoClass.getPseudoClass("change-new");
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("change-deleted");

    private final Tooltip tooltip = new Tooltip();
    private ChangeRow tipFor;

    ChangeSummaryCell() {
        super(ChangeRow::summary);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(600);
        tooltip.setOnShowing(event -> tooltip.setText(tipText(tipFor)));
    }

    @Override
    protected void updateItem(ChangeRow row, boolean empty) {
        super.updateItem(row, empty);
        pseudoClassStateChanged(NEW, !empty && row != null && row.kind() == ChangeRow.Kind.NEW);
        pseudoClassStateChanged(DELETED, !empty && row != null && row.isDelete());
        tipFor = empty ? null : row;
        if (tipFor == null) {
            setTooltip(null);
            return;
        }
        setTooltip(tooltip); // the same tooltip every time: installed once, not at each refresh
    }

    /** What the tooltip says for {@code row}: the whole summary, or what a deleted item held. */
    static String tipText(ChangeRow row) {
        if (row == null) {
            return "";
        }
        if (!row.isDelete()) {
            return row.summary();
        }
        String json = row.body().toPrettyString();
        return "Deleted" + (row.operation() != null && row.operation().timeToLiveExpired()
                ? " by its time to live" : "") + ". What it held:\n"
                + (json.length() > 2_000 ? json.substring(0, 2_000) + "\n…" : json);
    }
}
