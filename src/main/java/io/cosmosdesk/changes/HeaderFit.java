package io.cosmosdesk.changes;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps a column at least as wide as its header's text, so a constrained resize policy giving the other columns
 * their share never cuts the header to "Time (_…". The minimum follows the header label's font (CSS, zoom).
 */
final class HeaderFit {

    private HeaderFit() {
    }

    static <S> void keepHeaderWhole(TableView<S> table, TableColumn<S, ?> column) {
        InvalidationListener[] tryFit = new InvalidationListener[1];
        tryFit[0] = observable -> {
            TableColumnHeader header = headerOf(table, column);
            if (header == null || !(header.lookup(".label") instanceof Label label)) {
                return; // not made yet: tried again at the next layout
            }
            table.needsLayoutProperty().removeListener(tryFit[0]);
            InvalidationListener fit = changed -> column.setMinWidth(Math.ceil(label.prefWidth(-1)
                    + header.snappedLeftInset() + header.snappedRightInset()));
            label.fontProperty().addListener(fit);
            label.textProperty().addListener(fit);
            label.paddingProperty().addListener(fit);
            header.paddingProperty().addListener(fit);
            fit.invalidated(null);
        };
        table.needsLayoutProperty().addListener(tryFit[0]);
        tryFit[0].invalidated(null);
    }

    private static TableColumnHeader headerOf(TableView<?> table, TableColumn<?, ?> column) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column) {
                return header;
            }
        }
        return null;
    }
}
