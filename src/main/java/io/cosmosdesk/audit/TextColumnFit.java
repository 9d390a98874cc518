package io.cosmosdesk.audit;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a column at least as wide as the widest of some texts drawn in its cells' font plus a cell's padding, so the
 * table's constrained resize policy, giving the other columns their share, never cuts a time to "2026-12-06 16:…".
 * The texts are asked again when one of the given observables changes (the entries shown); the font and padding are
 * the cells' own (theme, CSS, zoom), read once cells exist.
 */
final class TextColumnFit {

    private TextColumnFit() {
    }

    /** Every digit repeated in {@code pattern}'s digit places ("0000-00-00 00:00:00", "1111-…"): whichever is widest. */
    static Collection<String> everyDigitIn(String pattern) {
        return java.util.stream.IntStream.rangeClosed('0', '9')
                .mapToObj(digit -> pattern.replaceAll("[0-9]", Character.toString(digit))).toList();
    }

    static <S> void keepWhole(TableView<S> table, TableColumn<S, ?> column, Supplier<Collection<String>> texts,
            Observable... changes) {
        Object[] fittedFor = {null, null}; // the font and the texts last fitted
        Collection<?>[] asked = {texts.get()};
        TableCell<?, ?>[] found = {null};
        InvalidationListener fit = observable -> {
            TableCell<?, ?> cell = found[0];
            if (cell == null || cell.getTableView() != table || cell.getTableColumn() != column) {
                cell = found[0] = cellOf(table, column);
            }
            if (cell == null) {
                return; // none made yet: tried again at the next layout
            }
            Font font = cell.getFont();
            if (Objects.equals(fittedFor[0], font) && fittedFor[1] == asked[0]) {
                return;
            }
            fittedFor[0] = font;
            fittedFor[1] = asked[0];
            Text measure = new Text();
            measure.setFont(font);
            double widest = 0;
            for (Object text : asked[0]) {
                measure.setText(String.valueOf(text));
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            column.setMinWidth(Math.ceil(widest + cell.snappedLeftInset() + cell.snappedRightInset()) + 2);
        };
        for (Observable change : changes) {
            change.addListener(observable -> {
                asked[0] = texts.get();
                fit.invalidated(observable);
            });
        }
        table.needsLayoutProperty().addListener(fit);
    }

    private static TableCell<?, ?> cellOf(TableView<?> table, TableColumn<?, ?> column) {
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == column) {
                return cell;
            }
        }
        return null;
    }
}
