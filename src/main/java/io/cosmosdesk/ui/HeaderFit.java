package io.cosmosdesk.ui;

import java.util.function.DoubleConsumer;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * The one place that measures a table column's header as shown: the header label's own width in its own font
 * (CSS, theme, zoom) plus the header's insets, so a constrained resize policy giving the other columns their share
 * never cuts the header to "Time (_…". Guessing the header's font (bold, a few pixels more) was wrong by a theme.
 */
public final class HeaderFit {

    private HeaderFit() {
    }

    /** Keeps {@code column} at least as wide as its shown header's text. */
    public static <S> void keepHeaderWhole(TableView<S> table, TableColumn<S, ?> column) {
        measure(table, column, width -> column.setMinWidth(width));
    }

    /**
     * Calls {@code width} with the width {@code column}'s header needs once the header exists (after the table's
     * first layout), and again whenever the label's font, text or padding or the header's padding change.
     */
    public static <S> void measure(TableView<S> table, TableColumn<S, ?> column, DoubleConsumer width) {
        boolean[] found = {false};
        Runnable[] tryFit = new Runnable[1];
        tryFit[0] = () -> {
            TableColumnHeader header = headerOf(table, column);
            if (found[0] || header == null || !(header.lookup(".label") instanceof Label label)) {
                return; // not made yet: tried again after the next layout pass
            }
            found[0] = true;
            if (table.getScene() != null) {
                table.getScene().removePostLayoutPulseListener(tryFit[0]);
            }
            InvalidationListener fit = changed -> width.accept(Math.ceil(label.prefWidth(-1)
                    + header.snappedLeftInset() + header.snappedRightInset()));
            label.fontProperty().addListener(fit);
            label.textProperty().addListener(fit);
            label.paddingProperty().addListener(fit);
            header.paddingProperty().addListener(fit);
            fit.invalidated(null);
        };
        // the header is made during the table's first layout pass: checked after each pass until it exists
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(tryFit[0]);
            }
            if (now != null && !found[0]) {
                now.addPostLayoutPulseListener(tryFit[0]);
            }
        });
        if (table.getScene() != null) {
            table.getScene().addPostLayoutPulseListener(tryFit[0]);
        }
        tryFit[0].run();
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
