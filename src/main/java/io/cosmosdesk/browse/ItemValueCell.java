package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemRow;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

/**
 * A grid cell showing a value with its kind as a pseudo-class (:missing, :null, :empty-string, :number,
 * :structure), so (missing), null and "" each look different. Cells are reused for many rows while
 * scrolling and paging; a pseudo-class change only switches cached styles, where a style-class change would
 * re-apply all CSS to the cell.
 */
final class ItemValueCell extends TableCell<ItemRow, ItemColumn.Cell> {

    private static final Map<ItemColumn.CellKind, PseudoClass> KINDS = new EnumMap<>(Map.of(
            ItemColumn.CellKind.MISSING, PseudoClass.getPseudoClass("missing"),
            ItemColumn.CellKind.NULL, PseudoClass.getPseudoClass("null"),
            ItemColumn.CellKind.EMPTY_STRING, PseudoClass.getPseudoClass("empty-string"),
            ItemColumn.CellKind.NUMBER, PseudoClass.getPseudoClass("number"),
            ItemColumn.CellKind.STRUCTURE, PseudoClass.getPseudoClass("structure")));

    private PseudoClass shown;

    @Override
    protected void updateItem(ItemColumn.Cell cell, boolean empty) {
        super.updateItem(cell, empty);
        PseudoClass kind = empty || cell == null ? null : KINDS.get(cell.kind());
        if (kind != shown) {
            if (shown != null) {
                pseudoClassStateChanged(shown, false);
            }
            if (kind != null) {
                pseudoClassStateChanged(kind, true);
            }
            shown = kind;
        }
        setText(empty || cell == null ? null : cell.text());
    }
}
